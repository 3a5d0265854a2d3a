import type { CompareState } from '../app/paths'
import { isDistrictId, isMetricKey, parseEdition, parseList } from '../app/url-state'
import { t } from '../i18n/i18n'
import type { DistrictId, MetricKey } from '../pipeline/schema'
import type { SummaryModel } from './summary-model'

/**
 * The compare view's state, read from its URL (`/compare?districts=jingan,qingpu&edition=6&
 * metrics=agreements_signed,partners&scale=independent`). Pure: no React, so the rules of what
 * a link may say are tested and read in one place.
 */

/** Six panels fit three to a row on a laptop and stay readable one to a row on a phone. */
export const MAX_DISTRICTS = 6
/** The figures shown when the link names none: enough to compare, few enough to scroll. */
export const DEFAULT_METRIC_COUNT = 6

export type CompareScale = 'shared' | 'independent'

export interface CompareView {
  /** In the URL's order, which is the order of the panels. */
  districts: Array<DistrictId>
  /** The edition outlined in every panel; null only when the dataset has no edition at all. */
  edition: number | null
  /** True when the URL names the edition (else it follows the districts' latest data). */
  editionInUrl: boolean
  metrics: Array<MetricKey>
  /** True when the URL names the metrics (else they follow what the districts report). */
  metricsInUrl: boolean
  scale: CompareScale
}

export type CompareParse =
  | { ok: true; view: CompareView }
  | {
      ok: false
      title: string
      message: string
      /** The same link with what was wrong left out: the not-found page offers it. */
      repaired: CompareState
    }

/** The latest edition any of `districts` has a figure for, else the dataset's latest. */
export function defaultEdition(
  model: SummaryModel,
  districts: ReadonlyArray<DistrictId>,
): number | null {
  const editions = districts.flatMap((district) =>
    model.aggregates({ district }).map((a) => a.edition),
  )
  if (editions.length > 0) return Math.max(...editions)
  return model.latestEdition ?? model.editions.at(-1)?.edition ?? null
}

/** Metrics any of `districts` reports at any edition, catalog order, at most six. */
export function defaultMetrics(
  model: SummaryModel,
  districts: ReadonlyArray<DistrictId>,
): Array<MetricKey> {
  const reported = new Set(
    districts.flatMap((district) => model.aggregates({ district }).map((a) => a.metric)),
  )
  return model.metrics
    .map((m) => m.key)
    .filter((key) => reported.has(key))
    .slice(0, DEFAULT_METRIC_COUNT)
}

/** How a list's problems are worded, for districts or for metrics. */
interface ListWords {
  emptyEntry: () => string
  unknown: (value: string) => string
  repeated: (name: string) => string
}

/** Why a comma-separated list is not valid, in words, or null when it is. */
function listProblem(
  raw: string,
  isValid: (part: string) => boolean,
  words: ListWords,
  nameOf: (part: string) => string,
): { unknown: boolean; message: string } | null {
  const parts = raw.split(',')
  const unknown = parts.find((part) => !isValid(part))
  if (unknown !== undefined)
    return unknown === ''
      ? { unknown: false, message: words.emptyEntry() }
      : { unknown: true, message: words.unknown(unknown) }
  const repeated = parts.find((part, index) => parts.indexOf(part) !== index)
  if (repeated !== undefined) return { unknown: false, message: words.repeated(nameOf(repeated)) }
  return null
}

const DISTRICT_WORDS: ListWords = {
  emptyEntry: () => t('compare.error.districts.emptyEntry'),
  unknown: (value) => t('compare.error.districts.unknown', { value }),
  repeated: (name) => t('compare.error.districts.repeated', { name }),
}

const METRIC_WORDS: ListWords = {
  emptyEntry: () => t('compare.error.metrics.emptyEntry'),
  unknown: (value) => t('compare.error.metrics.unknown', { value }),
  repeated: (name) => t('compare.error.metrics.repeated', { name }),
}

/** The valid, distinct entries of a list, in order: what the repaired link keeps. */
function keepValid<T extends string>(raw: string, isValid: (part: string) => part is T): Array<T> {
  return [...new Set(raw.split(',').filter(isValid))]
}

