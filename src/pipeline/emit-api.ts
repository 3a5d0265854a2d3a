import { groupBy } from './group-by'
import * as v from 'valibot'
import {
  aggregateCell,
  aggregateObservations,
  countsTowardSummary,
  shownObservation,
} from './aggregate'
import {
  ArticleDetailSchema,
  ArticleIndexSchema,
  ArticleSummarySchema,
  ConflictCellSchema,
  DatasetSchema,
  DiscardedSchema,
  DistrictDetailSchema,
  MilestoneSchema,
  ObservationSchema,
  OrganisationSchema,
  SCHEMA_VERSION,
  SettledCellSchema,
  SummaryFileSchema,
  type AggregateRow,
  type ArticleDetail,
  type ArticleSummary,
  type Catalog,
  type ConflictCell,
  type ConflictsFile,
  type CorpusInfo,
  type Dataset,
  type Discarded,
  type DistrictDetail,
  type DistrictId,
  type MetricKey,
  type Observation,
  type SettledCell,
  type SummaryFile,
} from './schema'

/** One file the app fetches: its path under the API folder and its text. */
export interface ApiFile {
  path: string
  contents: string
}

/** The same as UTF-8, in pieces the CLI writes one after the other without joining them. */
export interface ApiFileBytes {
  path: string
  chunks: ReadonlyArray<Uint8Array>
}

// A file's own fields; its record arrays hold records already checked one by one.
const DistrictFileFields = v.object({
  schemaVersion: DistrictDetailSchema.entries.schemaVersion,
  district: DistrictDetailSchema.entries.district,
})
const ArticleFileFields = v.object({
  schemaVersion: ArticleDetailSchema.entries.schemaVersion,
  text: ArticleDetailSchema.entries.text,
})
const SettledCellFields = v.object({
  district: SettledCellSchema.entries.district,
  edition: SettledCellSchema.entries.edition,
  metric: SettledCellSchema.entries.metric,
  shown: SettledCellSchema.entries.shown,
  conflict: SettledCellSchema.entries.conflict,
})

/**
 * The static API (README, "API files"):
 * - summary.json: the catalog and one aggregate per district × edition × metric (the overview
 *   loads only this);
 * - districts/<id>.json: a district's observations, milestones, organisations and articles;
 * - articles/<id>.json: one article's text with its observations and their offsets;
 * - articles.json: the article index;
 * - conflicts.json: every cell where articles give different amounts (the value shown and the
 *   figure it comes from; the figures themselves are in the district's file, so the file stays
 *   small however large the corpus), and every cell data/corrections.json changed, with its
 *   figures, the rejected ones and the corrections' reasons and dates in full;
 * - dataset.json: everything the pipeline read, for analysts (the app does not load it).
 * Every record is validated with the shared schema before any file is made, so the app never
 * receives what it would reject, and each file's own fields as the file is made. Files come out
 * in path order, as compact JSON.
 */
export function emitApi(
  dataset: Dataset,
  catalog: Catalog,
  /** Each article's normalised text, by article id. */
  articleTexts: ReadonlyMap<string, string>,
): Array<ApiFile> {
  const decoder = new TextDecoder()
  return Array.from(emitApiFiles(dataset, catalog, articleTexts), ({ path, chunks }) => ({
    path,
    contents: chunks.map((chunk) => decoder.decode(chunk)).join(''),
  }))
}

/**
 * emitApi as bytes, one file at a time, so the CLI writes each file and lets it go. A record is
 * in the dataset, in its article's file and in its district's: it is validated, serialised and
 * encoded once, and each file is a list of those bytes. Making every file whole as a string
 * (hundreds of MB for a large corpus, each encoded again on writing) was most of the run.
 */
