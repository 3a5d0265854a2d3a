import { ChartFrame } from '../charts/chart-frame'
import type { ChartValue } from '../charts/chart-types'
import { DeferredChart } from '../charts/deferred-chart'
import { LazyColumnChart } from '../charts/lazy-charts'
import { notReported, unitName } from '../app/format'
import { t } from '../i18n/i18n'
import type { DistrictId, Edition, MetricKey, Unit } from '../pipeline/schema'
import {
  districtCharts,
  districtEditions,
  metricDefinition,
  type DistrictChartSpec,
} from './district-model'
import { districtColor } from '../charts/district-colors'
import { figureValue, useFigureExport, type FigureDraft } from './figure-export'
import { slot, withParts } from './message-parts'
import { cellOfKey, chartValue, formatCell, type SummaryModel } from './summary-model'

export interface DistrictEditionChartsProps {
  model: SummaryModel
  district: DistrictId
  onSelect: (cell: { district: DistrictId; edition: number; metric: MetricKey }) => void
}

/** The height of each edition chart, and of the box that holds its place until it is drawn. */
const CHART_HEIGHT = 240
/** Up to this many editions, three panels fit side by side on a laptop; more need two. */
const NARROW_PANEL_EDITIONS = 4
/** Value labels up to this long ("1,000+", "about 20") fit over a column in a panel. */
const LABEL_FITS_CHARACTERS = 8

/**
 * Small multiples: one column chart per metric the district reports, its value at each CIIE
 * edition from its first to its last reported one. Every panel has the same editions, so the
 * eye can run down a column; a gap says "not reported", never zero.
 */
export function DistrictEditionCharts({ model, district, onSelect }: DistrictEditionChartsProps) {
  const editions = districtEditions(model, district)
  const charts = districtCharts(model, district)
  const select = (key: string) => {
    const cell = cellOfKey(key)
    if (cell) onSelect(cell)
  }
  const wide = editions.length > NARROW_PANEL_EDITIONS
  return (
    <div className={`district-charts${wide ? ' district-charts--wide' : ''}`}>
      {charts.map((spec) => (
        <DistrictEditionChart
          key={`${spec.metric}|${spec.unit}`}
          model={model}
          district={district}
          editions={editions}
          spec={spec}
          onSelect={select}
        />
      ))}
    </div>
  )
}

