import { Link, useNavigate, useParams } from 'react-router'
import { ChartFrame } from '../charts/chart-frame'
import type { ChartValue } from '../charts/chart-types'
import { districtColor } from '../charts/district-colors'
import { GroupedColumnChart } from '../charts/grouped-column-chart'
import { HeatTable } from '../charts/heat-table'
import { EmptyState } from '../app/empty-state'
import { NOT_REPORTED, UNIT_NAMES } from '../app/format'
import { APP_TITLE } from '../app/page-shell'
import { paths } from '../app/paths'
import { isMetricKey } from '../app/url-state'
import type { MetricKey, Unit } from '../pipeline/schema'
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
        title="Metric not found"
        message={`There is no metric "${metricKey}". The overview lists the figures the articles report.`}
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
      <title>{`${label} · ${APP_TITLE}`}</title>
      <div className="page-header">
        <div>
          <h1>{label} at every CIIE</h1>
          <p className="page-header__lede">
            {model.metric(metric)?.definition} {describeReach(cells.length, reach)} Click a bar or a
            cell for its sources.
          </p>
        </div>
        <label className="control">
          Metric
          <MetricSwitcher model={model} current={metric} />
        </label>
      </div>

      {cells.length === 0 ? (
        <EmptyState title={`No article reports ${label.toLowerCase()} yet`}>
          <p>
            <Link to={paths.overview()}>Back to the overview</Link>
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
          {m.en}
          {withData.has(m.key) ? '' : ' — no figures'}
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
  const inUnit = split ? ` (${UNIT_NAMES[unit]})` : ''
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
      ? { ...value, value: null, display: NOT_REPORTED, qualifier: null, conflict: false }
      : value
  }

  const exportOf = useFigureExport(model)
  const range =
    first === last
      ? model.editionName(first)
      : `${model.editionName(first)} to ${model.editionName(last)}`
  // The cells drawn here: not reported, or reported in this chart's unit.
  const cellRefs = districts.flatMap((d) =>
    editions
      .filter((e) => (model.cell(d.id, e.edition, metric)?.unit ?? unit) === unit)
      .map((e) => ({ district: d.id, edition: e.edition, metric })),
  )
  const file = { metric: `${label}${split ? ` ${unit}` : ''}` }
  const groupedDraft = (): FigureDraft => ({
    title: `${label}${inUnit} by edition and district`,
    subtitle: `${plural(districts.length, 'district')} · ${range}`,
    chart: {
      kind: 'grouped',
      categories: editions.map((e) => ({
        key: String(e.edition),
        label: model.editionLabel(e.edition),
      })),
      series: districts.map((d) => ({
        key: d.id,
        label: d.en,
        color: districtColor(d.id),
        values: editions.map((e) => figureValue(valueOf(d.id, e.edition))),
      })),
    },
    legend: districts.map((d) => ({ label: d.en, color: districtColor(d.id) })),
    file: { ...file, view: 'by-edition-and-district' },
    cells: cellRefs,
  })
  const matrixDraft = (): FigureDraft => ({
    title: `${label}${inUnit}: districts × editions`,
    subtitle: `${plural(districts.length, 'district')} · ${range} · darker cells hold larger values`,
    chart: {
      kind: 'matrix',
      columns: editions.map((e) => model.editionLabel(e.edition)),
      rows: districts.map((d) => ({
        label: d.en,
        cells: editions.map((e) => figureValue(valueOf(d.id, e.edition))),
      })),
    },
    file: { ...file, view: 'table' },
    cells: cellRefs,
  })

  const table = {
    caption: `${label}${inUnit} by district and CIIE edition`,
    columns: ['District', ...editions.map((e) => model.editionLabel(e.edition))],
    rows: districts.map((d) => ({
      key: d.id,
      cells: [d.en, ...editions.map((e) => valueOf(d.id, e.edition).display)],
    })),
  }

  return (
    <>
      <section className="page-section">
        <ChartFrame
          title={`${label}${inUnit} by edition and district`}
          subtitle={`${plural(districts.length, 'district')} · ${
            first === last
              ? model.editionName(first)
              : `${model.editionName(first)} to ${model.editionName(last)}`
          }`}
          caption="Each group is one CIIE edition; each bar one district. A missing bar means not reported, not zero."
          exportFigure={exportOf(groupedDraft)}
          table={table}
          notes={
            <p className="chart-note">
              80+ means more than 80 · ⚠ means sources disagree · click a bar for its sources
            </p>
          }
        >
          <GroupedColumnChart
            categories={editions.map((e) => ({
              key: String(e.edition),
              label: model.editionLabel(e.edition),
            }))}
            series={districts.map((d) => ({ key: d.id, label: d.en, color: districtColor(d.id) }))}
            value={(editionKey, districtKey) => valueOf(districtKey, Number(editionKey))}
            onSelect={onSelect}
            ariaLabel={`${label}${inUnit} by CIIE edition and district`}
          />
        </ChartFrame>
      </section>
      <section className="page-section">
        <ChartFrame
          title={`${label}${inUnit}: districts × editions`}
          subtitle="Darker cells hold larger values"
          caption="Every district that reports the figure, at every edition. Select a value for its sources."
          exportFigure={exportOf(matrixDraft)}
          table={table}
        >
          <HeatTable
            caption={`${label}${inUnit} by district and CIIE edition`}
            rows={districts.map((d) => ({ key: d.id, label: d.en }))}
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** "Reported 12 times by 5 districts." */
const describeReach = (values: number, districts: number) =>
  `Reported ${plural(values, 'time')} by ${plural(districts, 'district')}.`
