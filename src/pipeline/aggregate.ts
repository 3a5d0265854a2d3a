import type {
  Aggregate,
  ArticleSummary,
  DistrictId,
  MetricKey,
  Observation,
  Qualifier,
  Unit,
} from './schema'

/**
 * The aggregation rules (README, "Aggregation rules"): one value per district × edition × metric,
 * never a sum of reports of the same fact; the newest article wins and disagreement is flagged;
 * qualifiers and currencies are kept as the articles give them.
 */

/** Only figures about a district's CIIE activity in a known edition go into the summary. */
export function countsTowardSummary(observation: Observation): observation is Observation & {
  edition: number
} {
  return observation.scope === 'ciie' && observation.edition !== null
}

const cellKey = (district: string, edition: number, metric: string) =>
  `${district}|${edition}|${metric}`

/** Same amount: the same value and unit, or one is the other's bracketed conversion. */
export function sameAmount(a: Observation, b: Observation): boolean {
  if (a.value === b.value && a.unit === b.unit) return true
  const matches = (x: Observation, y: Observation) =>
    x.conversion !== null && x.conversion.value === y.value && x.conversion.unit === y.unit
  return matches(a, b) || matches(b, a)
}

/**
 * The value shown for one cell. The newest article (by date, then id) speaks for the cell; when it
 * gives several values, the largest is its headline and the smaller ones are parts of it (both stay
 * in the evidence). The cell is in conflict when another article gives a different amount.
 */
export function aggregateCell(
  observations: ReadonlyArray<Observation & { edition: number }>,
  articleDates: ReadonlyMap<string, string>,
): Aggregate {
  const shown = shownObservation(observations, articleDates)
  const conflict = observations.some((o) => o.article !== shown.article && !sameAmount(o, shown))
  return {
    district: shown.district,
    edition: shown.edition,
    metric: shown.metric,
    value: shown.value,
    unit: shown.unit,
    qualifier: shown.qualifier,
    observations: observations.length,
    conflict,
  }
}

/** The figure whose value a cell shows, by the rules of aggregateCell (/conflicts names it). */
export function shownObservation<T extends Observation>(
  observations: ReadonlyArray<T>,
  articleDates: ReadonlyMap<string, string>,
): T {
  const first = observations[0]
  if (!first) throw new Error('a cell needs at least one observation')
  const dateOf = (o: Observation) => articleDates.get(o.article) ?? ''
  let newest = first
  for (const o of observations) {
    const byDate = compare(dateOf(o), dateOf(newest)) || compare(o.article, newest.article)
    if (byDate > 0) newest = o
  }
  const fromNewest = observations.filter((o) => o.article === newest.article)
  // The first figure the newest article gives sets the unit; the largest in that unit is shown.
  const unit = fromNewest.reduce((a, b) => (b.start < a.start ? b : a)).unit
  return fromNewest
    .filter((o) => o.unit === unit)
    .reduce((a, b) => (b.value > a.value || (b.value === a.value && b.start < a.start) ? b : a))
}

/**
 * Every cell of the summary, in catalog order (metric, then district) and by edition, so the same
 * dataset always gives the same file.
 */
export function aggregateObservations(
  observations: ReadonlyArray<Observation>,
  articles: ReadonlyArray<Pick<ArticleSummary, 'id' | 'date'>>,
  order: { districts: ReadonlyArray<DistrictId>; metrics: ReadonlyArray<MetricKey> },
): Array<Aggregate> {
  const articleDates = new Map(articles.map((a) => [a.id, a.date]))
  const cells = new Map<string, Array<Observation & { edition: number }>>()
  for (const observation of observations) {
    if (!countsTowardSummary(observation)) continue
    const key = cellKey(observation.district, observation.edition, observation.metric)
    const cell = cells.get(key)
    if (cell) cell.push(observation)
    else cells.set(key, [observation])
  }
  const districtRank = new Map(order.districts.map((id, index) => [id, index]))
  const metricRank = new Map(order.metrics.map((key, index) => [key, index]))
  const rank = (map: ReadonlyMap<string, number>, key: string) => map.get(key) ?? map.size
  return [...cells.values()]
    .map((cell) => aggregateCell(cell, articleDates))
    .sort(
      (a, b) =>
        rank(metricRank, a.metric) - rank(metricRank, b.metric) ||
        rank(districtRank, a.district) - rank(districtRank, b.district) ||
        a.edition - b.edition,
    )
}

export interface Total {
  value: number
  unit: Unit
  /** `exact`, `at_least` (some part is a lower bound), `up_to` (some part is an upper bound) or `about`. */
  qualifier: Qualifier
  /** How many values were added. */
  parts: number
}

const LOWER_BOUNDS: ReadonlySet<Qualifier> = new Set(['more_than', 'at_least'])
const UPPER_BOUNDS: ReadonlySet<Qualifier> = new Set(['nearly', 'up_to'])

/**
 * The qualifier of a sum (of one value: its own): exact only when every part is exact; "at least" when the only inexact
 * parts are lower bounds ("more than 80" + 20 is at least 100); "up to" when they are all upper
 * bounds; otherwise "about".
 */
export function combineQualifiers(qualifiers: ReadonlyArray<Qualifier>): Qualifier {
  // A sum of one value is that value: "more than 80" stays "more than 80".
  if (qualifiers.length === 1 && qualifiers[0]) return qualifiers[0]
  const inexact = qualifiers.filter((q) => q !== 'exact')
  if (inexact.length === 0) return 'exact'
  if (inexact.every((q) => LOWER_BOUNDS.has(q))) return 'at_least'
  if (inexact.every((q) => UPPER_BOUNDS.has(q))) return 'up_to'
  return 'about'
}

/**
 * Adds values across districts, one total per unit: amounts in different currencies are never
 * added together or converted. Units keep the order they first appear in.
 */
export function totalsByUnit(
  values: ReadonlyArray<Pick<Aggregate, 'value' | 'unit' | 'qualifier'>>,
): Array<Total> {
  const byUnit = new Map<Unit, Array<Pick<Aggregate, 'value' | 'unit' | 'qualifier'>>>()
  for (const value of values) {
    const group = byUnit.get(value.unit)
    if (group) group.push(value)
    else byUnit.set(value.unit, [value])
  }
  return [...byUnit].map(([unit, group]) => ({
    unit,
    value: group.reduce((sum, v) => sum + v.value, 0),
    qualifier: combineQualifiers(group.map((v) => v.qualifier)),
    parts: group.length,
  }))
}

/** Code-point order, not locale order: the same on every machine. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
