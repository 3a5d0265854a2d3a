/**
 * fast-check arbitraries for whole article files, as bytes: well-formed articles in the genre
 * (CIIE sentences with numbers, full-width digits, Chinese punctuation, nested quotes, em dashes,
 * NBSP and zero-width spaces) and damaged ones (no date, a malformed or far-off date, a line of
 * 1–2 MB, binary bytes, NUL bytes, cut UTF-8 sequences, BOMs, CR and CRLF line ends, blank files).
 * Used by cli-fuzz.test.ts.
 */
import fc from 'fast-check'

/** One generated file: its bytes, what was done to it, and whether it must give an article. */
export interface FuzzFile {
  kind: string
  bytes: Uint8Array
  /** A well-formed article, or one changed only in ways the README allows: it must be read. */
  mustRead: boolean
  /** The cause the pipeline must give, when the damage has only one possible reading. */
  cause?: RegExp
}

/** A file with its name in the folder. */
export interface NamedFuzzFile extends FuzzFile {
  name: string
}

const encoder = new TextEncoder()
const encode = (text: string) => encoder.encode(text)

// --- Sentences of the genre ---

const district = fc.constantFrom(
  'Jing’an',
  "Jing'an",
  'Jingan',
  'Pudong New Area',
  'Pudong',
  'Qingpu',
  'Hongkou',
  'Minhang',
  'Songjiang',
  'Huangpu',
  'Changning District',
  '静安区',
)
const zone = fc.constantFrom(
  '',
  ' and the West Hongqiao Business District',
  ' in Lujiazui',
  ' on the North Bund',
  ' along the G60 Science and Technology Innovation Corridor',
  ' near the Huangpu River',
  ' at the Hongqiao hub',
)
const verb = fc.constantFrom(
  'signed',
  'attracted',
  'brought',
  'recruited',
  'welcomed',
  'hosted',
  'reached deals worth',
  'reported',
)
const qualifier = fc.constantFrom(
  '',
  'more than ',
  'over ',
  'about ',
  'nearly ',
  'up to ',
  'at least ',
  'an estimated ',
  'no fewer than ',
  'exceeded ',
)
const toFullWidth = (digits: string) =>
  digits.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)))
const number = fc.oneof(
  fc.integer({ min: 1, max: 99_999 }).map(String),
  fc.integer({ min: 1_000, max: 9_999_999 }).map((n) => n.toLocaleString('en')),
  fc.integer({ min: 1, max: 999 }).map((n) => toFullWidth(String(n))),
  fc.constantFrom('Fourteen', 'twenty-eight', 'a dozen', 'dozens of', '1.2', '3.5', '８０', '0'),
)
const noun = fc.constantFrom(
  'partners',
  'agreements',
  'projects',
  'enterprises',
  'exhibitors',
  'visitors',
  'square meters',
  'square metres of floor space',
  'percent',
  '%',
  '％',
  'companies',
  'events',
)
const money = fc.constantFrom(
  'US$700 million',
  '3.5 billion yuan',
  'RMB 1.2 billion',
  '1.7 million yuan (US$233,000)',
  'US$1.1 billion',
  '８０ million yuan',
  '2 trillion yuan',
)
const quantity = fc.oneof(
  fc.tuple(qualifier, number, noun).map(([q, n, u]) => `${q}${n} ${u}`),
  fc.tuple(qualifier, money).map(([q, m]) => `${q}${m}`),
  fc.constant('30,000 square meters'),
  fc.constant('more than 80 partners'),
  fc.constant('Fourteen projects'),
)
const edition = fc.constantFrom(
  '',
  ' at the sixth CIIE',
  ' during the 6th China International Import Expo',
  ' at this year’s expo',
  ' since the first CIIE in 2018',
  ' last year',
  ' at the 2023 CIIE',
  ' in the first five editions',
  ' at the ninth CIIE',
)
/** A separator between words: mostly a space, sometimes a no-break or zero-width space. */
const space = fc.constantFrom(' ', ' ', ' ', ' ', '\u00a0', ' \u200b', '\u200b ', '  ', '\t')

