import { currentLocale } from '../i18n/i18n'
import type {
  ArticleSummary,
  DistrictDetail,
  DistrictId,
  Edition,
  MetricKey,
  Milestone,
  Observation,
  Unit,
} from '../pipeline/schema'
import type { SummaryModel } from './summary-model'

/**
 * What the district page draws, worked out from the summary and the district file. Pure: the
 * page and its tests read the same answers.
 */

/** One chart on the district page: a metric in one unit (money in two currencies is two charts). */
export interface DistrictChartSpec {
  metric: MetricKey
  unit: Unit
  /** The metric is reported in more than one unit for this district, so the title names it. */
  split: boolean
  /** The other units of the same metric, for the note that points to their charts. */
  otherUnits: Array<Unit>
}

/**
 * The editions the district's charts show: every edition from its first to its last reported
 * one, in catalog order, so a gap reads as "not reported" and every chart has the same columns.
 */
export function districtEditions(model: SummaryModel, district: DistrictId): Array<Edition> {
  const reported = model.aggregates({ district }).map((a) => a.edition)
  if (reported.length === 0) return []
  const first = Math.min(...reported)
  const last = Math.max(...reported)
  return model.editions.filter((e) => e.edition >= first && e.edition <= last)
}

/** The editions with at least one value for the district, oldest first. */
export function reportedEditions(model: SummaryModel, district: DistrictId): Array<number> {
  return [...new Set(model.aggregates({ district }).map((a) => a.edition))].sort((a, b) => a - b)
}

/** One chart per metric with data for the district, catalog order; one per currency for money. */
export function districtCharts(
  model: SummaryModel,
  district: DistrictId,
): Array<DistrictChartSpec> {
  return model.metrics.flatMap((m) => {
    const cells = model
      .aggregates({ district, metric: m.key })
      .sort((a, b) => a.edition - b.edition)
    const units = [...new Set(cells.map((c) => c.unit))]
    return units.map((unit) => ({
      metric: m.key,
      unit,
      split: units.length > 1,
      otherUnits: units.filter((u) => u !== unit),
    }))
  })
}

/**
 * Figures the charts leave out: background statistics, company figures and totals over several
 * editions (scope other than `ciie`, or no edition). In the file's order (article date, position).
 */
export function otherFigures(detail: DistrictDetail): Array<Observation> {
  return detail.observations.filter((o) => o.scope !== 'ciie' || o.edition === null)
}

/** Milestones as a timeline: by edition, then article date, then position in the article. */
export function milestoneTimeline(milestones: ReadonlyArray<Milestone>): Array<Milestone> {
  return [...milestones].sort(
    (a, b) =>
      a.edition - b.edition ||
      a.date.localeCompare(b.date) ||
      a.article.localeCompare(b.article) ||
      a.start - b.start,
  )
}

/** The timeline grouped by edition, editions in order. */
export function milestonesByEdition(
  milestones: ReadonlyArray<Milestone>,
): Array<{ edition: number; milestones: Array<Milestone> }> {
  const groups: Array<{ edition: number; milestones: Array<Milestone> }> = []
  for (const milestone of milestoneTimeline(milestones)) {
    const last = groups.at(-1)
    if (last && last.edition === milestone.edition) last.milestones.push(milestone)
    else groups.push({ edition: milestone.edition, milestones: [milestone] })
  }
  return groups
}

/** The district's sources, newest first, each with how many figures it gave for the district. */
export function districtSources(
  detail: DistrictDetail,
): Array<{ article: ArticleSummary; figures: number }> {
  const counts = new Map<string, number>()
  for (const o of detail.observations) counts.set(o.article, (counts.get(o.article) ?? 0) + 1)
  return [...detail.articles]
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id))
    .map((article) => ({ article, figures: counts.get(article.id) ?? 0 }))
}

/**
 * A metric's definition, for a chart's caption. The reference data (data/metrics.json) words
 * definitions in English only: a Chinese page leaves them out rather than put an English
 * sentence under a Chinese title. The title, the metric's name, is in both languages.
 */
export function metricDefinition(model: SummaryModel, metric: MetricKey): string {
  return currentLocale() === 'en' ? (model.metric(metric)?.definition ?? '') : ''
}
