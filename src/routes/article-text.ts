/**
 * Laying out an article's text for the article view: paragraphs, the highlighted spans inside
 * them, and the background ranges (milestone sentences) they sit in. Everything is placed by the
 * offsets the pipeline gives into the normalised text, never by searching for the words, so a
 * "28" that occurs twice is highlighted where it was read. Pure and total: offsets that are out of
 * range, reversed, fractional, overlapping an earlier span or crossing a paragraph break are
 * skipped, never thrown on.
 */

/** Something to highlight at `[start, end)` of the text; `data` is what the view shows for it. */
export interface TextSpan<T> {
  start: number
  end: number
  data: T
}

/** A stretch of text to tint behind the highlights (a milestone sentence); may overlap others. */
export interface TextRange {
  start: number
  end: number
}

/** One run of text with the same highlight and the same tint. */
export interface TextSegment<T> {
  start: number
  end: number
  text: string
  /** The span this run highlights, or null for plain text. */
  span: TextSpan<T> | null
  /** Whether the run lies inside any range. */
  inRange: boolean
  /** The ranges that begin within this run (a marker goes before it). */
  rangesStarting: ReadonlyArray<TextRange>
}

export interface TextParagraph<T> {
  start: number
  end: number
  segments: Array<TextSegment<T>>
}

export interface ArticleLayout<T> {
  paragraphs: Array<TextParagraph<T>>
  /** Spans placed in the text, in text order. */
  placed: Array<TextSpan<T>>
  /** Spans left out because their offsets were unusable or overlapped an earlier span. */
  skipped: Array<TextSpan<T>>
}

/** Paragraphs are separated by one or more blank lines; the offsets of each, without the breaks. */
export function findParagraphs(text: string): Array<{ start: number; end: number }> {
  const paragraphs: Array<{ start: number; end: number }> = []
  const breaks = /\n[ \t]*\n\s*/g
  let start = 0
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    if (match.index > start) paragraphs.push({ start, end: match.index })
    start = match.index + match[0].length
  }
  if (start < text.length) paragraphs.push({ start, end: text.length })
  return paragraphs.filter(({ start: from, end }) => text.slice(from, end).trim() !== '')
}

function isUsable(range: TextRange, length: number): boolean {
  return (
    Number.isInteger(range.start) &&
    Number.isInteger(range.end) &&
    range.start >= 0 &&
    range.end <= length &&
    range.start < range.end
  )
}

/**
 * Chooses the spans to draw. Earlier spans in `spans` win an overlap, so pass the figures before
 * the discarded numbers. A span must lie inside one paragraph.
 */
function placeSpans<T>(
  spans: ReadonlyArray<TextSpan<T>>,
  paragraphs: ReadonlyArray<{ start: number; end: number }>,
  length: number,
): { placed: Array<TextSpan<T>>; skipped: Array<TextSpan<T>> } {
  const placed: Array<TextSpan<T>> = []
  const skipped: Array<TextSpan<T>> = []
  for (const span of spans) {
    const inOneParagraph = paragraphs.some((p) => p.start <= span.start && span.end <= p.end)
    const overlaps = placed.some((other) => span.start < other.end && other.start < span.end)
    if (isUsable(span, length) && inOneParagraph && !overlaps) placed.push(span)
    else skipped.push(span)
  }
  placed.sort((a, b) => a.start - b.start)
  return { placed, skipped }
}

/**
 * Splits `text` into paragraphs of segments: a new segment starts wherever a span starts or ends
 * and wherever a range starts or ends, so each segment has one highlight (or none) and one tint.
 */
export function layoutArticleText<T>(
  text: string,
  spans: ReadonlyArray<TextSpan<T>>,
  ranges: ReadonlyArray<TextRange> = [],
): ArticleLayout<T> {
  const paragraphs = findParagraphs(text)
  const { placed, skipped } = placeSpans(spans, paragraphs, text.length)
  const usableRanges = ranges.filter((range) => isUsable(range, text.length))

  const laidOut = paragraphs.map(({ start, end }) => {
    const cuts = new Set<number>([start, end])
    for (const span of placed) {
      if (span.start >= start && span.end <= end) {
        cuts.add(span.start)
        cuts.add(span.end)
      }
    }
    // A range boundary inside a highlight would cut it in two: the highlight stays whole instead.
    const insideSpan = (offset: number) =>
      placed.some((span) => span.start < offset && offset < span.end)
    for (const range of usableRanges) {
      for (const offset of [range.start, range.end]) {
        if (offset > start && offset < end && !insideSpan(offset)) cuts.add(offset)
      }
    }
    const points = [...cuts].sort((a, b) => a - b)
    const segments: Array<TextSegment<T>> = []
    for (let i = 0; i + 1 < points.length; i += 1) {
      const from = points[i] ?? start
      const to = points[i + 1] ?? end
      if (to <= from) continue
      segments.push({
        start: from,
        end: to,
        text: text.slice(from, to),
        span: placed.find((span) => span.start === from && span.end === to) ?? null,
        inRange: usableRanges.some((range) => range.start < to && from < range.end),
        rangesStarting: usableRanges.filter((range) => range.start >= from && range.start < to),
      })
    }
    return { start, end, segments }
  })

  return { paragraphs: laidOut, placed, skipped }
}
