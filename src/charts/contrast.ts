/** WCAG 2 relative luminance and contrast ratio of sRGB colours written as #rrggbb or #rgb. */

/** '#1f2933' -> [31, 41, 51]; throws on anything else, so a typo in a palette fails loudly. */
export function parseHexColor(hex: string): [number, number, number] {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(hex)
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  const parts = long ? [long[1], long[2], long[3]] : short ? [short[1], short[2], short[3]] : null
  if (!parts) throw new Error(`Not a #rrggbb colour: ${hex}`)
  const [r, g, b] = parts.map((part = '0') => parseInt(part.length === 1 ? part + part : part, 16))
  return [r ?? 0, g ?? 0, b ?? 0]
}

function channel(value: number): number {
  const c = value / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
}

export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHexColor(hex)
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/** 1 (same colour) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a)
  const lb = relativeLuminance(b)
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
}

/** The same values as --color-text and white in app.css, for text drawn on a coloured fill. */
export const DARK_TEXT = '#1f2933'
export const LIGHT_TEXT = '#ffffff'

/** Dark or white text, whichever reads better on `background`. */
export function textColorOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT)
    ? LIGHT_TEXT
    : DARK_TEXT
}
