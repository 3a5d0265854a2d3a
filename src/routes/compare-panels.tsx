import { Fragment, memo, useCallback, useId, useLayoutEffect, useRef } from 'react'
import { ChartFrame } from '../charts/chart-frame'
import { DeferredChart } from '../charts/deferred-chart'
import { LazyColumnChart } from '../charts/lazy-charts'
import { districtColor, markColorVars } from '../charts/district-colors'
import { EmptyState } from '../app/empty-state'
import { joinList, unitName } from '../app/format'
import { t } from '../i18n/i18n'
import { UNITS, type DistrictId, type MetricKey, type Unit } from '../pipeline/schema'
import { comparePanelValues, compareMetricFigure } from './compare-figure'
import { useFigureExport } from './figure-export'
import { cellOfKey, formatCell, type SummaryModel } from './summary-model'

export interface MetricComparisonProps {
  model: SummaryModel
  metric: MetricKey
  districts: ReadonlyArray<DistrictId>
  edition: number
  independent: boolean
  onSelect: (cell: { district: DistrictId; edition: number; metric: MetricKey }) => void
  /** Takes the metric out of the comparison; absent when it is the only one. */
  onRemove?: () => void
}

/**
 * Panels per row: up to three (see compare.css). It follows the number of districts, not of
 * panels in a row, so a currency's row of one panel is as wide as the panels above it.
 */
/** Each small multiple's height, and of the box that holds its place until it is drawn. */
const PANEL_HEIGHT = 200

const columnsFor = (count: number) => (count <= 2 ? count : count === 4 ? 2 : 3)

/**
 * One metric as small multiples: a panel per district, in the order chosen, each the district's
 * value at every edition with the chosen edition outlined. Panels share one scale unless asked
 * not to, so bar heights compare across districts. Amounts in different currencies are never put
 * on one scale: each currency gets its own row of panels.
 */
export function MetricComparison({
  model,
  metric,
  districts,
  edition,
  independent,
  onSelect,
  onRemove,
}: MetricComparisonProps) {
  const headingId = useId()
  const exportOf = useFigureExport(model)
  // One callback for the life of the row, so panels whose data did not change skip rendering
  // when a district is added (DistrictPanel is memoised).
  const onSelectRef = useRef(onSelect)
  useLayoutEffect(() => {
    onSelectRef.current = onSelect
  })
  const select = useCallback((key: string) => {
    const cell = cellOfKey(key)
    if (cell) onSelectRef.current(cell)
  }, [])
  const label = model.metricLabel(metric)
  const editionLabel = model.editionLabel(edition)
  const names = districts.map((d) => model.districtName(d))
  const cells = districts.flatMap((district) => model.aggregates({ district, metric }))

  if (cells.length === 0)
    return (
      <section className="page-section compare-metric" aria-labelledby={headingId}>
        <h2 id={headingId} className="compare-metric__empty-title">
          {label}
        </h2>
        <EmptyState
          title={t('compare.metric.empty.title', {
            count: districts.length,
            metric: label.toLowerCase(),
          })}
        >
          <p>
            {t('compare.metric.empty.body', {
              metric: label.toLowerCase(),
              names: joinList(names),
            })}
          </p>
          {onRemove ? (
            <p>
              <button type="button" className="button button--secondary" onClick={onRemove}>
                {t('compare.metric.stopShowing', { metric: label.toLowerCase() })}
              </button>
            </p>
          ) : null}
        </EmptyState>
      </section>
    )

  const units = UNITS.filter((unit) => cells.some((c) => c.unit === unit))
  const split = units.length > 1
  const missing = districts.filter((d) => !cells.some((c) => c.district === d))

  return (
    <section className="page-section compare-metric">
      <ChartFrame
        title={label}
        subtitle={t('compare.metric.subtitle', { edition: editionLabel, names: joinList(names) })}
        exportFigure={exportOf(() =>
          compareMetricFigure(model, metric, { districts, edition, independent }),
        )}
        caption={
          independent
            ? t('compare.scaleNote.independent')
            : split
              ? t('compare.metric.caption.perCurrency')
              : t('compare.metric.caption.shared')
        }
        table={{
          caption: t('compare.metric.tableCaption', { metric: label }),
          columns: [
            t('compare.metric.column.district'),
            ...model.editions.map((e) => model.editionLabel(e.edition)),
          ],
          rows: districts.map((district) => ({
            key: district,
            cells: [
              model.districtName(district),
              ...model.editions.map((e) => formatCell(model.cell(district, e.edition, metric))),
            ],
          })),
        }}
        notes={
          <>
            <p className="compare-summary">
              <strong>{t('compare.summary.edition', { edition: editionLabel })}</strong>{' '}
              {districts.map((district, index) => (
                <Fragment key={district}>
                  {index > 0 ? ' · ' : null}
                  <span className="compare-summary__item">
                    {model.districtName(district)}{' '}
                    <SummaryValue
                      model={model}
                      district={district}
                      edition={edition}
                      metric={metric}
                    />
                  </span>
                </Fragment>
              ))}
            </p>
            {split ? (
              <p className="chart-note">
                {t('compare.metric.currencies', {
                  units: joinList(units.map((u) => unitName(u))),
                })}
              </p>
            ) : null}
            {split && missing.length > 0 ? (
              <p className="chart-note">
                {t('compare.metric.missing', {
                  names: joinList(missing.map((d) => model.districtName(d))),
                })}
              </p>
            ) : null}
            <p className="chart-note">{t('compare.key')}</p>
          </>
        }
      >
        {units.map((unit) => {
          // With one currency every district gets a panel, so a district keeps its place in
          // every metric; with several, a currency's row holds the districts that report in it.
          const inUnit = split
            ? districts.filter((d) => cells.some((c) => c.district === d && c.unit === unit))
            : districts
          const values = cells.filter((c) => c.unit === unit).map((c) => c.value)
          const top = Math.max(0, ...values)
          return (
            <div key={unit} className="compare-unit">
              {split ? (
                <h3 className="compare-unit__title">
                  {t('compare.unit.heading', { unit: unitName(unit) })}
                </h3>
              ) : null}
              <div className={`compare-panels compare-panels--${columnsFor(districts.length)}`}>
                {inUnit.map((district) => (
                  <DistrictPanel
                    key={district}
                    model={model}
                    metric={metric}
                    district={district}
                    edition={edition}
                    unit={split ? unit : null}
                    domainMax={independent || top === 0 ? undefined : top}
                    headingLevel={split ? 4 : 3}
                    onSelect={select}
                  />
                ))}
              </div>
            </div>
          )
        })}
      </ChartFrame>
    </section>
  )
}

