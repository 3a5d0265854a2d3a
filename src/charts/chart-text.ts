import { currentLocale } from '../i18n/i18n'
import { LANGUAGE_TAGS } from '../i18n/locale'
import { withCjkFonts } from '../export/fonts'

/**
 * Text sizing for SVG labels. Charts place labels before the browser has laid them out. In a
 * browser the text is measured on an OffscreenCanvas in the page's font; where there is none
 * (jsdom, old browsers) widths are estimated from the advance widths of DejaVu Sans, the widest
 * of the usual system fonts, so an estimate errs on the side of room.
 */
const NARROW = 0.3 // i j l I ' . , : ; ! | and space
const DIGIT = 0.64
const LOWER = 0.61
const UPPER = 0.7
const WIDTH_EM: Record<string, number> = {
  f: 0.36,
  r: 0.41,
  t: 0.4,
  m: 0.98,
  w: 0.82,
  M: 0.87,
  W: 0.99,
  '(': 0.39,
  ')': 0.39,
  '-': 0.37,
  '/': 0.34,
  '+': 0.84,
  '%': 0.95,
  $: 0.64,
  '\u2013': 0.5,
  '\u2014': 1,
  '\u2026': 1,
  '\u26a0': 1,
  '\ufe0e': 0,
}
/** Bold glyphs are about 8% wider. */
const BOLD_FACTOR = 1.08

function glyphWidth(glyph: string): number {
  const known = WIDTH_EM[glyph]
  if (known !== undefined) return known
  if (/[ijlI'.,:;!| ]/.test(glyph)) return NARROW
  if (/[0-9]/.test(glyph)) return DIGIT
  if (/[a-z]/.test(glyph)) return LOWER
  if (/[A-Z]/.test(glyph)) return UPPER
  // Anything else (CJK, symbols): a full em, the safe side.
  return 1
}

/** Width in px of `text` at `fontSize` px from the table above. */
export function estimateFromTable(text: string, fontSize: number, bold = false): number {
  let em = 0
  for (const glyph of text) em += glyphWidth(glyph)
  return em * fontSize * (bold ? BOLD_FACTOR : 1)
}

let measuringContext: OffscreenCanvasRenderingContext2D | null | undefined
let measuringFamily = ''
const measured = new Map<string, number>()

function measure(text: string, fontSize: number, bold: boolean): number | null {
  if (measuringContext === undefined) {
    measuringContext =
      typeof OffscreenCanvas === 'undefined' || typeof document === 'undefined'
        ? null
        : new OffscreenCanvas(1, 1).getContext('2d')
    if (measuringContext)
      measuringFamily = withCjkFonts(getComputedStyle(document.body).fontFamily || 'sans-serif')
  }
  if (!measuringContext || !measuringFamily) return null
  const font = `${bold ? '600 ' : ''}${fontSize}px ${measuringFamily}`
  const cacheKey = `${font}|${text}`
  const cached = measured.get(cacheKey)
  if (cached !== undefined) return cached
  measuringContext.font = font
  const width = measuringContext.measureText(text).width
  measured.set(cacheKey, width)
  return width
}

/** Width in px of `text` set at `fontSize` px: measured in a browser, else estimated. */
export function estimateTextWidth(text: string, fontSize: number, bold = false): number {
  return measure(text, fontSize, bold) ?? estimateFromTable(text, fontSize, bold)
}

const compactFormats = new Map<string, Intl.NumberFormat>()

/**
 * Axis ticks only, in the current language: 1200000 -> "1.2M" or "120万", 30000 -> "30K" or
 * "3万", 80 -> "80". Labels use `display`.
 */
export function formatAxisTick(value: number): string {
  const tag = LANGUAGE_TAGS[currentLocale()]
  let format = compactFormats.get(tag)
  if (!format) {
    format = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 })
    compactFormats.set(tag, format)
  }
  return format.format(value)
}

/**
 * "6th (2023)" -> { main: '6th', detail: '2023' }, "第六届（2023）" alike; a label without a bracket keeps it all in
 * `main`. Used to break edition labels over two lines or to shorten them.
 */
export function splitCategoryLabel(label: string): { main: string; detail: string | null } {
  const match = /^(.*?)\s*[(（]([^()（）]*)[)）]$/.exec(label)
  if (!match?.[1] || match[2] === undefined) return { main: label, detail: null }
  return { main: match[1], detail: match[2] }
}

