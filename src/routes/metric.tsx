import { Link, useNavigate, useParams } from 'react-router'
import { ChartFrame } from '../charts/chart-frame'
import type { ChartValue } from '../charts/chart-types'
import { districtColor } from '../charts/district-colors'
import { GroupedColumnChart } from '../charts/grouped-column-chart'
import { HeatTable } from '../charts/heat-table'
import { EmptyState } from '../app/empty-state'
import { notReported, unitName } from '../app/format'
import { appTitle } from '../app/page-shell'
import { paths } from '../app/paths'
import { isMetricKey } from '../app/url-state'
import { localName, t } from '../i18n/i18n'
import type { MetricKey, Unit } from '../pipeline/schema'
import { metricDefinition } from './district-model'
import { EvidencePanel } from './evidence-panel'
import { figureValue, useFigureExport, type FigureDraft } from './figure-export'
import { useEvidence } from './evidence'
import { EvidenceNotFound, NotFound } from './not-found'
import { cellOfKey, chartValue, type SummaryModel } from './summary-model'
import { WithSummary } from './with-summary'
import './views.css'

/** `/metrics/:metricKey`: one metric for every district at every edition. */
export function MetricPage() {
  return <WithSummary>{(model) => <MetricView model={model} />}</WithSummary>
}

function MetricView({ model }: { model: SummaryModel }) {
  const { metricKey = '' } = useParams()
  const evidence = useEvidence(model.editions)
  if (!isMetricKey(metricKey))
    return (
      <NotFound
        title={t('metric.notFound.title')}
        message={t('metric.notFound.message', { key: metricKey })}
      />
    )
  if (evidence.invalid) return <EvidenceNotFound />
  const metric: MetricKey = metricKey
  const label = model.metricLabel(metric)
  const cells = model.aggregates({ metric })
  const units = [...new Set(cells.map((c) => c.unit))]
  const reach = new Set(cells.map((c) => c.district)).size

  return (
    <>
      <title>{`${label} · ${appTitle()}`}</title>
      <div className="page-header">
        <div>
          <h1>{t('metric.heading', { metric: label })}</h1>
          <p className="page-header__lede">
            {metricDefinition(model, metric)}{' '}
            {t('metric.reach', { count: cells.length, districts: reach })} {t('metric.clickHint')}
          </p>
        </div>
        <label className="control">
          {t('metric.switcher.label')}
          <MetricSwitcher model={model} current={metric} />
        </label>
      </div>

      {cells.length === 0 ? (
        <EmptyState title={t('metric.empty.title', { metric: label.toLowerCase() })}>
          <p>
            <Link to={paths.overview()}>{t('metric.empty.link')}</Link>
          </p>
        </EmptyState>
      ) : (
        units.map((unit) => (
          <MetricByUnit
            key={unit}
            model={model}
            metric={metric}
            unit={unit}
            split={units.length > 1}
            onSelect={(key) => {
              const cell = cellOfKey(key)
              if (cell) evidence.open(cell)
            }}
          />
        ))
      )}

      {evidence.selection ? (
        <EvidencePanel selection={evidence.selection} model={model} onClose={evidence.close} />
      ) : null}
    </>
  )
}

function MetricSwitcher({ model, current }: { model: SummaryModel; current: MetricKey }) {
  const navigate = useNavigate()
  const withData = new Set(model.metricsWithData())
  return (
    <select value={current} onChange={(event) => void navigate(paths.metric(event.target.value))}>
      {model.metrics.map((m) => (
        <option key={m.key} value={m.key}>
          {localName(m)}
          {withData.has(m.key) ? '' : t('metric.switcher.noFigures')}
        </option>
      ))}
    </select>
  )
}