interface DistrictPanelProps {
  model: SummaryModel
  metric: MetricKey
  district: DistrictId
  edition: number
  /** The currency of this row when a metric is split by currency; null when it is not. */
  unit: Unit | null
  domainMax: number | undefined
  headingLevel: 3 | 4
  onSelect: (key: string) => void
}

/**
 * One district's metric at every edition, titled with its name and its colour. Memoised: adding
 * a district redraws only its new panels and the panels whose shared scale changed; panels
 * off screen draw when they come near (DeferredChart).
 */
const DistrictPanel = memo(function DistrictPanel({
  model,
  metric,
  district,
  edition,
  unit,
  domainMax,
  headingLevel,
  onSelect,
}: DistrictPanelProps) {
  const name = model.districtName(district)
  const label = model.metricLabel(metric)
  const metricInUnit = unit
    ? t('compare.metricInUnit', { metric: label, unit: unitName(unit) })
    : label
  const { values, elsewhere } = comparePanelValues(model, metric, district, unit)
  const highlightKey = values[model.editions.findIndex((e) => e.edition === edition)]?.key
  const reported = values.some((v) => v.value !== null)
  const Heading = headingLevel === 4 ? 'h4' : 'h3'

  return (
    <section
      className="compare-panel"
      aria-label={t('compare.panel.label', { metric: metricInUnit, name })}
    >
      <Heading className="compare-panel__title">
        <span
          className="compare-swatch"
          style={markColorVars(districtColor(district))}
          aria-hidden="true"
        />
        {name}
      </Heading>
      {reported ? (
        <DeferredChart height={PANEL_HEIGHT}>
          {(width) => (
            <LazyColumnChart
              compact
              height={PANEL_HEIGHT}
              width={width}
              values={values}
              domainMax={domainMax}
              highlightKey={highlightKey}
              onSelect={onSelect}
              ariaLabel={t('compare.panel.chartLabel', { metric: metricInUnit, name })}
            />
          )}
        </DeferredChart>
      ) : (
        <p className="compare-panel__empty">{t('compare.panel.empty')}</p>
      )}
      {elsewhere.length > 0 ? (
        <p className="compare-panel__note">
          {t('compare.panel.elsewhere', { list: elsewhere.join(t('compare.separator')) })}
        </p>
      ) : null}
    </section>
  )
})

/** A value in the one-line summary: bold when reported, muted words when not. */
function SummaryValue({
  model,
  district,
  edition,
  metric,
}: {
  model: SummaryModel
  district: DistrictId
  edition: number
  metric: MetricKey
}) {
  const cell = model.cell(district, edition, metric)
  return (
    <span className={cell ? 'compare-summary__value' : 'compare-summary__missing'}>
      {formatCell(cell)}
      {cell?.conflict ? (
        <>
          <span aria-hidden="true"> ⚠</span>
          <span className="visually-hidden">{t('compare.summary.conflict')}</span>
        </>
      ) : null}
    </span>
  )
}