/**
 * How a category label is written under a column of `room` px: on one line, over two lines
 * ("6th" above "2023"), or shortened to its first part. Returns the lines to draw.
 */
export function fitCategoryLabel(
  label: string,
  room: number,
  fontSize: number,
  preferShort = false,
): string[] {
  const { main, detail } = splitCategoryLabel(label)
  if (preferShort && detail !== null) return [main]
  if (estimateTextWidth(label, fontSize) <= room) return [label]
  if (detail === null) return [label]
  if (Math.max(estimateTextWidth(main, fontSize), estimateTextWidth(detail, fontSize)) <= room) {
    return [main, detail]
  }
  return [main]
}

/** Han characters and CJK punctuation: Chinese has no spaces, a line may break between them. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u
/** Closing punctuation never starts a line ("，" stays with the character before it). */
const NO_LINE_START = /^[，。、：；！？）」』》%]/u

/** Every way to put `text` on two lines: at a space, or between two CJK characters. */
function lineBreaks(text: string): Array<[string, string]> {
  const chars = Array.from(text)
  const breaks: Array<[string, string]> = []
  for (let i = 1; i < chars.length; i++) {
    const before = chars[i - 1] ?? ''
    const after = chars[i] ?? ''
    if (after === ' ') continue
    const rest = chars.slice(i).join('')
    if (before === ' ') breaks.push([chars.slice(0, i - 1).join(''), rest])
    else if ((CJK.test(before) || CJK.test(after)) && !NO_LINE_START.test(rest))
      breaks.push([chars.slice(0, i).join(''), rest])
  }
  return breaks
}

/**
 * A value label (bold) over a column of `room` px: one line if it fits, else split at a space or
 * between Chinese characters into the two lines that fit best, else null (the tooltip and the
 * table still have it). `extra` is room taken after the last line, e.g. by the conflict mark.
 */
export function fitValueLabel(
  text: string,
  room: number,
  fontSize: number,
  extra = 0,
): string[] | null {
  const width = (line: string, last: boolean) =>
    estimateTextWidth(line, fontSize, true) + (last ? extra : 0)
  if (width(text, true) <= room) return [text]
  let best: string[] | null = null
  let bestWidth = Infinity
  for (const [first, second] of lineBreaks(text)) {
    const widest = Math.max(width(first, false), width(second, true))
    if (widest <= room && widest < bestWidth) {
      best = [first, second]
      bestWidth = widest
    }
  }
  return best
}

/** Keeps `text` within `room` px, ending with "…" when it had to be cut. */
export function truncateToWidth(text: string, room: number, fontSize: number): string {
  if (estimateTextWidth(text, fontSize) <= room) return text
  const glyphs = Array.from(text)
  while (glyphs.length > 1 && estimateTextWidth(`${glyphs.join('')}…`, fontSize) > room)
    glyphs.pop()
  return `${glyphs.join('').trimEnd()}…`
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max)
}

/**
 * A value axis from 0 with round steps (1, 2, 2.5 or 5 × 10ⁿ), at most `count` ticks. `max` is the
 * largest value drawn, or a shared maximum; the axis ends on the first step at or above it, or at
 * `max` itself when that step is far above. `integer` keeps steps whole, for counts.
 */
export function niceTicks(
  max: number,
  count: number,
  integer: boolean,
): { top: number; ticks: number[] } {
  if (!(max > 0) || !Number.isFinite(max)) return { top: 1, ticks: [0, 1] }
  const rough = max / Math.max(1, count - 1)
  const power = 10 ** Math.floor(Math.log10(rough))
  let step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power
  // 0.5 or 2.5 would give fractional ticks for counts: use 1 or 5 instead.
  if (integer && !Number.isInteger(step)) step = step < 1 ? 1 : 5
  const rounded = Math.ceil(max / step - 1e-9) * step
  // Rounding up to a whole step may waste much of the axis (1.1 billion -> 2 billion): then the
  // axis ends at the largest value, and the last tick is the last whole step below it.
  const top = rounded <= max * 1.2 ? Number(rounded.toPrecision(12)) : max
  const steps = Math.floor(top / step + 1e-9)
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)))
  return { top, ticks }
}
