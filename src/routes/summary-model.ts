import type { ChartValue } from '../charts/chart-types'
import { districtColor } from '../charts/district-colors'
import { formatEdition, formatEditionNumber, formatQuantity, notReported } from '../app/format'
import { localName, t } from '../i18n/i18n'
import { isDistrictId, isMetricKey } from '../app/url-state'
import type {
  Aggregate,
  District,
  DistrictId,
  Edition,
  Metric,
  MetricKey,
  Summary,
} from '../pipeline/schema'

/**
 * Lookups over the summary that every view needs: names, labels and the one value of a cell.
 * Built once per summary (the summary never changes in a session) and shared by all views.
 */
export interface SummaryModel {
  summary: Summary
  districts: ReadonlyArray<District>
  editions: ReadonlyArray<Edition>
  metrics: ReadonlyArray<Metric>
  /** In the current language, from the reference data: "Jing'an" / "静安区". */
  districtName: (id: DistrictId) => string
  /** The district a string (a URL part, a chart key) names, if any. */
  findDistrict: (id: string) => District | undefined
  metric: (key: MetricKey) => Metric | undefined
  /** In the current language, from the reference data: "Partners" / "合作伙伴数". */
  metricLabel: (key: MetricKey) => string
  edition: (n: number) => Edition | undefined
  /** "6th (2023)" / "第六届（2023）": an edition as a category in a chart. */
  editionLabel: (n: number) => string
  /** "6th CIIE (2023)" / "第六届进博会": an edition in a sentence or a heading (reference data). */
  editionName: (n: number) => string
  /** The cell's value, or undefined when no article reports it. */
  cell: (district: DistrictId, edition: number, metric: MetricKey) => Aggregate | undefined
  /** Editions with at least one value, oldest first. */
  editionsWithData: ReadonlyArray<number>
  /** The default edition of the overview: the latest with data. */
  latestEdition: number | null
  /** Metrics with at least one value in the edition (any edition when omitted), catalog order. */
  metricsWithData: (edition?: number) => Array<MetricKey>
  /** Aggregates matching every given field, in the summary's order. */
  aggregates: (filter: {
    district?: DistrictId
    edition?: number
    metric?: MetricKey
  }) => Array<Aggregate>
}

const cellKey = (district: string, edition: number, metric: string) =>
  `${district}|${edition}|${metric}`

const models = new WeakMap<Summary, SummaryModel>()

export function summaryModel(summary: Summary): SummaryModel {
  const cached = models.get(summary)
  if (cached) return cached
  const districts = new Map(summary.districts.map((d) => [d.id, d]))
  const metrics = new Map(summary.metrics.map((m) => [m.key, m]))
  const editions = new Map(summary.editions.map((e) => [e.edition, e]))
  const cells = new Map(
    summary.aggregates.map((a) => [cellKey(a.district, a.edition, a.metric), a]),
  )
  const editionsWithData = [...new Set(summary.aggregates.map((a) => a.edition))].sort(
    (a, b) => a - b,
  )
  const model: SummaryModel = {
    summary,
    districts: summary.districts,
    editions: summary.editions,
    metrics: summary.metrics,
    districtName: (id) => {
      const district = districts.get(id)
      return district ? localName(district) : id
    },
    findDistrict: (id) => summary.districts.find((d) => d.id === id),
    metric: (key) => metrics.get(key),
    metricLabel: (key) => {
      const metric = metrics.get(key)
      return metric ? localName(metric) : key
    },
    edition: (n) => editions.get(n),
    editionLabel: (n) => formatEdition(n, editions.get(n)?.year),
    editionName: (n) => {
      const edition = editions.get(n)
      return edition
        ? localName(edition)
        : t('app.format.editionName', { edition: formatEditionNumber(n) })
    },
    cell: (district, edition, metric) => cells.get(cellKey(district, edition, metric)),
    editionsWithData,
    latestEdition: editionsWithData.at(-1) ?? null,
    metricsWithData: (edition) => {
      const present = new Set(
        summary.aggregates
          .filter((a) => edition === undefined || a.edition === edition)
          .map((a) => a.metric),
      )
      return summary.metrics.map((m) => m.key).filter((key) => present.has(key))
    },
    aggregates: (filter) =>
      summary.aggregates.filter(
        (a) =>
          (filter.district === undefined || a.district === filter.district) &&
          (filter.edition === undefined || a.edition === filter.edition) &&
          (filter.metric === undefined || a.metric === filter.metric),
      ),
  }
  models.set(summary, model)
  return model
}

/** The text of a cell: "80+", "US$700 million", or "not reported" (never a zero). */
export const formatCell = (aggregate: Aggregate | undefined) =>
  aggregate ? formatQuantity(aggregate.value, aggregate.unit, aggregate.qualifier) : notReported()

/**
 * One cell as a chart draws it. `label` is the category the chart shows (a district's name in a
 * chart of districts, an edition in a chart of editions).
 */
export function chartValue(
  model: SummaryModel,
  cell: { district: DistrictId; edition: number; metric: MetricKey },
  label: string,
): ChartValue {
  const aggregate = model.cell(cell.district, cell.edition, cell.metric)
  const display = formatCell(aggregate)
  const where = t('app.cell.where', {
    district: model.districtName(cell.district),
    edition: model.editionLabel(cell.edition),
    metric: model.metricLabel(cell.metric),
  })
  return {
    key: cellKey(cell.district, cell.edition, cell.metric),
    label,
    value: aggregate ? aggregate.value : null,
    display,
    qualifier: aggregate ? aggregate.qualifier : null,
    conflict: aggregate?.conflict ?? false,
    color: districtColor(cell.district),
    description: aggregate
      ? aggregate.conflict
        ? t('app.cell.conflict', { where, value: display })
        : t('app.cell.value', { where, value: display })
      : t('app.cell.notReported', { where, value: display }),
  }
}

/** The cell a chart value stands for, read back from its key (null for a key not made here). */
export function cellOfKey(
  key: string,
): { district: DistrictId; edition: number; metric: MetricKey } | null {
  const [district = '', edition = '', metric = ''] = key.split('|')
  if (!isDistrictId(district) || !isMetricKey(metric) || !/^\d+$/.test(edition)) return null
  return { district, edition: Number(edition), metric }
}
