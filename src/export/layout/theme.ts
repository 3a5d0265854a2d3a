/**
 * The look of a report figure: colours, type sizes and a spacing scale, derived from the layout
 * width so a slide, an A4 page and a square share one design at different sizes.
 */

export const COLORS = {
  background: '#ffffff',
  text: '#1a1a1a',
  /** 7.5:1 on white: small notes stay readable in print. */
  muted: '#555555',
  grid: '#e3e3e3',
  baseline: '#999999',
  /** The footer rule: quieter than the baseline, firmer than a gridline. */
  rule: '#c4c4c4',
  /** The thin border of an empty (not reported) table cell. */
  emptyBorder: '#d0d0d0',
  onDark: '#ffffff',
} as const

/** No chart text is drawn smaller than this; below it a print figure is no longer readable. */
export const MIN_CHART_FONT = 9

export interface Theme {
  /** Horizontal margin and the margin above and below the content. */
  margin: number
  /** One step of the spacing scale (4 px on an 800 px figure); gaps are multiples of it. */
  unit: number
  title: number
  subtitle: number
  legend: number
  /** The starting size of chart labels; charts shrink it (never below MIN_CHART_FONT) to fit. */
  chart: number
  note: number
  footer: number
  /** Side of a colour swatch in the legend and panel titles. */
  swatch: number
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value))
const round1 = (value: number) => Math.round(value * 10) / 10

/**
 * Sizes for a layout width. Type grows with about the cube root of the width, so a 1600 px figure
 * is not shouted and a 320 px one stays legible. `density` 0 is the normal figure; 1 and 2 are
 * tighter frames for fixed heights where the chart would not fit otherwise.
 */
export function themeFor(width: number, density = 0): Theme {
  const k = clamp((width / 860) ** 0.35, 0.85, 1.2)
  const d = density === 0 ? 1 : density === 1 ? 0.86 : 0.74
  return {
    margin: Math.round(clamp(width * 0.04, 16, 48) * (density === 0 ? 1 : 0.75)),
    unit: round1(4 * k * d),
    title: Math.max(14, round1(22 * k * d)),
    subtitle: Math.max(10.5, round1(15 * k * d)),
    legend: Math.max(MIN_CHART_FONT, round1(13 * k * d)),
    chart: Math.max(MIN_CHART_FONT, round1(13 * k)),
    note: Math.max(MIN_CHART_FONT, round1(12 * k * d)),
    footer: Math.max(MIN_CHART_FONT, round1(11 * k * d)),
    swatch: round1(11 * k * d),
  }
}

/** Relative luminance (WCAG) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const c = parseInt(hex.slice(offset, offset + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)

/** The text colour (dark or white) that reads better on a fill. */
export function textColorOn(fill: string): string {
  const l = luminance(fill)
  return contrast(l, 1) >= contrast(l, luminance(COLORS.text)) ? COLORS.onDark : COLORS.text
}
