import { Link } from 'react-router'
import { DeferredChart } from '../charts/deferred-chart'
import { LazyBarChart } from '../charts/lazy-charts'
import { ChartFrame } from '../charts/chart-frame'
import { paths } from '../app/paths'
import { unitName } from '../app/format'
import { currentLocale, t } from '../i18n/i18n'
import type { DistrictId, MetricKey, Unit } from '../pipeline/schema'
import { metricDefinition } from './district-model'
import { figureValue, useFigureExport, type FigureDraft } from './figure-export'
import { slot, withParts } from './message-parts'
import { cellOfKey, chartValue, formatCell, type SummaryModel } from './summary-model'

/** About the bar chart's height per row, for the box that holds its place until it is drawn. */
const ROW_PX = 32

export interface DistrictBarsProps {
  model: SummaryModel
  edition: number
  metric: MetricKey
  onSelect: (cell: { district: DistrictId; edition: number; metric: MetricKey }) => void
  headingLevel?: 2 | 3
  /** Controls shown in the figure's header (a metric picker on the overview). */
  actions?: React.ReactNode
}

/**
 * One metric at one edition across the districts that report it, largest first. Amounts in
 * different currencies are never put on one axis: each currency gets its own chart. Districts
 * that do not report the metric are named under the chart, not drawn as zero.
 */
export function DistrictBars({
  model,
  edition,
  metric,
  onSelect,
  headingLevel = 2,
  actions,
}: DistrictBarsProps) {
  const reported = model.aggregates({ edition, metric })
  const units = [...new Set(reported.map((a) => a.unit))]
  const missing = model.districts.filter((d) => !model.cell(d.id, edition, metric))
  const metricLabel = model.metricLabel(metric)
  const editionLabel = model.editionName(edition)
  const definition = metricDefinition(model, metric)

  const select = (key: string) => {
    const cell = cellOfKey(key)
    if (cell) onSelect(cell)
  }
  const exportOf = useFigureExport(model)

  const charts = units.length === 0 ? [null] : units
  return (
    <>
      {charts.map((unit: Unit | null) => {
        const values = reported
          .filter((a) => a.unit === unit)
          .sort((a, b) => b.value - a.value || a.district.localeCompare(b.district))
          .map((a) => chartValue(model, a, model.districtName(a.district)))
        const inUnitName = units.length > 1 && unit ? unitName(unit) : null
        const metricInUnit = inUnitName
          ? t('edition.bars.metricInUnit', { metric: metricLabel, unit: inUnitName })
          : metricLabel
        const title = t('edition.bars.title', { metric: metricInUnit })
        const subtitle = t('edition.bars.subtitle', {
          edition: editionLabel,
          count: values.length,
          total: model.districts.length,
        })
        // The figure lists every district: the reported ones as bars, largest first, then the
        // ones that do not report it, each marked "not reported" rather than left out.
        const draft = (): FigureDraft => {
          const silent = units.length > 1 && unit !== charts.at(-1) ? [] : missing
          return {
            title,
            subtitle,
            chart: {
              kind: 'bars',
              rows: [
                ...values.map((v) => figureValue(v)),
                ...silent.map((d) =>
                  figureValue(
                    chartValue(
                      model,
                      { district: d.id, edition, metric },
                      model.districtName(d.id),
                    ),
                  ),
                ),
              ],
            },
            notes:
              units.length > 1
                ? [t('edition.bars.currencyNote', { unit: unitName(unit ?? 'count') })]
                : [],
            file: {
              edition: model.edition(edition) ?? null,
              // File names stay in English words whatever the language: ASCII, and stable.
              metric: `${model.metric(metric)?.en ?? metric}${unit && units.length > 1 ? ` ${unit}` : ''}`,
              view: 'by-district',
            },
            cells: [
              ...values.map((v) => v.key),
              ...silent.map((d) => `${d.id}|${edition}|${metric}`),
            ]
              .map(cellOfKey)
              .filter((c) => c !== null),
          }
        }
        return (
          <ChartFrame
            key={unit ?? 'none'}
            headingLevel={headingLevel}
            title={title}
            subtitle={subtitle}
            caption={definition}
            actions={unit === charts[0] ? actions : undefined}
            exportFigure={values.length > 0 ? exportOf(draft) : undefined}
            table={{
              caption: t('edition.bars.tableCaption', {
                metric: metricInUnit,
                edition: editionLabel,
              }),
              columns: [
                t('edition.bars.column.district'),
                metricLabel,
                t('edition.bars.column.sources'),
                t('edition.bars.column.conflict'),
              ],
              rows: model.districts
                .filter(
                  (d) => units.length <= 1 || model.cell(d.id, edition, metric)?.unit === unit,
                )
                .map((d) => {
                  const cell = model.cell(d.id, edition, metric)
                  return {
                    key: d.id,
                    cells: [
                      model.districtName(d.id),
                      formatCell(cell),
                      cell ? String(cell.observations) : '',
                      cell?.conflict ? t('edition.bars.yes') : '',
                    ],
                  }
                }),
            }}
            notes={
              <>
                {missing.length > 0 && unit === charts.at(-1) ? (
                  <p className="chart-note">
                    {withParts(
                      t('edition.bars.notReportedBy', {
                        notReported: slot('notReported'),
                        count: missing.length,
                        list: slot('list'),
                      }),
                      {
                        notReported: <strong>{t('edition.bars.notReported')}</strong>,
                        list: missing.map((d, index) => (
                          <span key={d.id}>
                            {index > 0 ? listSeparator() : ''}
                            <Link to={paths.district(d.id)}>{model.districtName(d.id)}</Link>
                          </span>
                        )),
                      },
                    )}
                  </p>
                ) : null}
                <p className="chart-note">{t('edition.bars.key')}</p>
              </>
            }
          >
            {values.length > 0 ? (
              // Drawn when near the screen: on a phone the chart starts below the headline
              // figures, and the page is usable sooner without it.
              <DeferredChart height={ROW_PX * (values.length + 1)}>
                {(width) => (
                  <LazyBarChart
                    values={values}
                    onSelect={select}
                    width={width}
                    ariaLabel={t('edition.bars.chartLabel', {
                      metric: metricInUnit,
                      edition: editionLabel,
                    })}
                  />
                )}
              </DeferredChart>
            ) : (
              <p className="chart-empty">
                {t('edition.bars.empty', {
                  metric: metricLabel.toLowerCase(),
                  edition: editionLabel,
                })}
              </p>
            )}
          </ChartFrame>
        )
      })}
    </>
  )
}

/** Between names in a sentence: "Jing'an, Qingpu" or "静安区、青浦区". */
export function listSeparator(): string {
  return currentLocale() === 'zh' ? '、' : ', '
}
