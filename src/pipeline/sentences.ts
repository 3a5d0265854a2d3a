import type { Article } from './parse-article'

export interface Sentence {
  index: number
  paragraph: number
  /** Offsets in the article's text. */
  start: number
  end: number
  text: string
  /** The same sentence stood earlier in the article (a repeated standfirst or paragraph). */
  duplicate: boolean
}

// Titles before a name never end a sentence.
const TITLE_BEFORE_NAME = /(?:^|\s)(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Sen|Rep|Gov|No|Nos|Vol|Fig)\.$/
// These end a sentence only when a usual sentence opener follows ("... in the U.S. The firm").
const ABBREVIATION =
  /(?:^|[\s(])(?:[A-Z]\.){2,}$|(?:^|\s)(?:Co|Corp|Inc|Ltd|Bros|Rd|Ave|Jr|Sr|[NSEW]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|vs|etc)\.$/
const SENTENCE_OPENER =
  /^["“‘']?(?:The|This|That|These|Those|It|Its|They|Their|There|He|She|His|Her|We|Our|I|In|On|At|As|By|For|From|With|A|An|And|But|However|Also|Meanwhile|According|During|After|Before|Since|So|Some|Many|More|Over|Among|Besides|Moreover|Additionally|Furthermore|Yet|When|While|If|Last|Next)\b/

const INNER_BREAK = /[.!?…]["”’')\]]*\s/
let sharedSegmenter: Intl.Segmenter | undefined

/**
 * Splits an article into sentences where Intl.Segmenter would (see `sentenceBounds`), per
 * paragraph; a merge step mends its splits after abbreviations ("Mr.", "Co. Ltd.", "U.S. Chamber").
 */
export function splitSentences(article: Article): Array<Sentence> {
  const sentences: Array<Sentence> = []
  const seen = new Set<string>()
  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    const text = article.text.slice(paragraph.start, paragraph.end)
    const pieces: Array<{ start: number; end: number }> = []
    // A paragraph with no stop, question or exclamation mark inside is one sentence.
    const bounds = INNER_BREAK.test(text) ? sentenceBounds(text) : [0, text.length]
    for (let i = 0; i + 1 < bounds.length; i++) {
      const index = bounds[i] ?? 0
      const segment = text.slice(index, bounds[i + 1])
      const start = index + (segment.length - segment.trimStart().length)
      const end = index + segment.trimEnd().length
      if (end <= start) continue
      const previous = pieces[pieces.length - 1]
      if (
        previous &&
        shouldMerge(text.slice(previous.start, previous.end), text.slice(start, end))
      ) {
        previous.end = end
      } else {
        pieces.push({ start, end })
      }
    }
    for (const piece of pieces) {
      const sentenceText = text.slice(piece.start, piece.end)
      // Verbatim repeats (whitespace is already normalised by parseArticle) are one fact.
      const key = sentenceText
      sentences.push({
        index: sentences.length,
        paragraph: paragraphIndex,
        start: paragraph.start + piece.start,
        end: paragraph.start + piece.end,
        text: sentenceText,
        duplicate: seen.has(key),
      })
      seen.add(key)
    }
  })
  return sentences
}

function shouldMerge(previous: string, next: string): boolean {
  if (/^[a-z]/.test(next)) return true
  if (TITLE_BEFORE_NAME.test(previous)) return true
  if (/^(?:Ltd|Limited|Inc|Corp|Co)\b/.test(next)) return true
  return ABBREVIATION.test(previous) && !SENTENCE_OPENER.test(next)
}

/**
 * Where Intl.Segmenter('en', { granularity: 'sentence' }) puts sentence boundaries in `text`:
 * 0, each boundary, then `text.length`. The Unicode rules (UAX #29) are applied here directly for
 * the characters this press uses (ASCII, curly quotes, dashes), because the segmenter was the
 * largest single cost of the pipeline; a paragraph with any other character goes to the segmenter.
 * A test checks both agree on every fixture and on random text.
 */
export function sentenceBounds(text: string): Array<number> {
  const bounds = ruleBounds(text)
  if (bounds) return bounds
  sharedSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })
  return [...Array.from(sharedSegmenter.segment(text), (segment) => segment.index), text.length]
}