function MetricByUnit({
  model,
  metric,
  unit,
  split,
  onSelect,
}: {
  model: SummaryModel
  metric: MetricKey
  unit: Unit
  split: boolean
  onSelect: (key: string) => void
}) {
  const label = model.metricLabel(metric)
  const metricInUnit = split
    ? t('metric.metricInUnit', { metric: label, unit: unitName(unit) })
    : label
  const cells = model.aggregates({ metric }).filter((c) => c.unit === unit)
  const editionNumbers = [...new Set(cells.map((c) => c.edition))].sort((a, b) => a - b)
  const first = editionNumbers[0] ?? 1
  const last = editionNumbers.at(-1) ?? first
  // Every edition between the first and the last reported one: a gap reads as "not reported".
  const editions = model.editions.filter((e) => e.edition >= first && e.edition <= last)
  const districts = model.districts.filter((d) => cells.some((c) => c.district === d.id))
  const valueOf = (districtKey: string, edition: number): ChartValue => {
    const district = model.findDistrict(districtKey)?.id ?? districts[0]?.id
    if (!district) throw new Error('a metric chart needs at least one district')
    const cell = model.cell(district, edition, metric)
    const value = chartValue(model, { district, edition, metric }, model.editionLabel(edition))
    // A value in another currency belongs to the other chart: here it is not reported.
    return cell && cell.unit !== unit
      ? { ...value, value: null, display: notReported(), qualifier: null, conflict: false }
      : value
  }

  const exportOf = useFigureExport(model)
  const range =
    first === last
      ? model.editionName(first)
      : t('metric.range', { first: model.editionName(first), last: model.editionName(last) })
  const byEditionTitle = t('metric.grouped.title', { metric: metricInUnit })
  const matrixTitle = t('metric.matrix.title', { metric: metricInUnit })
  const byDistrictCaption = t('metric.table.caption', { metric: metricInUnit })
  const districtCount = t('metric.districtCount', { count: districts.length })
  // The cells drawn here: not reported, or reported in this chart's unit.
  const cellRefs = districts.flatMap((d) =>
    editions
      .filter((e) => (model.cell(d.id, e.edition, metric)?.unit ?? unit) === unit)
      .map((e) => ({ district: d.id, edition: e.edition, metric })),
  )
  // File names stay in English words whatever the language: ASCII, and stable.
  const file = { metric: `${model.metric(metric)?.en ?? metric}${split ? ` ${unit}` : ''}` }
  const groupedDraft = (): FigureDraft => ({
    title: byEditionTitle,
    subtitle: t('metric.subtitle', { districts: districtCount, range }),
    chart: {
      kind: 'grouped',
      categories: editions.map((e) => ({
        key: String(e.edition),
        label: model.editionLabel(e.edition),
      })),
      series: districts.map((d) => ({
        key: d.id,
        label: model.districtName(d.id),
        color: districtColor(d.id),
        values: editions.map((e) => figureValue(valueOf(d.id, e.edition))),
      })),
    },
    legend: districts.map((d) => ({ label: model.districtName(d.id), color: districtColor(d.id) })),
    file: { ...file, view: 'by-edition-and-district' },
    cells: cellRefs,
  })
  const matrixDraft = (): FigureDraft => ({
    title: matrixTitle,
    subtitle: t('metric.matrix.figureSubtitle', { districts: districtCount, range }),
    chart: {
      kind: 'matrix',
      columns: editions.map((e) => model.editionLabel(e.edition)),
      rows: districts.map((d) => ({
        label: model.districtName(d.id),
        cells: editions.map((e) => figureValue(valueOf(d.id, e.edition))),
      })),
    },
    file: { ...file, view: 'table' },
    cells: cellRefs,
  })

  const table = {
    caption: byDistrictCaption,
    columns: [t('metric.table.district'), ...editions.map((e) => model.editionLabel(e.edition))],
    rows: districts.map((d) => ({
      key: d.id,
      cells: [model.districtName(d.id), ...editions.map((e) => valueOf(d.id, e.edition).display)],
    })),
  }

  return (
    <>
      <section className="page-section">
        <ChartFrame
          title={byEditionTitle}
          subtitle={t('metric.subtitle', { districts: districtCount, range })}
          caption={t('metric.grouped.caption')}
          exportFigure={exportOf(groupedDraft)}
          table={table}
          notes={<p className="chart-note">{t('metric.key')}</p>}
        >
          <GroupedColumnChart
            categories={editions.map((e) => ({
              key: String(e.edition),
              label: model.editionLabel(e.edition),
            }))}
            series={districts.map((d) => ({
              key: d.id,
              label: model.districtName(d.id),
              color: districtColor(d.id),
            }))}
            value={(editionKey, districtKey) => valueOf(districtKey, Number(editionKey))}
            onSelect={onSelect}
            ariaLabel={t('metric.grouped.chartLabel', { metric: metricInUnit })}
          />
        </ChartFrame>
      </section>
      <section className="page-section">
        <ChartFrame
          title={matrixTitle}
          subtitle={t('metric.matrix.subtitle')}
          caption={t('metric.matrix.caption')}
          exportFigure={exportOf(matrixDraft)}
          table={table}
        >
          <HeatTable
            caption={byDistrictCaption}
            rows={districts.map((d) => ({ key: d.id, label: model.districtName(d.id) }))}
            columns={editions.map((e) => ({
              key: String(e.edition),
              label: model.editionLabel(e.edition),
            }))}
            cell={(districtKey, editionKey) => valueOf(districtKey, Number(editionKey))}
            onSelect={onSelect}
          />
        </ChartFrame>
      </section>
    </>
  )
}
