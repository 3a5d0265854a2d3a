import * as v from 'valibot'
import { aggregateCell, sameAmount } from '../pipeline/aggregate'
import {
  CorrectionsFileSchema,
  type Correction,
  type CorrectionsFile,
} from '../pipeline/corrections'
import type {
  Aggregate,
  ArticleSummary,
  ConflictCell,
  ConflictsFile,
  DistrictId,
  MetricKey,
  Observation,
  SettledCell,
} from '../pipeline/schema'

/**
 * The /conflicts page's state and the pure work behind it: the filters read from the URL, which
 * cells show, the figures behind a cell (from the district's file), and the corrections that keep
 * one figure of a cell and reject the ones that disagree with it.
 */

export interface ConflictsFilter {
  district: DistrictId | null
  metric: MetricKey | null
}

/** A parameter the page did not understand: it is ignored, and the page says so. */
export interface IgnoredParam {
  param: keyof ConflictsFilter
  value: string
}

export interface ConflictsFilterParsers {
  isDistrictId: (value: string) => value is DistrictId
  isMetricKey: (value: string) => value is MetricKey
}

/**
 * Reads `?district=jingan&metric=partners`. An unknown value filters nothing (the page shows
 * everything and names the value it ignored), since a list of conflicts is still useful.
 */
export function parseConflictsFilter(
  params: URLSearchParams,
  parsers: ConflictsFilterParsers,
): { filter: ConflictsFilter; ignored: Array<IgnoredParam> } {
  const ignored: Array<IgnoredParam> = []
  const read = <T extends string>(param: keyof ConflictsFilter, valid: (v: string) => v is T) => {
    const value = params.get(param) ?? ''
    if (value === '') return null
    if (valid(value)) return value
    ignored.push({ param, value })
    return null
  }
  return {
    filter: {
      district: read('district', parsers.isDistrictId),
      metric: read('metric', parsers.isMetricKey),
    },
    ignored,
  }
}

/** The query string for a filter; null removes a parameter. */
export const conflictsFilterParams = (filter: ConflictsFilter) => ({
  district: filter.district,
  metric: filter.metric,
})

type CellId = Pick<ConflictCell, 'district' | 'edition' | 'metric'>

export const cellKey = (cell: CellId) => `${cell.district}.${cell.edition}.${cell.metric}`

const matches = (filter: ConflictsFilter) => (cell: CellId) =>
  (filter.district === null || cell.district === filter.district) &&
  (filter.metric === null || cell.metric === filter.metric)

/** The open and settled cells the filter keeps, in the file's order (district, edition, metric). */
export function filterConflicts(
  file: ConflictsFile,
  filter: ConflictsFilter,
): { conflicts: Array<ConflictCell>; settled: Array<SettledCell> } {
  return {
    conflicts: file.conflicts.filter(matches(filter)),
    settled: file.settled.filter(matches(filter)),
  }
}

/** Consecutive cells of the same district, in order. */
export function groupByDistrict<T extends CellId>(
  cells: ReadonlyArray<T>,
): Array<{ district: DistrictId; cells: Array<T> }> {
  const groups: Array<{ district: DistrictId; cells: Array<T> }> = []
  for (const cell of cells) {
    const last = groups.at(-1)
    if (last?.district === cell.district) last.cells.push(cell)
    else groups.push({ district: cell.district, cells: [cell] })
  }
  return groups
}

/**
 * The figures behind one cell, from the district's observations, newest article first (the one
 * the dashboard shows), then by position in the article.
 */
export function cellObservations(
  cell: CellId,
  observations: ReadonlyArray<Observation>,
  articles: ReadonlyMap<string, ArticleSummary>,
): Array<Observation & { edition: number }> {
  const dateOf = (o: Observation) => articles.get(o.article)?.date ?? ''
  return observations
    .filter(
      (o): o is Observation & { edition: number } =>
        o.scope === 'ciie' &&
        o.district === cell.district &&
        o.edition === cell.edition &&
        o.metric === cell.metric,
    )
    .sort(
      (a, b) =>
        dateOf(b).localeCompare(dateOf(a)) ||
        (a.article < b.article ? 1 : a.article > b.article ? -1 : 0) ||
        a.start - b.start,
    )
}

/** Why the dashboard shows the value it shows, in the terms of the aggregation rules. */
export type ShownReason =
  | { kind: 'newest' }
  /** The newest article gives several values for the cell: its largest is its headline. */
  | { kind: 'largest-of-newest'; count: number }

export function shownReason(
  shown: Observation,
  observations: ReadonlyArray<Observation>,
): ShownReason {
  const fromNewest = observations.filter((o) => o.article === shown.article).length
  return fromNewest > 1 ? { kind: 'largest-of-newest', count: fromNewest } : { kind: 'newest' }
}

/** What keeping one figure of a cell means: the figures rejected, and the value shown after. */
export interface KeepPlan {
  kept: Observation
  /** Every figure of the cell whose amount differs from the kept one's. */
  rejected: Array<Observation>
  /** The cell once they are rejected, by the same aggregation rules. */
  after: Aggregate
}

/**
 * Keeping a figure rejects every figure in the cell that gives a different amount, from any
 * article (a smaller figure of the same article would otherwise stand beside it). Figures of the
 * same amount stay: they agree.
 */
export function planKeep(
  kept: Observation & { edition: number },
  observations: ReadonlyArray<Observation & { edition: number }>,
  articleDates: ReadonlyMap<string, string>,
): KeepPlan {
  const rejected = observations.filter((o) => o.id !== kept.id && !sameAmount(o, kept))
  const remaining = observations.filter((o) => !rejected.includes(o))
  return { kept, rejected, after: aggregateCell(remaining, articleDates) }
}

/**
 * The data/corrections.json entries that reject the figures: keyed to the article, the sentence
 * and the number as written, like every correction (never to a generated id).
 */
export function rejectEntries(
  figures: ReadonlyArray<Observation>,
  reason: string,
  date: string,
): Array<Correction> {
  return figures.map((figure) => ({
    action: 'reject',
    article: figure.article,
    sentence: figure.sentence,
    number: figure.text,
    reason: reason.trim(),
    date,
  }))
}

/**
 * The entries as a corrections file, checked against the file's own schema so what is
 * downloaded is what the build accepts.
 */
export function correctionsFileText(entries: ReadonlyArray<Correction>): string {
  const file: CorrectionsFile = v.parse(CorrectionsFileSchema, { corrections: entries })
  return `${JSON.stringify(file, null, 2)}\n`
}

/** Today in the reader's time zone, as a correction's date (YYYY-MM-DD). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A file name that says what the corrections are for: corrections-jingan-6-partners.json. */
export const correctionsFileName = (cell: CellId) =>
  `corrections-${cell.district}-${cell.edition}-${cell.metric.replaceAll('_', '-')}.json`
