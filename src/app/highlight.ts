/**
 * Finding a number's words inside the sentence shown to the reader. The dataset gives each span's
 * offsets in the whole article, not in the sentence, so the words are looked up in the sentence;
 * when they occur more than once ("28 ... 28"), the span's rank among spans with the same words
 * in the same sentence (ordered by article offset) picks the occurrence.
 */

export interface SentencePart {
  text: string
  highlight: boolean
}

/** What a span needs for locating it: article, sentence, article offsets and its words. */
export interface SpanRef {
  article: string
  sentence: string
  start: number
  end: number
  text: string
}

function indicesOf(haystack: string, needle: string): number[] {
  const found: number[] = []
  if (needle.length === 0) return found
  let from = haystack.indexOf(needle)
  while (from !== -1) {
    found.push(from)
    from = haystack.indexOf(needle, from + needle.length)
  }
  return found
}

/**
 * Splits `sentence` into plain and highlighted parts around `text`. `occurrence` chooses among
 * repeated matches (wrapping round if it is too large). Case is ignored only when the exact words
 * are missing; if they are still not found, the sentence is returned whole and unhighlighted.
 */
export function splitAtSpan(sentence: string, text: string, occurrence = 0): SentencePart[] {
  let matches = indicesOf(sentence, text)
  if (matches.length === 0) matches = indicesOf(sentence.toLowerCase(), text.toLowerCase())
  if (matches.length === 0) return [{ text: sentence, highlight: false }]

  const index = matches[Math.max(0, occurrence) % matches.length] ?? 0
  const end = index + text.length
  const parts: SentencePart[] = []
  if (index > 0) parts.push({ text: sentence.slice(0, index), highlight: false })
  parts.push({ text: sentence.slice(index, end), highlight: true })
  if (end < sentence.length) parts.push({ text: sentence.slice(end), highlight: false })
  return parts
}

function spanKey(span: SpanRef): string {
  return `${span.article}\u0000${span.start}\u0000${span.end}`
}

/**
 * For every span, its rank among spans with the same article, sentence and words, ordered by
 * where they start in the article. Pass all spans of the dataset (kept and discarded numbers),
 * since a discarded "28" still occupies one of the sentence's "28"s.
 */
export function rankSpans(spans: ReadonlyArray<SpanRef>): (span: SpanRef) => number {
  const groups = new Map<string, SpanRef[]>()
  for (const span of spans) {
    const group = `${span.article}\u0000${span.sentence}\u0000${span.text}`
    const list = groups.get(group)
    if (list) list.push(span)
    else groups.set(group, [span])
  }
  const ranks = new Map<string, number>()
  for (const list of groups.values()) {
    const ordered = [...list].sort((a, b) => a.start - b.start || a.end - b.end)
    ordered.forEach((span, rank) => {
      const key = spanKey(span)
      if (!ranks.has(key)) ranks.set(key, rank)
    })
  }
  return (span) => ranks.get(spanKey(span)) ?? 0
}

/**
 * Splits a figure's sentence around the figure, from the offsets the dataset records (the
 * figure's start and end in the article, and where its sentence starts). Falls back to finding
 * the words when the offsets do not point at them.
 */
export function splitSentenceAtFigure(figure: {
  sentence: string
  sentenceStart: number
  start: number
  end: number
  text: string
}): SentencePart[] {
  const from = figure.start - figure.sentenceStart
  const to = figure.end - figure.sentenceStart
  if (from < 0 || to > figure.sentence.length || figure.sentence.slice(from, to) !== figure.text)
    return splitAtSpan(figure.sentence, figure.text)
  const parts: SentencePart[] = []
  if (from > 0) parts.push({ text: figure.sentence.slice(0, from), highlight: false })
  parts.push({ text: figure.sentence.slice(from, to), highlight: true })
  if (to < figure.sentence.length) parts.push({ text: figure.sentence.slice(to), highlight: false })
  return parts
}