const plainSentence = fc
  .tuple(district, zone, verb, quantity, edition, space, space)
  .map(([d, z, v, q, e, s1, s2]) => `${d}${z}${s1}${v} ${q}${s2}${e.trimStart()}`.trimEnd())
const sentence = fc.oneof(
  plainSentence.map((s) => `${s}.`),
  plainSentence.map((s) => `${s}。`),
  plainSentence.map((s) => `${s.replace(/,/g, '，')}，同比增长。`),
  fc.tuple(plainSentence, district).map(([s, d]) => `“${s},” said a ${d} official.`),
  fc.tuple(plainSentence, plainSentence).map(([a, b]) => `“${a}, and ‘${b}’,” the director said.`),
  fc.tuple(plainSentence, quantity).map(([s, q]) => `${s} — ${q} in all — this year.`),
  fc.tuple(plainSentence, quantity).map(([s, q]) => `${s}（${q}）；`),
  fc.tuple(district, quantity).map(([d, q]) => `${d}‘s “${q}” figure…`),
  fc.constantFrom(
    'Mr. Wang of Co. Ltd. said the U.S. Chamber agreed.',
    'The expo ran from November 5 to 10.',
    'No. 1 Hall hosted 3+1 events.',
  ),
)
const paragraph = fc
  .array(sentence, { minLength: 1, maxLength: 4 })
  .chain((sentences) =>
    fc
      .array(space, { minLength: sentences.length, maxLength: sentences.length })
      .map((spaces) => sentences.map((s, i) => (i === 0 ? s : `${spaces[i] ?? ' '}${s}`)).join('')),
  )
const title = fc
  .tuple(district, verb, quantity, edition)
  .map(([d, v, q, e]) => `${d} ${v} ${q}${e}`)

const DAY = 24 * 60 * 60 * 1000
const isoDate = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY })
    .map((day) => new Date(day * DAY).toISOString().slice(0, 10))

/** The first line's " date YYYY-MM-DD" in the forms the README allows. */
const dateLine = (date: string) =>
  fc.constantFrom(` date ${date} `, `date ${date} `, `Date ${date}\n`, `\n\n date ${date} `)

interface ArticleText {
  date: string
  title: string
  paragraphs: Array<string>
}

const articleText: fc.Arbitrary<ArticleText> = fc.record({
  date: isoDate('2018-01-01', '2026-12-31'),
  title,
  paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 5 }),
})

const joinArticle = (head: string, article: ArticleText) =>
  `${head}${article.title}\n\n${article.paragraphs.join('\n\n')}\n`

/** Wraps a paragraph's long lines, as press copy often is. */
const wrapLines = (text: string) => text.replace(/(.{60,80}?) /g, '$1\n')

/** A well-formed article, in any of the layouts the README accepts. */
export const wellFormedArticle: fc.Arbitrary<FuzzFile> = fc
  .tuple(
    articleText,
    fc.boolean(),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
    fc.constantFrom(0, 1, 2),
  )
  .chain(([article, wrap, eol, bom, extraBlank]) =>
    dateLine(article.date).map((head) => {
      let text = joinArticle(head, article)
      if (wrap) text = wrapLines(text)
      text = text.replace(/\n\n/g, `\n${'\n'.repeat(extraBlank)}\n`).replace(/\n/g, eol)
      return {
        kind: `well-formed (${JSON.stringify(eol)}${bom ? ', BOM' : ''})`,
        bytes: encode(`${bom ? '\uFEFF' : ''}${text}`),
        mustRead: true,
      }
    }),
  )

// --- Damage ---

const malformedDate = fc.constantFrom(
  '2023-13-01',
  '2023-02-30',
  '27/11/2023',
  '2023-11-8',
  '２０２３-１１-０８',
  '2023‐11‐08',
  '2023–11–08',
  '20231108',
  'November 8, 2023',
  '1999-12-31',
  '2150-01-01',
  'YYYY-MM-DD',
  '2023-11-08T10:00',
  '2023-11-08\u200b',
  '\u200b2023-11-08',
  '0000-00-00',
)

