/**
 * The logic of `/analyze`, without React: reading pasted text or an opened file as an article,
 * running the pipeline on it, turning what a person decides about a number into an entry of
 * data/corrections.json, and writing the two files they download. The view only draws this.
 *
 * Importing the pipeline itself (not only its schema) from a route is allowed here and nowhere
 * else: /analyze is the pipeline's own run in the browser, so an official sees exactly what
 * `npm run data` will read from the article and from the corrections.
 */
import * as v from 'valibot'
import { formatAmount, formatLargeNumber } from '../app/format'
import { t } from '../i18n/i18n'
import {
  applyCorrections,
  CorrectionsFileSchema,
  UNITS_OF_KIND,
  type Correction,
  type LocatedCorrection,
} from '../pipeline/corrections'
import { extractArticle, type ArticleExtraction } from '../pipeline/extract-article'
import { MAX_ARTICLE_BYTES, parseArticleBytes, type Article } from '../pipeline/parse-article'
import { findQuantities } from '../pipeline/quantities'
import { getGazetteer, loadCatalog } from '../pipeline/reference'
import type {
  ArticleSummary,
  Catalog,
  DistrictId,
  Discarded,
  MetricKey,
  Observation,
  Qualifier,
  Unit,
} from '../pipeline/schema'
import { splitSentences, type Sentence } from '../pipeline/sentences'
import type { CatalogNames } from './article-catalog'
import { layoutArticleText, type TextSegment } from './article-text'

// ---------------------------------------------------------------------------------------------
// Reading the article
// ---------------------------------------------------------------------------------------------

/** The article file's first line, as parse-article reads it: `date` and a space. */
const DATE_LINE = /^\s*date\s/i

