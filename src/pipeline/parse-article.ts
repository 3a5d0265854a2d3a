/**
 * Reads one article file: ` date YYYY-MM-DD ` then the first paragraph on the first line,
 * paragraphs separated by blank lines.
 *
 * The article's text, which every offset in the dataset points into, is normalised: no BOM,
 * LF line ends, each paragraph's lines trimmed and joined by a space, paragraphs joined by one
 * blank line. Repeated paragraphs are kept in the text (it is shown verbatim); the sentence
 * stage counts them once.
 */

export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024

/**
 * A press paragraph is a few hundred characters (the longest we hold is 5,000). Far longer means
 * the file is not an article with blank lines between paragraphs; extracting figures from one
 * huge paragraph also takes minutes, so such a file is refused.
 */
export const MAX_PARAGRAPH_CHARS = 20_000

export interface Paragraph {
  start: number
  end: number
}

export interface Article {
  /** The file's name without its extension; the article's id in the dataset and in URLs. */
  id: string
  fileName: string
  date: string
  text: string
  paragraphs: Array<Paragraph>
  warnings: Array<string>
}

/** Why a file could not be read, where: printed as `file:line: cause`. */
export interface ArticleProblem {
  file: string
  line: number
  cause: string
}

export type ParseResult = { ok: true; article: Article } | { ok: false; problem: ArticleProblem }

const DATE_LINE = /^\s*date\s+(\S+)(?:\s+|$)/i
// Whitespace that normalising changes: a tab, a no-break space, or two spaces together.
const RUN_OF_SPACES = /[\t\u00a0]| {2}/

/** The file's name without folder or extension. */
const baseName = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')

function articleIdFromFileName(fileName: string): string {
  return (
    // Exactly the schema's slug (lower case, digits, hyphens): any other id would only fail
    // validation after extraction, as an internal error that names no file.
    baseName(fileName)
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'article'
  )
}

/** Checks the bytes are a text file we can read, then parses it. */
export function parseArticleBytes(fileName: string, bytes: Uint8Array): ParseResult {
  const fail = (line: number, cause: string): ParseResult => ({
    ok: false,
    problem: { file: fileName, line, cause },
  })
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return fail(1, `file is ${formatMegabytes(bytes.length)}, over the 5 MB limit for one article`)
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) return fail(lineOfByte(bytes, nul), 'binary file (contains a NUL byte), not text')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fail(
      lineOfByte(bytes, firstInvalidUtf8(bytes)),
      'not UTF-8 text (invalid byte sequence)',
    )
  }
  return parseArticle(fileName, text)
}

/** Parses an article's text. Total: every input gives an article or a problem, never a throw. */
export function parseArticle(fileName: string, raw: string): ParseResult {
  const fail = (line: number, cause: string): ParseResult => ({
    ok: false,
    problem: { file: fileName, line, cause },
  })
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const first = lines.findIndex((line) => line.trim() !== '')
  if (first < 0) return fail(1, 'empty file: expected " date YYYY-MM-DD" and the article text')
  const firstLine = lines[first] ?? ''
  const dateMatch = DATE_LINE.exec(firstLine)
  if (!dateMatch) {
    return fail(
      first + 1,
      `no date: the first line must start with "date YYYY-MM-DD", found "${preview(firstLine)}"`,
    )
  }
  const date = dateMatch[1] ?? ''
  const dateProblem = checkDate(date)
  if (dateProblem) return fail(first + 1, dateProblem)
  lines[first] = firstLine.slice(dateMatch[0].length)

  const paragraphTexts: Array<string> = []
  const paragraphLines: Array<number> = []
  let current: Array<string> = []
  lines.slice(first).forEach((line, index) => {
    const trimmed = line.trim()
    if (trimmed === '') {
      if (current.length > 0) paragraphTexts.push(current.join(' '))
      current = []
    } else {
      if (current.length === 0) paragraphLines.push(first + index + 1)
      // Most lines have single spaces only: replacing each with a space would copy them all.
      current.push(RUN_OF_SPACES.test(trimmed) ? trimmed.replace(/[ \t\u00a0]+/g, ' ') : trimmed)
    }
  })
  if (current.length > 0) paragraphTexts.push(current.join(' '))
  if (paragraphTexts.length === 0) return fail(first + 1, 'the article has a date but no text')
  const long = paragraphTexts.findIndex((paragraph) => paragraph.length > MAX_PARAGRAPH_CHARS)
  if (long >= 0) {
    return fail(
      paragraphLines[long] ?? first + 1,
      `a paragraph of ${(paragraphTexts[long] ?? '').length.toLocaleString('en')} characters, over the ${MAX_PARAGRAPH_CHARS.toLocaleString('en')} limit for one paragraph (are paragraphs separated by blank lines?)`,
    )
  }

  const paragraphs: Array<Paragraph> = []
  let offset = 0
  for (const paragraph of paragraphTexts) {
    paragraphs.push({ start: offset, end: offset + paragraph.length })
    offset += paragraph.length + 2
  }
  const id = articleIdFromFileName(fileName)
  const warnings: Array<string> = []
  if (id !== baseName(fileName)) {
    warnings.push(
      `file name has characters that are not safe in a link; the article's id is "${id}"`,
    )
  }
  return {
    ok: true,
    article: { id, fileName, date, text: paragraphTexts.join('\n\n'), paragraphs, warnings },
  }
}

function checkDate(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return `invalid date "${preview(date)}": expected YYYY-MM-DD`
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const parsed = new Date(Date.UTC(year, month - 1, day))
  if (
    parsed.getUTCFullYear() !== year ||
    parsed.getUTCMonth() !== month - 1 ||
    parsed.getUTCDate() !== day
  ) {
    return `invalid date "${date}": no such day`
  }
  if (year < 2000 || year > 2100) return `invalid date "${date}": the year is out of range`
  return undefined
}

/**
 * The start of a line, quoted in a message. Control and invisible format characters are escaped
 * (`\u001b`): raw, they would reach the terminal from a damaged file, and "2023-11-08\u200b"
 * says why a date that looks right is not.
 */
const preview = (text: string) =>
  (text.length > 40 ? `${text.slice(0, 40)}…` : text).replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  )

const formatMegabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 10) line++
  return line
}

/** Index of the first byte that breaks UTF-8, for the error's line number. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0
    const length =
      byte < 0x80 ? 1 : byte >> 5 === 6 ? 2 : byte >> 4 === 14 ? 3 : byte >> 3 === 30 ? 4 : 0
    if (length === 0 || i + length > bytes.length) return i
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i
    i += length
  }
  return i
}