// Sentence_Break classes (UAX #29) of the characters ruleBounds knows; UNKNOWN sends the text to
// the segmenter.
const UNKNOWN = 0
const OTHER = 1
const SP = 2
const LOWER = 3
const UPPER = 4
const NUMERIC = 5
const ATERM = 6
const STERM = 7
const CLOSE = 8
const SCONTINUE = 9

const ASCII_CLASSES = (() => {
  const classes = new Uint8Array(128)
  for (let code = 0x21; code < 0x7f; code++) classes[code] = OTHER
  const set = (chars: string, value: number) => {
    for (const char of chars) classes[char.charCodeAt(0)] = value
  }
  set(' ', SP)
  set('abcdefghijklmnopqrstuvwxyz', LOWER)
  set('ABCDEFGHIJKLMNOPQRSTUVWXYZ', UPPER)
  set('0123456789', NUMERIC)
  set('.', ATERM)
  set('!?', STERM)
  set('"\'()[]{}', CLOSE)
  set(',-:;', SCONTINUE)
  return classes
})()

function classOf(code: number): number {
  if (code < 128) return ASCII_CLASSES[code] ?? UNKNOWN
  // ‘ ’ “ ” are Close; – and — are SContinue.
  if (code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d) return CLOSE
  if (code === 0x2013 || code === 0x2014) return SCONTINUE
  return UNKNOWN
}

// A character ruleBounds does not class (any but printable ASCII, curly quotes and dashes).
const UNCLASSED = /[^\x20-\x7e\u2018\u2019\u201c\u201d\u2013\u2014]/
const STOP = /[.!?]/g

/** The UAX #29 sentence rules SB6 to SB11, or null when the text has a character we do not class. */
function ruleBounds(text: string): Array<number> | null {
  if (UNCLASSED.test(text)) return null
  const n = text.length
  const at = (i: number) => classOf(text.charCodeAt(i))
  const bounds = [0]
  // Only a stop can end a sentence: jump from one to the next rather than class every character.
  const nextStop = (from: number) => {
    STOP.lastIndex = from
    return STOP.exec(text)?.index ?? n
  }
  let i = nextStop(0)
  while (i < n) {
    const term = at(i)
    const after = i + 1
    if (term === ATERM && after < n) {
      // SB6 "3.5"; SB7 "U.S"
      if (at(after) === NUMERIC) {
        i = nextStop(after)
        continue
      }
      const previous = i > 0 ? at(i - 1) : UNKNOWN
      if (at(after) === UPPER && (previous === UPPER || previous === LOWER)) {
        i = nextStop(after)
        continue
      }
    }
    // SB9, SB10: the sentence takes the closing quotes and brackets, then the spaces.
    let next = after
    while (next < n && at(next) === CLOSE) next++
    while (next < n && at(next) === SP) next++
    if (next >= n) break
    const following = at(next)
    // SB8a: "..., or ?" goes on.
    if (following === SCONTINUE || following === ATERM || following === STERM) {
      i = nextStop(next)
      continue
    }
    // SB8: after a full stop, a lower-case word before any letter or stop continues the sentence.
    if (term === ATERM) {
      let look = next
      while (look < n) {
        const value = at(look)
        if (value === UPPER || value === LOWER || value === ATERM || value === STERM) break
        look++
      }
      if (look < n && at(look) === LOWER) {
        i = nextStop(next)
        continue
      }
    }
    // SB11
    bounds.push(next)
    i = nextStop(next)
  }
  // Empty text has no sentence: its only bound is 0, as the segmenter gives.
  if (n > 0) bounds.push(n)
  return bounds
}