function DistrictEditionChart({
  model,
  district,
  editions,
  spec,
  onSelect,
}: {
  model: SummaryModel
  district: DistrictId
  editions: ReadonlyArray<Edition>
  spec: DistrictChartSpec
  onSelect: (key: string) => void
}) {
  const { metric, unit, split, otherUnits } = spec
  const name = model.districtName(district)
  const metricLabel = model.metricLabel(metric)
  const metricInUnit = split
    ? t('district.chart.metricInUnit', { metric: metricLabel, unit: unitName(unit) })
    : metricLabel
  const first = editions[0]
  const last = editions.at(-1)
  const range =
    first && last && first.edition !== last.edition
      ? t('district.chart.range', {
          first: model.editionName(first.edition),
          last: model.editionName(last.edition),
        })
      : first
        ? model.editionName(first.edition)
        : ''

  const rows = editions.map((e) => {
    const cell = model.cell(district, e.edition, metric)
    const value = chartValue(
      model,
      { district, edition: e.edition, metric },
      model.editionLabel(e.edition),
    )
    return { edition: e.edition, cell, value: inOtherUnit(value, cell?.unit, unit) }
  })
  const values = rows.map((r) => r.value)
  const reported = rows.filter((r) => r.cell?.unit === unit).length
  const elsewhere = rows.filter((r) => r.cell && r.cell.unit !== unit)
  const shown = values.filter((v) => v.value !== null)
  // Long values ("19.6 billion yuan") do not fit over the narrow columns of three or more editions
  // and the chart drops their labels; they are written out under the chart so the panel still
  // reads without a tooltip. One or two columns always have room for the label.
  const spelledOut =
    editions.length > 2 && shown.some((v) => v.display.length > LABEL_FITS_CHARACTERS)
  const exportOf = useFigureExport(model)
  const title = metricInUnit
  const subtitle =
    editions.length > 1
      ? t('district.chart.subtitleReported', {
          name,
          range,
          count: reported,
          total: editions.length,
        })
      : t('district.chart.subtitle', { name, range })
  const separator = t('district.chart.separator')
  const draft = (): FigureDraft => ({
    title: t('district.chart.figureTitle', { name, metric: title }),
    subtitle: t('district.chart.figureSubtitle', { range }),
    chart: {
      kind: 'panels',
      rows: [
        {
          title: '',
          sharedScale: true,
          panels: [
            {
              title: '',
              color: districtColor(district),
              values: values.map((v) => figureValue(v)),
            },
          ],
        },
      ],
    },
    notes:
      otherUnits.length > 0 && elsewhere.length > 0
        ? [
            t('district.chart.otherCurrencyNote', {
              list: elsewhere
                .map((r) =>
                  t('district.chart.editionValue', {
                    edition: model.editionLabel(r.edition),
                    value: formatCell(r.cell),
                  }),
                )
                .join(separator),
            }),
          ]
        : [],
    // File names stay in English words whatever the language: ASCII, and stable.
    file: {
      metric: `${model.metric(metric)?.en ?? metric}${split ? ` ${unit}` : ''}`,
      districts: [model.findDistrict(district)?.en ?? district],
      view: 'by-edition',
    },
    // A value in the other currency belongs to that currency's figure and file.
    cells: rows
      .filter((r) => !r.cell || r.cell.unit === unit)
      .map((r) => ({ district, edition: r.edition, metric })),
  })

  return (
    <ChartFrame
      headingLevel={3}
      title={title}
      subtitle={subtitle}
      caption={metricDefinition(model, metric)}
      exportFigure={exportOf(draft)}
      table={{
        caption: t('district.chart.tableCaption', { name, metric: metricInUnit }),
        columns: [
          t('district.chart.column.edition'),
          metricInUnit,
          t('district.chart.column.sources'),
          t('district.chart.column.conflict'),
        ],
        rows: rows.map(({ edition, cell }) => ({
          key: String(edition),
          cells: [
            model.editionLabel(edition),
            cell && cell.unit !== unit
              ? t('district.chart.inOtherChart', {
                  value: formatCell(cell),
                  unit: unitName(cell.unit),
                })
              : formatCell(cell),
            cell?.unit === unit ? String(cell.observations) : '',
            cell?.unit === unit && cell.conflict ? t('district.chart.yes') : '',
          ],
        })),
      }}
      notes={
        <>
          {spelledOut ? (
            <p className="chart-note">
              {shown.map((v, index) => (
                <span key={v.key}>
                  {index > 0 ? ' · ' : ''}
                  {withParts(
                    t('district.chart.editionValue', { edition: v.label, value: slot('value') }),
                    { value: <strong>{v.display}</strong> },
                  )}
                  {v.conflict ? ' ⚠' : ''}
                </span>
              ))}
            </p>
          ) : null}
          {otherUnits.length > 0 && elsewhere.length > 0 ? (
            <p className="chart-note">
              {t('district.chart.elsewhereNote', {
                list: elsewhere
                  .map((r) =>
                    t('district.chart.elsewhere', {
                      edition: model.editionLabel(r.edition),
                      unit: r.cell ? unitName(r.cell.unit) : '',
                      value: formatCell(r.cell),
                      metric: metricLabel,
                    }),
                  )
                  .join(separator),
              })}
            </p>
          ) : null}
        </>
      }
    >
      <DeferredChart height={CHART_HEIGHT}>
        {(width) => (
          <LazyColumnChart
            values={values}
            onSelect={onSelect}
            width={width}
            height={CHART_HEIGHT}
            ariaLabel={t('district.chart.tableCaption', { name, metric: metricInUnit })}
          />
        )}
      </DeferredChart>
    </ChartFrame>
  )
}

/** A value given in another currency belongs to that currency's chart: here it is a gap. */
function inOtherUnit(value: ChartValue, cellUnit: Unit | undefined, unit: Unit): ChartValue {
  if (cellUnit === undefined || cellUnit === unit) return value
  return { ...value, value: null, display: notReported(), qualifier: null, conflict: false }
}
