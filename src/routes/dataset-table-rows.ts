import { formatConversion, formatDate, formatObservationValue, formatScope } from '../app/format'
import { rankSpans, splitAtSpan, type SentencePart } from '../app/highlight'
import type { Catalog, Dataset, District, Observation } from '../pipeline/schema'

/** The edition filter's value for numbers that are not tied to any CIIE edition. */
export const NO_EDITION = 'none'

export interface TableFilters {
  district: string | null
  edition: string | null
}

export interface ObservationRow {
  id: string
  district: string
  districtZh: string
  area: string | null
  edition: string
  metric: string
  metricDefinition: string
  value: string
  conversion: string | null
  scope: string
  sentence: SentencePart[]
  article: string
  articleTitle: string
  articleDate: string
  /** The article's date as YYYY-MM-DD, for a machine-readable `<time>`. */
  articleIsoDate: string
}

export interface FilterOption {
  value: string
  label: string
  count: number
}

export interface TableModel {
  rows: ObservationRow[]
  total: number
  articleCount: number
  districtOptions: FilterOption[]
  editionOptions: FilterOption[]
  /** The filters actually applied: unknown values in the URL are dropped, not obeyed. */
  filters: TableFilters
}

function editionKey(edition: number | null): string {
  return edition === null ? NO_EDITION : String(edition)
}

const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, 'en')

function countBy<T>(items: ReadonlyArray<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1)
  return counts
}

/**
 * The table's rows and filter options, from the catalog and dataset as served. Sorted by
 * district name, edition (numbers not tied to an edition last), the catalog's metric order,
 * article date, position in the article and id, so the same files always give the same table.
 * Ids missing from the catalog are shown as they are rather than dropping the row.
 */
export function buildTableModel(
  catalog: Catalog,
  dataset: Dataset,
  requested: TableFilters,
): TableModel {
  // Keyed by plain strings: filter values come from the URL and are checked against these maps.
  const districts = new Map<string, District>(catalog.districts.map((d) => [d.id, d]))
  const zones = new Map(catalog.zones.map((z) => [z.id, z]))
  const editions = new Map(catalog.editions.map((e) => [e.edition, e]))
  const metricOrder = new Map(catalog.metrics.map((m, index) => [m.key, index]))
  const metrics = new Map(catalog.metrics.map((m) => [m.key, m]))
  const articles = new Map(dataset.articles.map((a) => [a.id, a]))

  const districtLabel = (id: string) => districts.get(id)?.en ?? id
  const editionLabel = (edition: number | null) =>
    edition === null
      ? 'Not tied to an edition'
      : (editions.get(edition)?.en ?? `CIIE edition ${edition}`)

  const all = dataset.observations
  const known = {
    districts: new Set<string>(all.map((o) => o.district)),
    editions: new Set(all.map((o) => editionKey(o.edition))),
  }
  const filters: TableFilters = {
    district: known.districts.has(requested.district ?? '') ? requested.district : null,
    edition: known.editions.has(requested.edition ?? '') ? requested.edition : null,
  }
  const inDistrict = (o: Observation) =>
    filters.district === null || o.district === filters.district
  const inEdition = (o: Observation) =>
    filters.edition === null || editionKey(o.edition) === filters.edition

  // Each select counts what choosing it would show, given the other select's choice.
  const districtCounts = countBy(all.filter(inEdition), (o) => o.district)
  const editionCounts = countBy(all.filter(inDistrict), (o) => editionKey(o.edition))

  const districtOptions = [...known.districts]
    .map((value) => ({ value, label: districtLabel(value), count: districtCounts.get(value) ?? 0 }))
    .sort(byLabel)
  const editionOptions = [...known.editions]
    .map((value) => ({
      value,
      label: editionLabel(value === NO_EDITION ? null : Number(value)),
      count: editionCounts.get(value) ?? 0,
    }))
    .sort((a, b) => {
      if (a.value === NO_EDITION) return 1
      if (b.value === NO_EDITION) return -1
      return Number(a.value) - Number(b.value)
    })

  const rankOf = rankSpans([...dataset.observations, ...dataset.discarded])
  const articleDate = (id: string) => articles.get(id)?.date ?? ''

  const selected = all
    .filter((o) => inDistrict(o) && inEdition(o))
    .sort(
      (a, b) =>
        districtLabel(a.district).localeCompare(districtLabel(b.district), 'en') ||
        (a.edition ?? Infinity) - (b.edition ?? Infinity) ||
        (metricOrder.get(a.metric) ?? Infinity) - (metricOrder.get(b.metric) ?? Infinity) ||
        articleDate(a.article).localeCompare(articleDate(b.article)) ||
        a.article.localeCompare(b.article) ||
        a.start - b.start ||
        a.id.localeCompare(b.id),
    )

  const rows = selected.map((o): ObservationRow => {
    const article = articles.get(o.article)
    const metric = metrics.get(o.metric)
    return {
      id: o.id,
      district: districtLabel(o.district),
      districtZh: districts.get(o.district)?.zh ?? '',
      area: o.area === null ? null : (zones.get(o.area)?.en ?? o.area),
      edition: editionLabel(o.edition),
      metric: metric?.en ?? o.metric,
      metricDefinition: metric?.definition ?? '',
      value: formatObservationValue(o),
      conversion: formatConversion(o.conversion),
      scope: formatScope(o.scope),
      sentence: splitAtSpan(o.sentence, o.text, rankOf(o)),
      article: o.article,
      articleTitle: article?.title ?? '',
      articleDate: article ? formatDate(article.date) : '',
      articleIsoDate: article?.date ?? '',
    }
  })

  return {
    rows,
    total: all.length,
    articleCount: new Set(all.map((o) => o.article)).size,
    districtOptions,
    editionOptions,
    filters,
  }
}
