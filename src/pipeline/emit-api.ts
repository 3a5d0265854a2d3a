import { aggregateObservations } from './aggregate'
import {
  ArticleDetailSchema,
  ArticleIndexSchema,
  DatasetSchema,
  DistrictDetailSchema,
  SCHEMA_VERSION,
  SummaryFileSchema,
  type AggregateRow,
  type Catalog,
  type CorpusInfo,
  type Dataset,
  type SummaryFile,
} from './schema'

/** One file the app fetches: its path under the API folder and its bytes. */
export interface ApiFile {
  path: string
  contents: string
}

/**
 * The static API (README, "API files"):
 * - summary.json: the catalog and one aggregate per district × edition × metric (the overview
 *   loads only this);
 * - districts/<id>.json: a district's observations, milestones, organisations and articles;
 * - articles/<id>.json: one article's text with its observations and their offsets;
 * - articles.json: the article index;
 * - dataset.json: everything the pipeline read, for analysts (the app does not load it).
 * Each file is validated with the shared schema before it is written, so the app never receives
 * what it would reject. Files come out in path order.
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
  for (const district of catalog.districts) {
    const observations = valid.observations.filter((o) => o.district === district.id)
    const milestones = valid.milestones.filter((m) => m.district === district.id)
    const organisations = valid.organisations.filter((o) => o.district === district.id)
    const cited = new Set([...observations, ...milestones, ...organisations].map((x) => x.article))
    const articles = valid.articles.filter(
      (a) => cited.has(a.id) || a.district === district.id || a.districts.includes(district.id),
    )
    const detail = {
      schemaVersion: SCHEMA_VERSION,
      district: district.id,
      articles,
      observations,
      milestones,
      organisations,
    }
    files.push({
      path: `districts/${district.id}.json`,
      contents: toJson(DistrictDetailSchema.parse(detail)),
    })
  }
  for (const article of valid.articles) {
    const text = articleTexts.get(article.id)
    if (text === undefined) throw new Error(`no text was given for article ${article.id}`)
    const detail = {
      schemaVersion: SCHEMA_VERSION,
      article,
      text,
      observations: valid.observations.filter((o) => o.article === article.id),
      discarded: valid.discarded.filter((d) => d.article === article.id),
      milestones: valid.milestones.filter((m) => m.article === article.id),
    }
    files.push({
      path: `articles/${article.id}.json`,
      contents: toJson(ArticleDetailSchema.parse(detail)),
    })
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
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
