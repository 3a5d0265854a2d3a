import { z } from 'zod'
import { aggregateObservations } from './aggregate'
import {
  ArticleDetailSchema,
  ArticleIndexSchema,
  DatasetSchema,
  DistrictDetailSchema,
  SCHEMA_VERSION,
  SummaryFileSchema,
  type AggregateRow,
  type ArticleDetail,
  type Catalog,
  type CorpusInfo,
  type Dataset,
  type DistrictDetail,
  type SummaryFile,
} from './schema'

/** One file the app fetches: its path under the API folder and its bytes. */
export interface ApiFile {
  path: string
  contents: string
}

// A file's own fields; its record arrays hold records the dataset's schema has already checked.
const DistrictFileFields = z.object({
  schemaVersion: DistrictDetailSchema.shape.schemaVersion,
  district: DistrictDetailSchema.shape.district,
})
const ArticleFileFields = z.object({
  schemaVersion: ArticleDetailSchema.shape.schemaVersion,
  article: ArticleDetailSchema.shape.article,
  text: ArticleDetailSchema.shape.text,
})

/**
 * The static API (README, "API files"):
 * - summary.json: the catalog and one aggregate per district × edition × metric (the overview
 *   loads only this);
 * - districts/<id>.json: a district's observations, milestones, organisations and articles;
 * - articles/<id>.json: one article's text with its observations and their offsets;
 * - articles.json: the article index;
 * - dataset.json: everything the pipeline read, for analysts (the app does not load it).
 * Each file is validated with the shared schema before it is written, so the app never receives
 * what it would reject: every record once, in the dataset, and each district and article file's
 * own fields, as the file is made of those validated records (a second pass over every record,
 * per file, was a third of the run). Files come out in path order.
 */
export function emitApi(
  dataset: Dataset,
  catalog: Catalog,
  /** Each article's normalised text, by article id. */
  articleTexts: ReadonlyMap<string, string>,
): Array<ApiFile> {
  const valid = DatasetSchema.parse(dataset)
  const corpus = corpusInfo(valid)
  const files: Array<ApiFile> = [
    {
      path: 'summary.json',
      contents: `${JSON.stringify(SummaryFileSchema.parse(summaryFile(valid, catalog, corpus)))}\n`,
    },
    {
      path: 'articles.json',
      contents: toJson(ArticleIndexSchema.parse(articleIndex(valid, corpus))),
    },
    { path: 'dataset.json', contents: toJson(valid) },
  ]
  // Grouped in one pass each: filtering the whole dataset once per article is quadratic.
  const observationsByDistrict = groupBy(valid.observations, (o) => o.district)
  const milestonesByDistrict = groupBy(valid.milestones, (m) => m.district)
  const organisationsByDistrict = groupBy(valid.organisations, (o) => o.district)
  const observationsByArticle = groupBy(valid.observations, (o) => o.article)
  const discardedByArticle = groupBy(valid.discarded, (d) => d.article)
  const milestonesByArticle = groupBy(valid.milestones, (m) => m.article)
  for (const district of catalog.districts) {
    const observations = observationsByDistrict.get(district.id) ?? []
    const milestones = milestonesByDistrict.get(district.id) ?? []
    const organisations = organisationsByDistrict.get(district.id) ?? []
    const cited = new Set([...observations, ...milestones, ...organisations].map((x) => x.article))
    const articles = valid.articles.filter(
      (a) => cited.has(a.id) || a.district === district.id || a.districts.includes(district.id),
    )
    const fields = DistrictFileFields.parse({
      schemaVersion: SCHEMA_VERSION,
      district: district.id,
    })
    const detail: DistrictDetail = {
      ...fields,
      articles,
      observations,
      milestones,
      organisations,
    }
    files.push({ path: `districts/${district.id}.json`, contents: toJson(detail) })
  }
  for (const article of valid.articles) {
    const text = articleTexts.get(article.id)
    if (text === undefined) throw new Error(`no text was given for article ${article.id}`)
    const fields = ArticleFileFields.parse({ schemaVersion: SCHEMA_VERSION, article, text })
    const detail: ArticleDetail = {
      schemaVersion: fields.schemaVersion,
      article: fields.article,
      text: fields.text,
      observations: observationsByArticle.get(article.id) ?? [],
      discarded: discardedByArticle.get(article.id) ?? [],
      milestones: milestonesByArticle.get(article.id) ?? [],
    }
    files.push({ path: `articles/${article.id}.json`, contents: toJson(detail) })
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Records by key, each group in the order of `records`. */
function groupBy<T>(records: ReadonlyArray<T>, key: (record: T) => string): Map<string, Array<T>> {
  const groups = new Map<string, Array<T>>()
  for (const record of records) {
    const value = key(record)
    const group = groups.get(value)
    if (group) group.push(record)
    else groups.set(value, [record])
  }
  return groups
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

/** Indented for readable diffs; the summary alone is compact because the overview waits on it. */
const toJson = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`
