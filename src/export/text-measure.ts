/**
 * Text widths for figure layout. In the browser the canvas measures with the page's own font;
 * elsewhere (unit tests, Node) an estimate from character classes stands in. Layout only needs
 * widths, so both fit one signature.
 */
export interface FontSpec {
  /** CSS pixels. */
  size: number
  weight?: 400 | 600 | 700
  italic?: boolean
}

export type MeasureText = (text: string, font: FontSpec) => number

/**
 * A generous estimate (in ems per character) for sans-serif text: wide letters, narrow letters,
 * digits, and full-width CJK characters. Overestimates rather than under, so a layout made with
 * it does not overlap when drawn with a real font.
 */
export const estimateTextWidth: MeasureText = (text, font) => {
  let ems = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    if (code >= 0x2e80) ems += 1
    else if ("il.,:;!|'’ ()[]".includes(char)) ems += 0.32
    else if ('mwMW@%'.includes(char)) ems += 0.92
    else if (/[A-Z]/.test(char)) ems += 0.7
    else if (/[0-9]/.test(char)) ems += 0.6
    else ems += 0.58
  }
  const bold = (font.weight ?? 400) >= 600 ? 1.08 : 1
  return ems * font.size * bold
}

/** Measures with a canvas in the page's font; falls back to the estimate without a canvas. */
export function canvasTextMeasurer(fontFamily: string): MeasureText {
  const canvas = typeof document === 'undefined' ? null : document.createElement('canvas')
  const context = canvas?.getContext('2d') ?? null
  if (!context) return estimateTextWidth
  const cache = new Map<string, number>()
  return (text, font) => {
    const css = `${font.italic ? 'italic ' : ''}${font.weight ?? 400} ${font.size}px ${fontFamily}`
    const key = `${css}\u0000${text}`
    const cached = cache.get(key)
    if (cached !== undefined) return cached
    context.font = css
    const width = context.measureText(text).width
    cache.set(key, width)
    return width
  }
}