export function emitApiFiles(
  dataset: Dataset,
  catalog: Catalog,
  articleTexts: ReadonlyMap<string, string>,
): Iterable<ApiFileBytes> {
  const schemaVersion = v.parse(DatasetSchema.entries.schemaVersion, dataset.schemaVersion)
  const arena = new Utf8Arena()
  // Serialising the schema's copy keeps the schema's key order; the copy is garbage at once.
  const serialise = <T>(
    records: ReadonlyArray<T>,
    schema: v.GenericSchema<T>,
    name: keyof Dataset,
  ) =>
    records.map((record, index) => {
      const result = v.safeParse(schema, record)
      if (!result.success)
        throw new Error(`dataset.${name}[${index}] fails its schema: ${v.summarize(result.issues)}`)
      return { record, bytes: arena.encode(JSON.stringify(result.output)) }
    })
  const articles = serialise(dataset.articles, ArticleSummarySchema, 'articles')
  const observations = serialise(dataset.observations, ObservationSchema, 'observations')
  const milestones = serialise(dataset.milestones, MilestoneSchema, 'milestones')
  const organisations = serialise(dataset.organisations, OrganisationSchema, 'organisations')
  const discarded = serialise(dataset.discarded, DiscardedSchema, 'discarded')
  const json = (value: unknown) => arena.encode(JSON.stringify(value))
  const file = (path: string, fields: ReadonlyArray<[string, Pieces]>): ApiFileBytes => ({
    path,
    chunks: objectPieces(fields, json),
  })
  return (function* () {
    const corpus = corpusInfo(dataset)
    yield {
      path: 'articles.json',
      chunks: [json(v.parse(ArticleIndexSchema, articleIndex(dataset, corpus))), NEWLINE],
    }
    const observationsByArticle = groupBy(observations, (o) => o.record.article)
    const discardedByArticle = groupBy(discarded, (d) => d.record.article)
    const milestonesByArticle = groupBy(milestones, (m) => m.record.article)
    const articleFiles = articles
      .map((article) => ({ path: `articles/${article.record.id}.json`, article }))
      .sort((a, b) => compare(a.path, b.path))
    for (const { path, article } of articleFiles) {
      const id = article.record.id
      const text = articleTexts.get(id)
      if (text === undefined) throw new Error(`no text was given for article ${id}`)
      const fields = v.parse(ArticleFileFields, { schemaVersion, text })
      yield file(path, [
        ['schemaVersion', [json(fields.schemaVersion)]],
        ['article', [article.bytes]],
        ['text', [json(fields.text)]],
        ['observations', arrayPieces(observationsByArticle.get(id))],
        ['discarded', arrayPieces(discardedByArticle.get(id))],
        ['milestones', arrayPieces(milestonesByArticle.get(id))],
      ] satisfies Fields<ArticleDetail>)
    }
    yield file('conflicts.json', [
      ['schemaVersion', [json(schemaVersion)]],
      ...conflictsFields({ observations, discarded, articles }, catalog, json),
    ] satisfies Fields<ConflictsFile>)
    yield file('dataset.json', [
      ['schemaVersion', [json(schemaVersion)]],
      ['articles', arrayPieces(articles)],
      ['observations', arrayPieces(observations)],
      ['milestones', arrayPieces(milestones)],
      ['organisations', arrayPieces(organisations)],
      ['discarded', arrayPieces(discarded)],
    ] satisfies Fields<Dataset>)
    // Grouped in one pass each: filtering the whole dataset once per district or article is
    // quadratic.
    const observationsByDistrict = groupBy(observations, (o) => o.record.district)
    const milestonesByDistrict = groupBy(milestones, (m) => m.record.district)
    const organisationsByDistrict = groupBy(organisations, (o) => o.record.district)
    const districtFiles = catalog.districts
      .map((district) => ({ path: `districts/${district.id}.json`, id: district.id }))
      .sort((a, b) => compare(a.path, b.path))
    for (const { path, id } of districtFiles) {
      const own = {
        observations: observationsByDistrict.get(id) ?? [],
        milestones: milestonesByDistrict.get(id) ?? [],
        organisations: organisationsByDistrict.get(id) ?? [],
      }
      const cited = new Set(
        [...own.observations, ...own.milestones, ...own.organisations].map((x) => x.record.article),
      )
      const fields = v.parse(DistrictFileFields, { schemaVersion, district: id })
      yield file(path, [
        ['schemaVersion', [json(fields.schemaVersion)]],
        ['district', [json(fields.district)]],
        [
          'articles',
          arrayPieces(
            articles.filter(
              ({ record: a }) => cited.has(a.id) || a.district === id || a.districts.includes(id),
            ),
          ),
        ],
        ['observations', arrayPieces(own.observations)],
        ['milestones', arrayPieces(own.milestones)],
        ['organisations', arrayPieces(own.organisations)],
      ] satisfies Fields<DistrictDetail>)
    }
    yield {
      path: 'summary.json',
      chunks: [json(v.parse(SummaryFileSchema, summaryFile(dataset, catalog, corpus))), NEWLINE],
    }
  })()
}

/** A file's fields in the order JSON.stringify would write the same object's keys. */
type Fields<T> = Array<[keyof T & string, Pieces]>

/** A record checked against its schema and its JSON as UTF-8, made once. */
interface Serialised<T> {
  record: T
  bytes: Uint8Array
}

/** JSON as UTF-8 pieces, in order. */
type Pieces = Array<Uint8Array>

