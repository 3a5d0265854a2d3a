import type { FontSpec, MeasureText } from '../text-measure'

/** Line box height as a multiple of the font size; text boxes and line spacing both use it. */
export const LINE_HEIGHT = 1.2
/**
 * Where the baseline sits in a line box, in ems from its top: half the leading plus a typical
 * sans-serif ascent (Arial 0.905, Noto 1.07 across 1.2 em), so glyphs stay inside the box.
 */
export const BASELINE = 0.93

export const lineHeight = (size: number) => size * LINE_HEIGHT

/**
 * Slanted glyphs reach past their advance width (measured in Chromium: about a pixel at 13 px):
 * italic boxes are this many ems wider so their ink stays inside.
 */
export const ITALIC_OVERHANG = 0.1

/** The width a text's box takes: its measured advance, plus the overhang of italics. */
export const boxWidth = (text: string, font: FontSpec, measure: MeasureText) =>
  measure(text, font) + (font.italic ? font.size * ITALIC_OVERHANG : 0)

/** Han, kana, hangul and full-width forms: a line may break between any two of these. */
const BREAK_ANYWHERE = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u

/** Closing punctuation a line never starts with (Chinese typesetting's rule). */
const NO_LINE_START = /[，。、：；！？）」』》〉】%]/u
/** Opening brackets a line never ends with: they stay with what follows. */
const NO_LINE_END = /[（「『《〈【]/u
const OPENING_ONLY = /^[（「『《〈【]+$/u

interface Unit {
  text: string
  /** A space separates this unit from the previous one (false inside CJK runs). */
  space: boolean
}

/**
 * Cuts text into pieces a line may break between: words, and each CJK character alone (with the
 * closing punctuation after it and the opening bracket before it).
 */
function breakUnits(text: string): Array<Unit> {
  const units: Array<Unit> = []
  for (const word of text.split(/\s+/)) {
    if (word === '') continue
    let space = units.length > 0
    let run = ''
    for (const char of word) {
      // "，" or "）" stays on the line of what comes before it.
      const last = units.at(-1)
      if (NO_LINE_START.test(char) && (run !== '' || (last && !space))) {
        if (run !== '') run += char
        else if (last) last.text += char
        continue
      }
      if (NO_LINE_END.test(char)) {
        // "（" starts a piece that runs up to the next place a line may break.
        if (run !== '') units.push({ text: run, space })
        if (run !== '') space = false
        run = char
      } else if (BREAK_ANYWHERE.test(char)) {
        const opening = OPENING_ONLY.test(run)
        if (run !== '' && !opening) units.push({ text: run, space })
        if (run !== '' && !opening) space = false
        units.push({ text: opening ? run + char : char, space })
        space = false
        run = ''
      } else run += char
    }
    if (run) units.push({ text: run, space })
  }
  return units
}

/** Breaks a word wider than the line into pieces that fit, character by character. */
function splitLongWord(
  word: string,
  maxWidth: number,
  font: FontSpec,
  measure: MeasureText,
): Array<string> {
  const pieces: Array<string> = []
  let piece = ''
  for (const char of word) {
    if (piece && measure(piece + char, font) > maxWidth) {
      pieces.push(piece)
      piece = char
    } else piece += char
  }
  if (piece) pieces.push(piece)
  return pieces
}

/**
 * Wraps text into lines no wider than `maxWidth` (as measured), breaking at spaces and between
 * CJK characters; a single word wider than the line is broken between characters rather than
 * clipped. Whitespace runs collapse to one space. Empty text gives no lines.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  font: FontSpec,
  measure: MeasureText,
): Array<string> {
  return [
    ...remembered(wrapCache, measure, `${fontKey(font)}|${maxWidth}|${text}`, () =>
      wrapLines(text, maxWidth, font, measure),
    ),
  ]
}

function wrapLines(
  text: string,
  maxWidth: number,
  font: FontSpec,
  measure: MeasureText,
): Array<string> {
  const lines: Array<string> = []
  // The units of each line; empty for pieces of a word split because it was too wide.
  const lineUnits: Array<Array<Unit>> = []
  let line = ''
  let units: Array<Unit> = []
  for (const unit of breakUnits(text)) {
    const candidate = line === '' ? unit.text : `${line}${unit.space ? ' ' : ''}${unit.text}`
    if (measure(candidate, font) <= maxWidth) {
      line = candidate
      units.push(unit)
      continue
    }
    if (line !== '') {
      lines.push(line)
      lineUnits.push(units)
    }
    if (measure(unit.text, font) <= maxWidth) {
      line = unit.text
      units = [unit]
      continue
    }
    const pieces = splitLongWord(unit.text, maxWidth, font, measure)
    line = pieces.pop() ?? ''
    units = []
    lines.push(...pieces)
    lineUnits.push(...pieces.map(() => []))
  }
  if (line !== '') {
    lines.push(line)
    lineUnits.push(units)
  }
  avoidOrphan(lines, lineUnits)
  return lines
}

/** One CJK character, with any closing punctuation that stays with it ("出", "区。"). */
function isOneCharacter(text: string): boolean {
  const [first, ...rest] = [...text]
  return (
    first !== undefined &&
    BREAK_ANYWHERE.test(first) &&
    !NO_LINE_START.test(first) &&
    !NO_LINE_END.test(first) &&
    rest.every((char) => NO_LINE_START.test(char))
  )
}

