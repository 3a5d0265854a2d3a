/**
 * Fonts for exported figures. A PNG is drawn from the SVG as an image, where only installed
 * fonts exist: without a CJK font in the stack, Chinese could come out as empty boxes, or in a
 * Japanese variant of the glyphs. Naming the Simplified Chinese fonts of each platform after the
 * page's own fonts keeps Latin text in the page's font and draws Han characters with real
 * glyphs: Noto Sans CJK SC (Debian's fonts-noto-cjk, which CI installs), Noto Sans SC, Source
 * Han Sans SC, PingFang SC (macOS), Microsoft YaHei (Windows).
 */
export const CJK_FONTS: ReadonlyArray<string> = [
  'Noto Sans CJK SC',
  'Noto Sans SC',
  'Source Han Sans SC',
  'PingFang SC',
  'Microsoft YaHei',
]

const GENERIC = new Set([
  'serif',
  'sans-serif',
  'monospace',
  'cursive',
  'fantasy',
  'ui-sans-serif',
  'ui-serif',
  'ui-monospace',
])

const unquote = (name: string) => name.trim().replace(/^(['"])(.*)\1$/, '$2')
const quote = (name: string) => (/^[\w-]+$/.test(name) ? name : `'${name}'`)

/**
 * A CSS font-family list with the CJK fonts added before its generic fallback ("sans-serif"),
 * and "sans-serif" at the end if it had no fallback; fonts already in the list stay where they
 * are. "system-ui, Arial, sans-serif" -> "system-ui, Arial, 'Noto Sans CJK SC', …, sans-serif".
 */
export function withCjkFonts(family: string): string {
  const names = family
    .split(',')
    .map(unquote)
    .filter((name) => name !== '')
  const present = new Set(names.map((name) => name.toLowerCase()))
  const missing = CJK_FONTS.filter((font) => !present.has(font.toLowerCase()))
  // The generic families at the end (not system-ui, a real font) are the last resort: the CJK
  // fonts go before them.
  let end = names.length
  while (end > 0 && GENERIC.has(names[end - 1]?.toLowerCase() ?? '')) end -= 1
  const fallback = names.slice(end)
  const stack = [
    ...names.slice(0, end),
    ...missing,
    ...(fallback.length > 0 ? fallback : ['sans-serif']),
  ]
  return stack.map(quote).join(', ')
}