/** Whether the text starts (after blank lines) with the `date YYYY-MM-DD` line of an article file. */
export function hasDateLine(text: string): boolean {
  const first = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .find((line) => line.trim() !== '')
  return first !== undefined && DATE_LINE.test(first)
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

/** One run of the pipeline on the page's text. */
export interface Analysis {
  article: Article
  /** What the extractor read, before the page's corrections. */
  extraction: ArticleExtraction
  sentences: Array<Sentence>
}

export type AnalysisResult = { ok: true; analysis: Analysis } | { ok: false; message: string }

// The name parse-article is given; the article's id is chosen on the page, not taken from it.
const PASTED_FILE = 'pasted-article.txt'

/**
 * Reads the text as an article file and runs the extractor on it. A text without a date line
 * takes `addedDate` as its first line. Total: a problem comes back as a message, never a throw.
 */
export function analyseArticle(text: string, addedDate: string): AnalysisResult {
  const dated = hasDateLine(text)
  if (!dated && addedDate === '') {
    return { ok: false, message: t('analyze.read.noDate') }
  }
  const fileText = dated ? text : `date ${addedDate}\n${text}`
  const bytes = new TextEncoder().encode(fileText)
  if (bytes.length > MAX_ARTICLE_BYTES) {
    return {
      ok: false,
      message: t('analyze.read.tooLarge', { size: megabytes(bytes.length) }),
    }
  }
  const parsed = parseArticleBytes(PASTED_FILE, bytes)
  if (!parsed.ok) {
    const { line, cause } = parsed.problem
    // The cause is the pipeline's own words, in English, as `npm run data` prints them.
    if (!dated && line === 1) return { ok: false, message: t('analyze.read.addedDate', { cause }) }
    return { ok: false, message: t('analyze.read.line', { line: dated ? line : line - 1, cause }) }
  }
  try {
    const extraction = extractArticle(parsed.article, getGazetteer())
    return {
      ok: true,
      analysis: { article: parsed.article, extraction, sentences: splitSentences(parsed.article) },
    }
  } catch (error) {
    return {
      ok: false,
      message: t('analyze.read.failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    }
  }
}

export type FileReadResult = { ok: true; text: string } | { ok: false; message: string }

/**
 * An opened file's text. It must be what an article file may be: at most 5 MB of UTF-8 text. The
 * bytes are decoded strictly, so a Word document or a picture is named as such rather than shown
 * as replacement characters.
 */
export async function readArticleFile(file: Blob, name: string): Promise<FileReadResult> {
  if (file.size > MAX_ARTICLE_BYTES) {
    return {
      ok: false,
      message: t('analyze.file.tooLarge', { name, size: megabytes(file.size) }),
    }
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    return { ok: false, message: t('analyze.file.unreadable', { name }) }
  }
  const notText = t('analyze.file.notText', { name })
  if (bytes.includes(0)) return { ok: false, message: notText }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return { ok: true, text: text.replace(/^\uFEFF/, '') }
  } catch {
    return { ok: false, message: notText }
  }
}

// ---------------------------------------------------------------------------------------------
// The article's id and the downloaded files
// ---------------------------------------------------------------------------------------------

/**
 * A name as an article id, by parse-article's rule for file names: lower case, any character
 * other than a letter, digit or hyphen made a hyphen, no leading hyphen; "article" if nothing is left.
 */
export function articleIdFrom(name: string): string {
  return (
    name
      .trim()
      .replace(/\.txt$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'article'
  )
}

/** The id an article gets unless the person chooses one: its date and district. */
export function defaultArticleId(summary: Pick<ArticleSummary, 'date' | 'district'>): string {
  return `${summary.date}-${summary.district ?? 'article'}`
}

/**
 * The article as a data/articles file: the date line with the first paragraph, then the others
 * separated by blank lines. The normalised text is written, so the file reads back to the very
 * sentences the corrections quote.
 */
export function articleFileText(article: Pick<Article, 'date' | 'text'>): string {
  return `date ${article.date} ${article.text}\n`
}

/** The corrections as the `{ "corrections": [...] }` file, checked against the schema. */
export function correctionsFileText(
  corrections: ReadonlyArray<Correction>,
  articleId: string,
): string {
  const file = v.parse(CorrectionsFileSchema, {
    corrections: corrections.map((correction) => ({ ...correction, article: articleId })),
  })
  return `${JSON.stringify(file, null, 2)}\n`
}

/** Today in the browser's time zone, as YYYY-MM-DD: the date a correction carries. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

// ---------------------------------------------------------------------------------------------
// Corrections made on the page
// ---------------------------------------------------------------------------------------------

/** Where a number stands: the sentence and the words, which is how a correction names it. */
export interface NumberTarget {
  sentence: string
  number: string
}

/** Corrections and numbers are matched by sentence and words, as applyCorrections matches them. */
export const targetKey = ({ sentence, number }: NumberTarget) => `${sentence}\u0000${number}`
export const correctionKey = (correction: Correction) => targetKey(correction)
const recordKey = (record: { sentence: string; text: string }) =>
  targetKey({ sentence: record.sentence, number: record.text })

/** What a figure says; the fields a fix may change and an added figure must have. */
export interface FigureFields {
  metric: MetricKey
  value: number
  unit: Unit
  qualifier: Qualifier
  district: DistrictId
  edition: number | null
}

export function fieldsOf(observation: Observation): FigureFields {
  const { metric, value, unit, qualifier, district, edition } = observation
  return { metric, value, unit, qualifier, district, edition }
}

/** The units a metric may carry: the rule applyCorrections checks. */
export function unitsFor(
  metric: MetricKey,
  catalog: Pick<Catalog, 'metrics'>,
): ReadonlyArray<Unit> {
  const kind = catalog.metrics.find((m) => m.key === metric)?.unitKind ?? 'count'
  return UNITS_OF_KIND[kind]
}

// A correction is written for the page's article; its id is filled in when the file is written.
const PENDING_ARTICLE = 'article'

export function rejectCorrection(target: NumberTarget, reason: string, date: string): Correction {
  return { action: 'reject', article: PENDING_ARTICLE, ...target, reason: reason.trim(), date }
}

/** A fix that sets only what differs from the extractor's reading; null when nothing does. */
export function fixCorrection(
  observation: Observation,
  fields: FigureFields,
  reason: string,
  date: string,
): Correction | null {
  const before = fieldsOf(observation)
  const set: Partial<FigureFields> = {}
  for (const field of Object.keys(fields) as Array<keyof FigureFields>) {
    if (fields[field] !== before[field]) Object.assign(set, { [field]: fields[field] })
  }
  if (Object.keys(set).length === 0) return null
  return {
    action: 'fix',
    article: PENDING_ARTICLE,
    sentence: observation.sentence,
    number: observation.text,
    reason: reason.trim(),
    date,
    set,
  }
}

export function addCorrection(
  discarded: Discarded,
  figure: FigureFields,
  reason: string,
  date: string,
): Correction {
  return {
    action: 'add',
    article: PENDING_ARTICLE,
    sentence: discarded.sentence,
    number: discarded.text,
    reason: reason.trim(),
    date,
    figure,
  }
}

/** Adds a correction, replacing one the page already had for the same number. */
export function withCorrection(
  corrections: ReadonlyArray<Correction>,
  correction: Correction,
): Array<Correction> {
  const key = correctionKey(correction)
  const index = corrections.findIndex((c) => correctionKey(c) === key)
  if (index < 0) return [...corrections, correction]
  return corrections.map((c, i) => (i === index ? correction : c))
}

/** The fields a discarded number would have as a figure, as far as the article tells them. */
export interface AddPrefill {
  metric: MetricKey | null
  value: number | null
  unit: Unit
  qualifier: Qualifier
  district: DistrictId | null
  edition: number | null
}

export function prefillForDiscarded(discarded: Discarded, summary: ArticleSummary): AddPrefill {
  // The qualifier is not kept on a discarded number: read it again from its sentence.
  const quantity = findQuantities(discarded.sentence).find(
    (q) => discarded.sentenceStart + q.start === discarded.start,
  )
  return {
    metric: null,
    value: discarded.value,
    unit: discarded.unit ?? 'count',
    qualifier: quantity?.qualifier ?? 'exact',
    district: summary.district,
    edition: summary.edition,
  }
}

export interface CorrectedView {
  extraction: ArticleExtraction
  /** Why each correction (by its index) does not apply, as applyCorrections says it. */
  problems: Map<number, string>
}

/** The extraction with the page's corrections applied by the pipeline's own code. */
export function applyPageCorrections(
  analysis: Analysis,
  corrections: ReadonlyArray<Correction>,
): CorrectedView {
  const located: Array<LocatedCorrection> = corrections.map((correction, index) => ({
    correction,
    file: 'page',
    line: index + 1,
  }))
  const { extraction, problems } = applyCorrections(
    analysis.extraction,
    analysis.article,
    located,
    loadCatalog(),
  )
  return {
    extraction,
    problems: new Map(problems.map((problem) => [problem.line - 1, problem.cause])),
  }
}

// ---------------------------------------------------------------------------------------------
// The numbers in the text
// ---------------------------------------------------------------------------------------------

/** A number as the page shows it, with what the pipeline (and the corrections) made of it. */
export type NumberReading =
  { kind: 'figure'; observation: Observation } | { kind: 'discarded'; discarded: Discarded }

export type NumberStatus = 'figure' | 'corrected' | 'added' | 'discarded' | 'rejected'

export function statusOf(reading: NumberReading): NumberStatus {
  if (reading.kind === 'figure') {
    const action = reading.observation.correction?.action
    return action === 'add' ? 'added' : action ? 'corrected' : 'figure'
  }
  return reading.discarded.correction ? 'rejected' : 'discarded'
}

export const recordOf = (reading: NumberReading) =>
  reading.kind === 'figure' ? reading.observation : reading.discarded

/** One sentence cut into runs of plain text and numbers, by the pipeline's offsets. */
export interface SentenceView {
  sentence: Sentence
  segments: Array<TextSegment<NumberReading>>
}

/**
 * The sentences with their numbers: figures first, so where a discarded number overlaps a
 * figure the figure is shown (as the article view does).
 */
export function sentenceViews(
  sentences: ReadonlyArray<Sentence>,
  extraction: Pick<ArticleExtraction, 'observations' | 'discarded'>,
): Array<SentenceView> {
  const readings: Array<NumberReading> = [
    ...extraction.observations.map((observation) => ({ kind: 'figure' as const, observation })),
    ...extraction.discarded.map((discarded) => ({ kind: 'discarded' as const, discarded })),
  ]
  return sentences.map((sentence) => {
    const spans = readings.flatMap((reading) => {
      const record = recordOf(reading)
      return record.start >= sentence.start && record.end <= sentence.end
        ? [
            {
              start: record.start - sentence.start,
              end: record.end - sentence.start,
              data: reading,
            },
          ]
        : []
    })
    const layout = layoutArticleText(sentence.text, spans)
    return { sentence, segments: layout.paragraphs.flatMap((paragraph) => paragraph.segments) }
  })
}

/** The extractor's own reading of a number shown on the page (before any correction). */
export function originalReading(
  extraction: Pick<ArticleExtraction, 'observations' | 'discarded'>,
  target: NumberTarget,
): NumberReading | null {
  const key = targetKey(target)
  const observation = extraction.observations.find((o) => recordKey(o) === key)
  if (observation) return { kind: 'figure', observation }
  const discarded = extraction.discarded.find((d) => recordKey(d) === key)
  return discarded ? { kind: 'discarded', discarded } : null
}

// ---------------------------------------------------------------------------------------------
// Words
// ---------------------------------------------------------------------------------------------

/** A qualifier in words, in the language shown ("more than", 超过). */
export function qualifierLabel(qualifier: Qualifier): string {
  switch (qualifier) {
    case 'exact':
      return t('analyze.qualifier.exact')
    case 'more_than':
      return t('analyze.qualifier.moreThan')
    case 'about':
      return t('analyze.qualifier.about')
    case 'nearly':
      return t('analyze.qualifier.nearly')
    case 'at_least':
      return t('analyze.qualifier.atLeast')
    case 'up_to':
      return t('analyze.qualifier.upTo')
  }
}

/** A unit in words, in the language shown. */
export function unitLabel(unit: Unit): string {
  switch (unit) {
    case 'count':
      return t('analyze.unit.count')
    case 'percent':
      return t('analyze.unit.percent')
    case 'CNY':
      return t('analyze.unit.cny')
    case 'USD':
      return t('analyze.unit.usd')
    case 'sqm':
      return t('analyze.unit.sqm')
  }
}

/** "more than 64", "9.4 billion yuan", "about 1.2 million sqm": the qualifier in words. */
export function describeValue(value: number, unit: Unit, qualifier: Qualifier): string {
  const amount = formatAmount(value, unit)
  return qualifier === 'exact'
    ? amount
    : t('analyze.value.qualified', { qualifier: qualifierLabel(qualifier), amount })
}

export function describeEdition(edition: number | null, names: CatalogNames): string {
  return edition === null
    ? t('analyze.edition.none')
    : t('analyze.edition.named', { edition: names.edition(edition) })
}

/** "Partners: more than 64, Fengxian, 7th (2024) CIIE". */
export function describeFigure(fields: FigureFields, names: CatalogNames): string {
  return t('analyze.figure', {
    metric: names.metric(fields.metric),
    value: describeValue(fields.value, fields.unit, fields.qualifier),
    district: names.district(fields.district),
    edition: describeEdition(fields.edition, names),
  })
}

/** What the page writes beside a number: what it was read as, or why it does not count. */
export function describeReading(reading: NumberReading, names: CatalogNames): string {
  if (reading.kind === 'discarded') {
    // The pipeline's reason for setting a number aside stays in its words (English); a
    // person's rejection is labelled in the language shown, with the reason as it was typed.
    const { discarded } = reading
    return discarded.correction
      ? t('analyze.reading.rejected', { reason: discarded.correction.reason })
      : t('analyze.reading.notCounted', { reason: discarded.reason })
  }
  const { observation } = reading
  const described = describeFigure(fieldsOf(observation), names)
  const figure =
    observation.scope === 'company'
      ? t('analyze.reading.company', { figure: described })
      : observation.scope === 'profile' && observation.edition !== null
        ? t('analyze.reading.profile', { figure: described })
        : described
  const note = observation.correction
  if (!note) return figure
  return note.action === 'add'
    ? t('analyze.reading.added', { figure, reason: note.reason })
    : t('analyze.reading.corrected', { figure, reason: note.reason })
}

/** A correction in the page's list: what it does, in words. */
export function describeCorrection(correction: Correction, names: CatalogNames): string {
  const number = correction.number
  switch (correction.action) {
    case 'reject':
      return t('analyze.correction.rejected', { number })
    case 'add':
      return t('analyze.correction.counted', {
        number,
        figure: describeFigure(correction.figure, names),
      })
    case 'fix': {
      const { set } = correction
      const changes = [
        set.metric !== undefined
          ? t('analyze.change.metric', { metric: names.metric(set.metric) })
          : null,
        set.value !== undefined
          ? t('analyze.change.value', { value: formatLargeNumber(set.value) })
          : null,
        set.unit !== undefined ? t('analyze.change.unit', { unit: unitLabel(set.unit) }) : null,
        set.qualifier !== undefined
          ? t('analyze.change.qualifier', { qualifier: qualifierLabel(set.qualifier) })
          : null,
        set.district !== undefined
          ? t('analyze.change.district', { district: names.district(set.district) })
          : null,
        set.edition !== undefined
          ? t('analyze.change.edition', { edition: describeEdition(set.edition, names) })
          : null,
      ].filter((change) => change !== null)
      return t('analyze.correction.changed', {
        number,
        changes: changes.join(t('analyze.change.separator')),
      })
    }
  }
}
