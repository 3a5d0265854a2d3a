import {
  DISTRICT_IDS,
  METRIC_KEYS,
  type DistrictId,
  type Edition,
  type MetricKey,
} from '../pipeline/schema'

/**
 * Reading URL parameters. Everything in a URL is untrusted: a value that is not exactly one the
 * catalog knows is rejected (the route then shows its not-found page), never passed on.
 */

const districtIds: ReadonlySet<string> = new Set(DISTRICT_IDS)
const metricKeys: ReadonlySet<string> = new Set(METRIC_KEYS)

export const isDistrictId = (value: string): value is DistrictId => districtIds.has(value)
export const isMetricKey = (value: string): value is MetricKey => metricKeys.has(value)

/** A CIIE edition number the catalog lists ("6"), or null ("06", "6.0", "sixth", "99"). */
export function parseEdition(value: string, editions: ReadonlyArray<Edition>): number | null {
  if (!/^[1-9]\d{0,2}$/.test(value)) return null
  const edition = Number(value)
  return editions.some((e) => e.edition === edition) ? edition : null
}

/** Article ids are file-name slugs; anything else cannot name an article. */
export const isArticleId = (value: string) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(value)

/**
 * A comma-separated list of known values, each once, in the given order, or null when any part is
 * unknown or repeated.
 */
export function parseList<T extends string>(
  value: string,
  isValid: (part: string) => part is T,
): Array<T> | null {
  if (value === '') return []
  const parts = value.split(',')
  if (new Set(parts).size !== parts.length) return null
  return parts.every(isValid) ? (parts as Array<T>) : null
}

/**
 * Which values the evidence panel shows: one cell (district × edition × metric), or a row of them
 * when district or metric is left open (`*`): a KPI tile is `*.6.partners`, a coverage cell
 * `jingan.6.*`. Written in the URL as `evidence=jingan.6.partners`.
 */
export interface EvidenceSelection {
  district: DistrictId | null
  edition: number
  metric: MetricKey | null
}

export const formatEvidenceParam = (selection: EvidenceSelection) =>
  `${selection.district ?? '*'}.${selection.edition}.${selection.metric ?? '*'}`

export function parseEvidenceParam(
  value: string,
  editions: ReadonlyArray<Edition>,
): EvidenceSelection | null {
  const match = /^([a-z]+|\*)\.(\d{1,3})\.([a-z_]+|\*)$/.exec(value)
  if (!match) return null
  const [, district = '', editionText = '', metric = ''] = match
  const edition = parseEdition(editionText, editions)
  if (edition === null) return null
  const districtId = district === '*' ? null : isDistrictId(district) ? district : undefined
  const metricKey = metric === '*' ? null : isMetricKey(metric) ? metric : undefined
  if (districtId === undefined || metricKey === undefined) return null
  if (districtId === null && metricKey === null) return null
  return { district: districtId, edition, metric: metricKey }
}