/**
 * Chinese typesetting avoids a last line of one character (加框标出 / 出): the character before it
 * goes down with it. The lines above only get shorter, so everything still fits.
 */
function avoidOrphan(lines: Array<string>, lineUnits: Array<Array<Unit>>): void {
  const last = lineUnits.at(-1)
  const previous = lineUnits.at(-2)
  const orphan = last?.length === 1 ? last[0] : undefined
  if (!orphan || orphan.space || !previous || previous.length < 3) return
  if (!isOneCharacter(orphan.text)) return
  const moved = previous.at(-1)
  if (!moved || !isOneCharacter(moved.text)) return
  const kept = previous.slice(0, -1)
  lines.splice(-2, 2, joinUnits(kept, 0, kept.length), moved.text + orphan.text)
  lineUnits.splice(-2, 2, kept, [moved, orphan])
}

/** The widest of some lines, as measured. */
export function widest(lines: ReadonlyArray<string>, font: FontSpec, measure: MeasureText): number {
  let width = 0
  for (const line of lines) width = Math.max(width, measure(line, font))
  return width
}

/** Units i..j-1 joined as they would be on one line. */
function joinUnits(units: ReadonlyArray<Unit>, from: number, to: number): string {
  let text = ''
  for (let i = from; i < to; i++) {
    const unit = units[i]
    if (unit) text += (i > from && unit.space ? ' ' : '') + unit.text
  }
  return text
}

/**
 * The narrowest width at which text wraps into at most `maxLines` lines without breaking a word:
 * at worst the width of the text on one line. Short texts (table cells, labels) try every way to
 * break; long ones use a binary search within half a pixel.
 */
export function widthForLines(
  text: string,
  maxLines: number,
  font: FontSpec,
  measure: MeasureText,
): number {
  return remembered(widthCache, measure, `${fontKey(font)}|${maxLines}|${text}`, () =>
    narrowestWidth(text, maxLines, font, measure),
  )
}

function narrowestWidth(
  text: string,
  maxLines: number,
  font: FontSpec,
  measure: MeasureText,
): number {
  const units = breakUnits(text)
  const n = units.length
  const line = (from: number, to: number) => measure(joinUnits(units, from, to), font)
  const whole = line(0, n)
  if (maxLines <= 1 || n <= 1) return whole
  if (n <= 12 && maxLines <= 3) {
    let best = whole
    for (let a = 1; a < n; a++) {
      best = Math.min(best, Math.max(line(0, a), line(a, n)))
      if (maxLines === 3)
        for (let b = a + 1; b < n; b++)
          best = Math.min(best, Math.max(line(0, a), line(a, b), line(b, n)))
    }
    return best
  }
  let low = widest(
    units.map((u) => u.text),
    font,
    measure,
  )
  let high = whole
  // Line count falls as the width grows: a short binary search finds the narrowest width.
  for (let i = 0; i < 12 && high - low > 0.5; i++) {
    const mid = (low + high) / 2
    if (wrapText(text, mid, font, measure).length <= maxLines) high = mid
    else low = mid
  }
  return high
}

/**
 * A measurer of its own for one layout, remembering widths: a layout tries several sizes and
 * measures the same strings many times. The wrapping caches below are keyed by this measurer,
 * so they last as long as one layout and never grow across figures.
 */
export function layoutMeasurer(measure: MeasureText): MeasureText {
  const byFont = new Map<number, Map<string, number>>()
  return (text, font) => {
    // A number, not a string, keys the font: building keys cost more than measuring.
    const key = font.size * 10_000 + (font.weight ?? 400) * 2 + (font.italic ? 1 : 0)
    let widths = byFont.get(key)
    if (!widths) {
      widths = new Map()
      byFont.set(key, widths)
    }
    let width = widths.get(text)
    if (width === undefined) {
      width = measure(text, font)
      widths.set(text, width)
    }
    return width
  }
}

const fontKey = (font: FontSpec) => `${font.size}|${font.weight ?? 400}|${font.italic ? 1 : 0}`

/*
 * Wrapping and narrowest widths are asked for again and again while a layout searches sizes.
 * The caches hang off the measurer (see layoutMeasurer) and keys include the font.
 */
const wrapCache = new WeakMap<MeasureText, Map<string, Array<string>>>()
const widthCache = new WeakMap<MeasureText, Map<string, number>>()

function remembered<T>(
  caches: WeakMap<MeasureText, Map<string, T>>,
  measure: MeasureText,
  key: string,
  compute: () => T,
): T {
  let cache = caches.get(measure)
  if (!cache) {
    cache = new Map()
    caches.set(measure, cache)
  }
  let value = cache.get(key)
  if (value === undefined) {
    value = compute()
    cache.set(key, value)
  }
  return value
}