/**
 * Reads and checks every parameter. Anything the link says that the data does not know (an
 * unknown or repeated district, more than six, an edition not in the catalog, an unknown metric,
 * a scale other than `independent`) is an error with a message, never silently dropped.
 */
export function parseCompareParams(params: URLSearchParams, model: SummaryModel): CompareParse {
  const districtsRaw = params.get('districts') ?? ''
  const editionRaw = params.get('edition')
  const metricsRaw = params.get('metrics') ?? ''
  const scaleRaw = params.get('scale')

  const districts = parseList(districtsRaw, isDistrictId)
  const edition = editionRaw === null ? null : parseEdition(editionRaw, model.editions)
  const metrics = parseList(metricsRaw, isMetricKey)
  const scaleValid = scaleRaw === null || scaleRaw === 'independent'

  const repaired: CompareState = {
    districts: keepValid(districtsRaw, isDistrictId).slice(0, MAX_DISTRICTS),
    edition,
    metrics: keepValid(metricsRaw, isMetricKey),
    scale: scaleRaw === 'independent' ? 'independent' : 'shared',
  }
  const fail = (title: string, message: string): CompareParse => ({
    ok: false,
    title,
    message,
    repaired,
  })
  const districtName = (id: string) => (isDistrictId(id) ? model.districtName(id) : id)
  const metricName = (key: string) => (isMetricKey(key) ? model.metricLabel(key) : key)

  if (districts === null) {
    const problem = listProblem(districtsRaw, isDistrictId, DISTRICT_WORDS, districtName)
    return fail(
      problem?.unknown
        ? t('compare.error.districts.notFound')
        : t('compare.error.districts.notValid'),
      problem?.message ?? '',
    )
  }
  if (districts.length > MAX_DISTRICTS)
    return fail(
      t('compare.error.tooMany.title'),
      t('compare.error.tooMany.message', { count: districts.length, max: MAX_DISTRICTS }),
    )
  if (editionRaw !== null && edition === null)
    return fail(
      t('compare.error.edition.title'),
      t('compare.error.edition.message', {
        value: editionRaw,
        last: model.editions.length,
        firstYear: model.editions[0]?.year ?? '',
        lastYear: model.editions.at(-1)?.year ?? '',
      }),
    )
  if (metrics === null) {
    const problem = listProblem(metricsRaw, isMetricKey, METRIC_WORDS, metricName)
    return fail(
      problem?.unknown ? t('compare.error.metrics.notFound') : t('compare.error.metrics.notValid'),
      problem?.message ?? '',
    )
  }
  if (!scaleValid)
    return fail(
      t('compare.error.scale.title'),
      t('compare.error.scale.message', { value: scaleRaw ?? '' }),
    )

  return {
    ok: true,
    view: {
      districts,
      edition: edition ?? defaultEdition(model, districts),
      editionInUrl: edition !== null,
      metrics: metrics.length > 0 ? metrics : defaultMetrics(model, districts),
      metricsInUrl: metrics.length > 0,
      scale: scaleRaw === 'independent' ? 'independent' : 'shared',
    },
  }
}

/**
 * The URL state of a view after a change. The edition and metrics go into the link only when
 * the user chose them (or the link already named them), so a default keeps following the
 * districts as they change.
 */
export function nextCompareState(
  view: CompareView,
  change: {
    districts?: ReadonlyArray<DistrictId>
    edition?: number
    metrics?: ReadonlyArray<MetricKey>
    scale?: CompareScale
  },
): CompareState {
  const edition = change.edition ?? (view.editionInUrl ? view.edition : null)
  const metrics = change.metrics ?? (view.metricsInUrl ? view.metrics : [])
  return {
    districts: change.districts ?? view.districts,
    edition,
    metrics,
    scale: change.scale ?? view.scale,
  }
}

/** The chosen metrics with `metric` added or taken out, in catalog order. */
export function toggleMetric(
  model: SummaryModel,
  current: ReadonlyArray<MetricKey>,
  metric: MetricKey,
): Array<MetricKey> {
  const chosen = new Set(current)
  if (chosen.has(metric)) chosen.delete(metric)
  else chosen.add(metric)
  return model.metrics.map((m) => m.key).filter((key) => chosen.has(key))
}