/** Inserts bytes at a fraction of the way into the file. */
const insertAt = (bytes: Uint8Array, fraction: number, insert: Uint8Array) => {
  const at = Math.floor(fraction * bytes.length)
  const out = new Uint8Array(bytes.length + insert.length)
  out.set(bytes.subarray(0, at))
  out.set(insert, at)
  out.set(bytes.subarray(at), at + insert.length)
  return out
}
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true })

/** Multi-byte characters of the genre, whose encodings can be cut short. */
const multiByte = fc.constantFrom('“', '’', '—', '８', '。', '静', '\u00a0', '\u200b', '😀')

export const damagedArticle: fc.Arbitrary<FuzzFile> = fc.oneof(
  articleText.map((article) => ({
    kind: 'no date line',
    bytes: encode(joinArticle('', article)),
    mustRead: false,
    cause: /no date/,
  })),
  fc.tuple(articleText, malformedDate).map(([article, date]) => ({
    kind: `malformed date ${JSON.stringify(date)}`,
    bytes: encode(joinArticle(` date ${date} `, article)),
    mustRead: false,
    cause: /date/,
  })),
  fc.tuple(articleText, isoDate('2027-01-01', '2100-12-31')).map(([article, date]) => ({
    kind: `date in the future ${date}`,
    bytes: encode(joinArticle(` date ${date} `, article)),
    mustRead: true,
  })),
  fc
    .tuple(articleText, fc.constantFrom('date', ' date ', 'date:', 'dated 2023-11-08'))
    .map(([article, head]) => ({
      kind: `date keyword without a date ${JSON.stringify(head)}`,
      bytes: encode(joinArticle(`${head} `, article)),
      mustRead: false,
      cause: /date/,
    })),
  isoDate('2018-01-01', '2026-12-31').map((date) => ({
    kind: 'a date and no text',
    bytes: encode(` date ${date}\n\n \n`),
    mustRead: false,
    cause: /no text/,
  })),
  fc.tuple(wellFormedArticle, fraction).map(([file, at]) => ({
    kind: 'a NUL byte',
    bytes: insertAt(file.bytes, at, new Uint8Array([0])),
    mustRead: false,
    cause: /binary/,
  })),
  fc
    .tuple(wellFormedArticle, fraction, fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([file, at, noise]) => ({
      kind: 'random bytes inside',
      bytes: insertAt(file.bytes, at, noise),
      mustRead: false,
    })),
  fc.uint8Array({ maxLength: 600 }).map((bytes) => ({
    kind: 'random bytes',
    bytes,
    mustRead: false,
  })),
  fc
    .tuple(wellFormedArticle, fraction, multiByte, fc.constantFrom(1, 2, 3))
    .map(([file, at, char, keep]) => {
      const encoded = encode(char)
      const cut = encoded.subarray(0, Math.min(keep, encoded.length - 1))
      return {
        kind: `cut UTF-8 sequence of ${JSON.stringify(char)}`,
        bytes: insertAt(file.bytes, at, cut),
        mustRead: false,
        cause: /not UTF-8/,
      }
    }),
  wellFormedArticle.map((file) => {
    // Ends the file inside its last multi-byte character, if it has one.
    let end = file.bytes.length - 1
    while (end > 0 && ((file.bytes[end] ?? 0) & 0xc0) !== 0x80) end--
    return {
      kind: 'file ends inside a character',
      bytes: end > 0 ? file.bytes.subarray(0, end) : file.bytes,
      mustRead: end <= 0 ? file.mustRead : false,
      cause: end > 0 ? /not UTF-8/ : undefined,
    }
  }),
  fc
    .array(fc.constantFrom(' ', '\t', '\n', '\r\n', '\r', '\u00a0', '\u3000', '\uFEFF'), {
      maxLength: 40,
    })
    .map((chars) => ({
      kind: 'only whitespace',
      bytes: encode(chars.join('')),
      mustRead: false,
      cause: /empty file/,
    })),
  fc.constant({ kind: 'empty file', bytes: new Uint8Array(0), mustRead: false, cause: /empty/ }),
  fc
    .tuple(wellFormedArticle, fc.constantFrom('\uFEFF', '\uFEFF\uFEFF', '\u200b'))
    .map(([file, prefix]) => ({
      kind: `starts with ${JSON.stringify(prefix)}`,
      bytes: new Uint8Array([...encode(prefix), ...file.bytes]),
      mustRead: false,
    })),
)

