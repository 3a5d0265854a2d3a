import { joinList, notReported, unitName } from '../app/format'
import type { ChartValue } from '../charts/chart-types'
import { districtColor } from '../charts/district-colors'
import type { PanelsChart } from '../export/figure-spec'
import { t } from '../i18n/i18n'
import { UNITS, type DistrictId, type MetricKey, type Unit } from '../pipeline/schema'
import { figureValue, type CellRef, type FigureDraft } from './figure-export'
import { chartValue, formatCell, type SummaryModel } from './summary-model'

/**
 * The compare view's small multiples, as the page draws them and as a figure: per metric, one
 * panel per district with its value at every edition. With several currencies each currency is
 * its own row of panels and scale, and a value in the other currency is a gap named under it.
 */

export interface ComparePanelValues {
  values: Array<ChartValue>
  /** "6th (2023): US$700 million" for values drawn in the other currency's row. */
  elsewhere: Array<string>
}

export function comparePanelValues(
  model: SummaryModel,
  metric: MetricKey,
  district: DistrictId,
  unit: Unit | null,
): ComparePanelValues {
  const elsewhere: Array<string> = []
  const values = model.editions.map((e) => {
    const value = chartValue(
      model,
      { district, edition: e.edition, metric },
      model.editionLabel(e.edition),
    )
    const cell = model.cell(district, e.edition, metric)
    if (!unit || !cell || cell.unit === unit) return value
    elsewhere.push(
      t('compare.editionValue', {
        edition: model.editionLabel(e.edition),
        value: formatCell(cell),
      }),
    )
    return { ...value, value: null, display: notReported(), qualifier: null, conflict: false }
  })
  return { values, elsewhere }
}

/** The currencies (or count) a metric is reported in for these districts, in catalog order. */
export function compareUnits(
  model: SummaryModel,
  metric: MetricKey,
  districts: ReadonlyArray<DistrictId>,
): Array<Unit> {
  const cells = districts.flatMap((district) => model.aggregates({ district, metric }))
  return UNITS.filter((unit) => cells.some((c) => c.unit === unit))
}

interface CompareSelection {
  districts: ReadonlyArray<DistrictId>
  edition: number
  independent: boolean
}

/** A metric's rows of panels, one per unit; none when no district reports it. */
export function compareRows(
  model: SummaryModel,
  metric: MetricKey,
  { districts, edition, independent }: CompareSelection,
): PanelsChart['rows'] {
  const units = compareUnits(model, metric, districts)
  const split = units.length > 1
  const label = model.metricLabel(metric)
  return units.map((unit) => {
    const inUnit = split
      ? districts.filter((d) =>
          model.aggregates({ district: d, metric }).some((c) => c.unit === unit),
        )
      : districts
    return {
      title: split ? t('compare.metricInUnit', { metric: label, unit: unitName(unit) }) : label,
      sharedScale: !independent,
      panels: inUnit.map((district) => {
        const { values, elsewhere } = comparePanelValues(
          model,
          metric,
          district,
          split ? unit : null,
        )
        return {
          title: model.districtName(district),
          color: districtColor(district),
          values: values.map((v, index) =>
            figureValue(v, model.editions[index]?.edition === edition),
          ),
          ...(elsewhere.length > 0
            ? {
                note: t('compare.panel.elsewhere', {
                  list: elsewhere.join(t('compare.separator')),
                }),
              }
            : {}),
        }
      }),
    }
  })
}

function cellsOf(
  model: SummaryModel,
  metrics: ReadonlyArray<MetricKey>,
  districts: ReadonlyArray<DistrictId>,
): Array<CellRef> {
  return metrics.flatMap((metric) =>
    districts.flatMap((district) =>
      model.editions.map((e) => ({ district, edition: e.edition, metric })),
    ),
  )
}

function scaleNote(independent: boolean): string {
  return independent ? t('compare.scaleNote.independent') : t('compare.scaleNote.shared')
}

/** One metric's comparison as a figure. */
export function compareMetricFigure(
  model: SummaryModel,
  metric: MetricKey,
  selection: CompareSelection,
): FigureDraft {
  const names = selection.districts.map((d) => model.districtName(d))
  const rows = compareRows(model, metric, selection)
  return {
    title: t('compare.figure.metricTitle', {
      metric: model.metricLabel(metric),
      names: joinList(names),
    }),
    subtitle: t('compare.figure.metricSubtitle', {
      edition: model.editionName(selection.edition),
    }),
    chart: {
      kind: 'panels',
      rows: rows.length > 1 ? rows : rows.map((r) => ({ ...r, title: '' })),
    },
    notes: [scaleNote(selection.independent)],
    file: {
      edition: model.edition(selection.edition) ?? null,
      metric: model.metric(metric)?.en ?? metric,
      districts: fileNames(model, selection.districts),
      view: 'compare',
    },
    cells: cellsOf(model, [metric], selection.districts),
  }
}

/** Every metric of the comparison in one figure: a row of panels per metric (and currency). */
export function compareAllFigure(
  model: SummaryModel,
  metrics: ReadonlyArray<MetricKey>,
  selection: CompareSelection,
): FigureDraft {
  const names = selection.districts.map((d) => model.districtName(d))
  // One set of rows per metric; a metric no district reports has none and is left out.
  const byMetric = metrics.map((metric) => ({
    metric,
    rows: compareRows(model, metric, selection),
  }))
  const rows = byMetric.flatMap((m) => m.rows)
  const shown = byMetric.filter((m) => m.rows.length > 0).map((m) => m.metric)
  return {
    title: t('compare.figure.allTitle', { names: joinList(names) }),
    subtitle: t('compare.figure.allSubtitle', {
      metrics: shown.map((m) => model.metricLabel(m)).join(t('compare.figure.listSeparator')),
      edition: model.editionName(selection.edition),
    }),
    chart: { kind: 'panels', rows },
    legend: selection.districts.map((d) => ({
      label: model.districtName(d),
      color: districtColor(d),
    })),
    notes: [scaleNote(selection.independent)],
    file: {
      edition: model.edition(selection.edition) ?? null,
      districts: fileNames(model, selection.districts),
      view: 'compare-all',
    },
    cells: cellsOf(model, shown, selection.districts),
  }
}

/** Districts as a file name gives them: in English words whatever the language (ASCII, stable). */
function fileNames(model: SummaryModel, districts: ReadonlyArray<DistrictId>): Array<string> {
  return districts.map((d) => model.findDistrict(d)?.en ?? d)
}
