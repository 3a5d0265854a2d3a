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
 * Splits an article into sentences. Intl.Segmenter runs per paragraph (on one huge string it is
 * quadratic in Node 20); a merge step mends its splits after abbreviations ("Mr.", "Co. Ltd.",
 * "U.S. Chamber").
 */
export function splitSentences(article: Article): Array<Sentence> {
  const segmenter = (sharedSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' }))
  const sentences: Array<Sentence> = []
  const seen = new Set<string>()
  article.paragraphs.forEach((paragraph, paragraphIndex) => {
    const text = article.text.slice(paragraph.start, paragraph.end)
    const pieces: Array<{ start: number; end: number }> = []
    // A paragraph with no stop, question or exclamation mark inside is one sentence.
    const segments = INNER_BREAK.test(text)
      ? segmenter.segment(text)
      : [{ index: 0, segment: text }]
    for (const segment of segments) {
      const start = segment.index + (segment.segment.length - segment.segment.trimStart().length)
      const end = segment.index + segment.segment.trimEnd().length
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