/** Code-unit order, as the paths were always sorted. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const ASCII = new TextEncoder()
const OPEN_ARRAY = ASCII.encode('[')
const CLOSE_ARRAY = ASCII.encode(']')
const OPEN_OBJECT = ASCII.encode('{')
const CLOSE_OBJECT = ASCII.encode('}')
const CLOSE_OBJECT_LINE = ASCII.encode('}\n')
const COMMA = ASCII.encode(',')
const COLON = ASCII.encode(':')
const NEWLINE = ASCII.encode('\n')

function arrayPieces(items: ReadonlyArray<{ bytes: Uint8Array }> = []): Pieces {
  const pieces: Pieces = [OPEN_ARRAY]
  items.forEach((item, index) => {
    if (index > 0) pieces.push(COMMA)
    pieces.push(item.bytes)
  })
  pieces.push(CLOSE_ARRAY)
  return pieces
}

/** `{"key":value,...}` and a line end, as a file ends (without it inside another value). */
function objectPieces(
  fields: ReadonlyArray<[string, Pieces]>,
  json: (value: unknown) => Uint8Array,
  close: Uint8Array = CLOSE_OBJECT_LINE,
): Pieces {
  const pieces: Pieces = [OPEN_OBJECT]
  fields.forEach(([key, value], index) => {
    if (index > 0) pieces.push(COMMA)
    pieces.push(json(key), COLON, ...value)
  })
  pieces.push(close)
  return pieces
}

/**
 * UTF-8 encodes many strings into shared blocks: one allocation per few MB rather than one per
 * record. The returned views stay valid; a full block is simply left behind.
 */
class Utf8Arena {
  private static readonly BLOCK = 4 * 1024 * 1024
  private readonly encoder = new TextEncoder()
  private block = new Uint8Array(0)
  private used = 0

  encode(text: string): Uint8Array {
    // A UTF-16 code unit is at most 3 UTF-8 bytes.
    const room = text.length * 3
    if (this.used + room > this.block.length) {
      this.block = new Uint8Array(Math.max(Utf8Arena.BLOCK, room))
      this.used = 0
    }
    const { written } = this.encoder.encodeInto(text, this.block.subarray(this.used))
    const bytes = this.block.subarray(this.used, this.used + written)
    this.used += written
    return bytes
  }
}

function corpusInfo(dataset: Dataset): CorpusInfo {
  const dates = dataset.articles.map((a) => a.date).sort()
  return {
    articles: dataset.articles.length,
    observations: dataset.observations.length,
    firstDate: dates[0] ?? null,
    lastDate: dates.at(-1) ?? null,
  }
}

function summaryFile(dataset: Dataset, catalog: Catalog, corpus: CorpusInfo): SummaryFile {
  const aggregates = aggregateObservations(dataset.observations, dataset.articles, {
    districts: catalog.districts.map((d) => d.id),
    metrics: catalog.metrics.map((m) => m.key),
  })
  const cells: SummaryFile['cells'] = {}
  for (const a of aggregates) {
    const byDistrict = (cells[a.metric] ??= {})
    const rows = (byDistrict[a.district] ??= [])
    const row: AggregateRow = [
      a.edition,
      a.value,
      a.unit,
      a.qualifier,
      a.observations,
      a.conflict ? 1 : 0,
    ]
    rows.push(row)
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    corpus,
    districts: catalog.districts,
    zones: catalog.zones,
    editions: catalog.editions,
    metrics: catalog.metrics,
    cells,
  }
}

function articleIndex(dataset: Dataset, corpus: CorpusInfo) {
  const counts = new Map<string, number>()
  for (const o of dataset.observations) counts.set(o.article, (counts.get(o.article) ?? 0) + 1)
  return {
    schemaVersion: SCHEMA_VERSION,
    corpus,
    articles: dataset.articles.map((a) => ({ ...a, observations: counts.get(a.id) ?? 0 })),
  }
}

interface CellId {
  district: DistrictId
  edition: number
  metric: MetricKey
}

/**
 * conflicts.json after its schemaVersion. Open conflicts are the summary's cells in conflict, in
 * catalog order (district, edition, metric), each with the value shown and the figure it comes
 * from. A cell is settled when a correction touched it: a figure fixed or added there, a fixed
 * figure moved out of it (to another metric, district or edition), or a figure rejected there.
 */
