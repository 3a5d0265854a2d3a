import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback } from 'react'
import { BUILD_DATE } from '../app/build-info'
import { formatDate } from '../app/format'
import type { ChartValue } from '../charts/chart-types'
import { csvRowOf } from '../export/csv'
import { exportFileName } from '../export/file-name'
import type { FigureChart, FigureSpec, FigureValue } from '../export/figure-spec'
import { currentLocale, loadCatalogs, t } from '../i18n/i18n'
import type { ArticleSummary, DistrictId, MetricKey } from '../pipeline/schema'
import { districtQuery } from '../queries/district-query'
import { formatCell, type SummaryModel } from './summary-model'

/**
 * From a view's chart to an exportable figure. A view describes what it draws (a FigureDraft);
 * the sources line is worked out when an export is asked for, from the districts' evidence, so
 * the footer names the articles behind exactly these values.
 */

export interface CellRef {
  district: DistrictId
  edition: number
  metric: MetricKey
}

export interface FigureDraft {
  title: string
  subtitle: string
  chart: FigureChart
  legend?: FigureSpec['legend']
  notes?: ReadonlyArray<string>
  /** What the file name says: edition, metric, districts, and how the chart lays them out. */
  file: Omit<Parameters<typeof exportFileName>[0], 'extension'>
  /** Every cell the figure stands for, reported or not: its CSV rows and its sources. */
  cells: ReadonlyArray<CellRef>
}

/** A chart value as a figure draws it (the accessible description stays in the page). */
export function figureValue(value: ChartValue, highlight = false): FigureValue {
  return {
    key: value.key,
    label: value.label,
    value: value.value,
    display: value.display,
    qualifier: value.qualifier,
    conflict: value.conflict,
    color: value.color,
    ...(highlight ? { highlight } : {}),
  }
}

/** One CSV row per cell, in the order given: not-reported cells stay, with an empty value. */
export function figureCsvRows(model: SummaryModel, cells: ReadonlyArray<CellRef>) {
  return cells.map((ref) => {
    const cell = model.cell(ref.district, ref.edition, ref.metric)
    return csvRowOf(
      cell,
      {
        districtId: ref.district,
        district: model.districtName(ref.district),
        edition: ref.edition,
        editionLabel: model.editionLabel(ref.edition),
        metricKey: ref.metric,
        metric: model.metricLabel(ref.metric),
      },
      formatCell(cell),
    )
  })
}

const MAX_TITLES = 3
const MAX_TITLE_LENGTH = 90

/**
 * "Sources: “…” (6 Nov 2023)." for a few articles, a count and a date range for more. The
 * titles stay in the articles' language; the words around them follow the reader's.
 */
export function describeSources(articles: ReadonlyArray<ArticleSummary>): string {
  if (articles.length === 0) return t('edition.figure.sources.none')
  const sorted = [...articles].sort(
    (a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id),
  )
  if (sorted.length <= MAX_TITLES) {
    const cited = sorted.map((a) =>
      t('edition.figure.sources.cited', { title: shorten(a.title), date: formatDate(a.date) }),
    )
    return t('edition.figure.sources.titles', {
      count: sorted.length,
      list: cited.join(t('edition.figure.sources.separator')),
    })
  }
  const first = sorted[0]?.date ?? ''
  const last = sorted.at(-1)?.date ?? ''
  return t('edition.figure.sources.count', { count: sorted.length, range: dateRange(first, last) })
}

/** "6 Nov 2023 to 10 Nov 2025", or one date when both are the same day. */
function dateRange(first: string, last: string): string {
  return first === last
    ? formatDate(first)
    : t('edition.figure.dateRange', { first: formatDate(first), last: formatDate(last) })
}

function shorten(title: string): string {
  const text = title.replace(/\s+/g, ' ').trim()
  return text.length <= MAX_TITLE_LENGTH
    ? text
    : `${text.slice(0, MAX_TITLE_LENGTH - 1).trimEnd()}…`
}

/** "CIIE District Dashboard, built 20 Nov 2026 from articles up to 10 Nov 2025." */
export function describeBuild(model: SummaryModel, buildDate = BUILD_DATE): string {
  const last = model.summary.corpus.lastDate
  return last
    ? t('edition.figure.builtUpTo', { built: formatDate(buildDate), last: formatDate(last) })
    : t('edition.figure.built', { built: formatDate(buildDate) })
}

/** The articles with a figure in one of the cells, read from the districts' evidence. */
export async function articlesBehind(
  client: QueryClient,
  cells: ReadonlyArray<CellRef>,
): Promise<Array<ArticleSummary>> {
  const wanted = new Set(cells.map((c) => `${c.district}|${c.edition}|${c.metric}`))
  const districts = [...new Set(cells.map((c) => c.district))]
  const details = await Promise.all(
    districts.map((id) => client.ensureQueryData(districtQuery(id))),
  )
  const articles = new Map<string, ArticleSummary>()
  for (const detail of details) {
    const byId = new Map(detail.articles.map((a) => [a.id, a]))
    for (const o of detail.observations) {
      if (o.scope !== 'ciie' || o.edition === null) continue
      if (!wanted.has(`${o.district}|${o.edition}|${o.metric}`)) continue
      const article = byId.get(o.article)
      if (article) articles.set(article.id, article)
    }
  }
  return [...articles.values()]
}

/** The finished figure: sources looked up, build cited, file named, CSV rows attached. */
export async function completeFigure(
  draft: FigureDraft,
  model: SummaryModel,
  client: QueryClient,
): Promise<FigureSpec> {
  const reported = draft.cells.filter((c) => model.cell(c.district, c.edition, c.metric))
  let sources: string
  try {
    sources = describeSources(await articlesBehind(client, reported))
  } catch {
    // The evidence could not be loaded: cite the whole dataset rather than fail the export.
    const { articles, firstDate, lastDate } = model.summary.corpus
    sources =
      firstDate && lastDate
        ? t('edition.figure.sources.allDated', {
            count: articles,
            range: dateRange(firstDate, lastDate),
          })
        : t('edition.figure.sources.all', { count: articles })
  }
  return {
    title: draft.title,
    subtitle: draft.subtitle,
    chart: draft.chart,
    legend: draft.legend ?? [],
    notes: [...(draft.notes ?? [])],
    sources,
    built: describeBuild(model),
    fileStem: exportFileName({ ...draft.file, extension: 'png' }).replace(/\.png$/, ''),
    csv: figureCsvRows(model, draft.cells),
  }
}

/**
 * A view's way to make figures: `exportOf(() => draft)` gives the Export menu its builder. The
 * draft is made only when an export is chosen, so rendering a view costs nothing extra.
 */
export function useFigureExport(model: SummaryModel) {
  const client = useQueryClient()
  return useCallback(
    (draft: () => FigureDraft) => async () => {
      // A figure's footer is worded in the edition catalog, with the by-district chart the
      // overview and the edition view share: other views load it here, once.
      await loadCatalogs(currentLocale(), ['edition'])
      return completeFigure(draft(), model, client)
    },
    [model, client],
  )
}