/** A line of 1–2 MB: text of the genre, one letter, digits or noise, repeated. */
export const hugeLineArticle: fc.Arbitrary<FuzzFile> = fc
  .tuple(
    articleText,
    fc.constantFrom(
      'Jing’an signed more than 80 partners. ',
      'Jing’an signed more than 80 partners and ',
      'x',
      '12 ',
      '８０，',
      '“‘’” — ',
      '\u200b',
      'word ',
    ),
    fc.integer({ min: 1_000_000, max: 2_000_000 }),
    fc.constantFrom('own paragraph', 'first line', 'inside a paragraph'),
  )
  .map(([article, unit, size, where]) => {
    const line = unit.repeat(Math.ceil(size / encode(unit).length))
    const head = ` date ${article.date} `
    const text =
      where === 'first line'
        ? `${head}${line}\n\n${article.paragraphs.join('\n\n')}`
        : where === 'own paragraph'
          ? `${joinArticle(head, article)}\n${line}\n`
          : `${head}${article.title}\n${line}\n\n${article.paragraphs.join('\n\n')}`
    return { kind: `a line of ${size} bytes (${where})`, bytes: encode(text), mustRead: false }
  })

/** Any one file: mostly whole articles and damaged ones, rarely a huge line (they are slow). */
export const fuzzFile: fc.Arbitrary<FuzzFile> = fc.oneof(
  { arbitrary: wellFormedArticle, weight: 40 },
  { arbitrary: damagedArticle, weight: 60 },
  { arbitrary: hugeLineArticle, weight: 1 },
)

/** Names: mostly the usual date-and-subject, sometimes with spaces or Chinese characters. */
const namePrefix = fc.constantFrom(
  '2023-11-08-jingan',
  '2019-11-06-qingpu',
  'Jing an report (1)',
  '静安',
  'qingpu’s expo',
  '.hidden',
  '-dash',
)

/** Names a file, and prints it short in a counterexample (a huge line would flood the log). */
function named(name: string, file: FuzzFile): NamedFuzzFile & fc.WithToStringMethod {
  const head = new TextDecoder().decode(file.bytes.subarray(0, 160))
  return {
    ...file,
    name,
    [fc.toStringMethod]: () =>
      `${JSON.stringify(name)} (${file.kind}, ${file.bytes.length} bytes: ${JSON.stringify(head)}${file.bytes.length > 160 ? '…' : ''})`,
  }
}

/**
 * A folder of 1–3 files with distinct article ids (the index ends each name), in the order the
 * CLI reads them.
 */
export const fuzzFolder = (file: fc.Arbitrary<FuzzFile> = fuzzFile) =>
  fc
    .array(fc.tuple(namePrefix, file), { minLength: 1, maxLength: 3 })
    .map((entries) =>
      entries
        .map(([prefix, f], index) => named(`${prefix}-${index}.txt`, f))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    )

/** A folder with at least one damaged file (and maybe good ones next to it), for CLI runs. */
export const badFuzzFolder = (bad: fc.Arbitrary<FuzzFile> = damagedArticle) =>
  fc
    .tuple(bad, fc.array(fc.tuple(namePrefix, fuzzFile), { maxLength: 2 }), namePrefix)
    .map(([badFile, others, prefix]) =>
      [
        named(`${prefix}-0.txt`, badFile),
        ...others.map(([p, f], index) => named(`${p}-${index + 1}.txt`, f)),
      ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    )

/** Lines as the pipeline counts them (LF, CRLF or CR each end one), for bounds on `line`. */
export function lineCount(bytes: Uint8Array): number {
  let lines = 1
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10) lines++
    else if (bytes[i] === 13 && bytes[i + 1] !== 10) lines++
  }
  return lines
}