function conflictsFields(
  records: {
    observations: ReadonlyArray<Serialised<Observation>>
    discarded: ReadonlyArray<Serialised<Discarded>>
    articles: ReadonlyArray<Serialised<ArticleSummary>>
  },
  catalog: Catalog,
  json: (value: unknown) => Uint8Array,
): Fields<Omit<ConflictsFile, 'schemaVersion'>> {
  const dates = new Map(records.articles.map(({ record }) => [record.id, record.date]))
  const districtRank = new Map(catalog.districts.map((d, index) => [d.id, index]))
  const metricRank = new Map(catalog.metrics.map((m, index) => [m.key, index]))
  const keyOf = (cell: CellId) => `${cell.district}|${cell.edition}|${cell.metric}`
  const byCatalog = (a: CellId, b: CellId) =>
    (districtRank.get(a.district) ?? 0) - (districtRank.get(b.district) ?? 0) ||
    a.edition - b.edition ||
    (metricRank.get(a.metric) ?? 0) - (metricRank.get(b.metric) ?? 0)

  // The summary's cells, each figure with its place in the dataset's order.
  const cells = new Map<string, { id: CellId; figures: Array<number> }>()
  records.observations.forEach(({ record }, index) => {
    if (!countsTowardSummary(record)) return
    const id = { district: record.district, edition: record.edition, metric: record.metric }
    const cell = cells.get(keyOf(id))
    if (cell) cell.figures.push(index)
    else cells.set(keyOf(id), { id, figures: [index] })
  })
  const figuresOf = (indexes: ReadonlyArray<number>) =>
    indexes.map((index) => records.observations[index]?.record as Observation & { edition: number })

  const conflicts: Array<ConflictCell> = []
  for (const { id, figures } of cells.values()) {
    const observations = figuresOf(figures)
    const aggregate = aggregateCell(observations, dates)
    if (!aggregate.conflict) continue
    conflicts.push({
      ...id,
      value: aggregate.value,
      unit: aggregate.unit,
      qualifier: aggregate.qualifier,
      shown: shownObservation(observations, dates).id,
      observations: observations.length,
      articles: new Set(observations.map((o) => o.article)).size,
    })
  }
  conflicts.sort(byCatalog)

  const settled = new Map<string, { id: CellId; moved: Array<number>; rejected: Array<number> }>()
  const touch = (id: CellId) => {
    const key = keyOf(id)
    const existing = settled.get(key)
    if (existing) return existing
    const created = { id, moved: [], rejected: [] }
    settled.set(key, created)
    return created
  }
  records.observations.forEach(({ record }, index) => {
    const { correction } = record
    if (correction === undefined) return
    const now = countsTowardSummary(record)
      ? { district: record.district, edition: record.edition, metric: record.metric }
      : null
    if (now) touch(now)
    const was = correction.was ?? {}
    const before = {
      district: was.district ?? record.district,
      edition: was.edition === undefined ? record.edition : was.edition,
      metric: was.metric ?? record.metric,
    }
    // A company's own figure never counted in a cell, before the fix or after.
    if (before.edition === null || record.scope === 'company') return
    const from = { ...before, edition: before.edition }
    if (now === null || keyOf(from) !== keyOf(now)) touch(from).moved.push(index)
  })
  records.discarded.forEach(({ record }, index) => {
    const { correction } = record
    if (correction?.action !== 'reject') return
    const { district, edition, metric } = correction.was ?? {}
    if (district === undefined || metric === undefined || edition === undefined || edition === null)
      return
    touch({ district, edition, metric }).rejected.push(index)
  })

  const cited = new Set<string>()
  const settledPieces = [...settled.values()]
    .sort((a, b) => byCatalog(a.id, b.id))
    .map(({ id, moved, rejected }) => {
      const counted = cells.get(keyOf(id))?.figures ?? []
      const observations = figuresOf(counted)
      const shown = observations.length > 0 ? shownObservation(observations, dates) : null
      const fields: Omit<SettledCell, 'observations' | 'rejected'> = v.parse(SettledCellFields, {
        ...id,
        shown: shown && {
          value: shown.value,
          unit: shown.unit,
          qualifier: shown.qualifier,
          observation: shown.id,
        },
        conflict: observations.length > 0 && aggregateCell(observations, dates).conflict,
      })
      const figures = [...counted, ...moved]
        .sort((a, b) => a - b)
        .flatMap((index) => records.observations[index] ?? [])
      const dropped = rejected.flatMap((index) => records.discarded[index] ?? [])
      for (const { record } of [...figures, ...dropped]) cited.add(record.article)
      return {
        bytes: concat(
          objectPieces(
            [
              ['district', [json(fields.district)]],
              ['edition', [json(fields.edition)]],
              ['metric', [json(fields.metric)]],
              ['shown', [json(fields.shown)]],
              ['conflict', [json(fields.conflict)]],
              ['observations', arrayPieces(figures)],
              ['rejected', arrayPieces(dropped)],
            ] satisfies Fields<SettledCell>,
            json,
            CLOSE_OBJECT,
          ),
        ),
      }
    })

  return [
    ['conflicts', [json(conflicts.map((cell) => v.parse(ConflictCellSchema, cell)))]],
    ['settled', arrayPieces(settledPieces)],
    ['articles', arrayPieces(records.articles.filter(({ record }) => cited.has(record.id)))],
  ]
}

/** Pieces as one piece, so a nested object can be an item of arrayPieces. */
function concat(pieces: Pieces): Uint8Array {
  const bytes = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0))
  let offset = 0
  for (const piece of pieces) {
    bytes.set(piece, offset)
    offset += piece.length
  }
  return bytes
}
