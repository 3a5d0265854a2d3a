import { Link, useNavigate, useSearchParams } from 'react-router'
import { CoverageGrid } from '../charts/coverage-grid'
import { ChartFrame } from '../charts/chart-frame'
import { EmptyState } from '../app/empty-state'
import { formatDate, formatQuantity, formatTotal } from '../app/format'
import { markInteraction, useInteractionMeasure } from '../app/interaction-timing'
import { APP_TITLE } from '../app/page-shell'
import { paths } from '../app/paths'
import { isMetricKey, parseEdition } from '../app/url-state'
import { totalsByUnit, type Total } from '../pipeline/aggregate'
import type { MetricKey } from '../pipeline/schema'
import { DistrictBars } from './district-bars'
import { EvidencePanel } from './evidence-panel'
import { coverageFigure } from './coverage-figure'
import { useFigureExport } from './figure-export'
import { useEvidence } from './evidence'
import { EditionNotFound, EvidenceNotFound, NotFound } from './not-found'
import type { SummaryModel } from './summary-model'
import { WithSummary } from './with-summary'
import './views.css'

/** `/`: one edition at a glance: headline figures, one metric by district, what is reported where. */
export function OverviewPage() {
  return <WithSummary>{(model) => <Overview model={model} />}</WithSummary>
}

function Overview({ model }: { model: SummaryModel }) {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const evidence = useEvidence(model.editions)
  const exportOf = useFigureExport(model)
  useInteractionMeasure('overview-edition', params.get('edition') ?? '')

  const editionParam = params.get('edition')
  const metricParam = params.get('metric')
  const edition =
    editionParam === null ? model.latestEdition : parseEdition(editionParam, model.editions)
  if (editionParam !== null && edition === null)
    return <EditionNotFound value={editionParam} editions={model.editions} />
  if (metricParam !== null && !isMetricKey(metricParam))
    return <NotFound title="Metric not found" message={`There is no metric "${metricParam}".`} />
  if (evidence.invalid) return <EvidenceNotFound />

  if (edition === null)
    return (
      <>
        <title>{APP_TITLE}</title>
        <h1>Districts at the CIIE</h1>
        <EmptyState title="No figures yet">
          <p>
            None of the articles in the dataset gives a figure for a district at a CIIE edition. Add
            articles to <code>data/articles</code> and rebuild.
          </p>
        </EmptyState>
      </>
    )

  const metrics = model.metricsWithData(edition)
  // The chart starts on the metric most districts report, so the first view compares the most.
  const byReach = [...metrics].sort(
    (a, b) =>
      model.aggregates({ edition, metric: b }).length -
      model.aggregates({ edition, metric: a }).length,
  )
  const metric: MetricKey | undefined =
    metricParam !== null && isMetricKey(metricParam) ? metricParam : byReach[0]
  const editionLabel = model.editionName(edition)
  const corpus = model.summary.corpus

  const setView = (next: { edition?: number; metric?: MetricKey | null }) =>
    void navigate(
      paths.overview({
        edition: next.edition ?? edition,
        metric: next.metric === undefined ? (metricParam ?? null) : next.metric,
      }),
      { preventScrollReset: true },
    )

  return (
    <>
      <title>{`${editionLabel} overview · ${APP_TITLE}`}</title>
      <div className="page-header">
        <div>
          <h1>Districts at the {editionLabel}</h1>
          <p className="page-header__lede">
            What Shanghai&apos;s districts reported around the expo, read from {corpus.articles}{' '}
            press {corpus.articles === 1 ? 'article' : 'articles'}
            {corpus.firstDate && corpus.lastDate
              ? ` (${formatDate(corpus.firstDate)} – ${formatDate(corpus.lastDate)})`
              : ''}
            . Click any value to see the sentences it comes from.
          </p>
        </div>
        <div className="controls">
          <label className="control">
            CIIE edition
            <select
              value={edition}
              onChange={(event) => {
                markInteraction('overview-edition')
                setView({ edition: Number(event.target.value), metric: null })
              }}
            >
              {[...model.editions].reverse().map((e) => (
                <option key={e.edition} value={e.edition}>
                  {model.editionLabel(e.edition)}
                  {model.editionsWithData.includes(e.edition) ? '' : ' — no figures'}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {metrics.length === 0 ? (
        <EmptyState title={`No figures for the ${editionLabel}`}>
          <p>
            No article gives a district figure for this edition.{' '}
            {model.latestEdition !== null ? (
              <Link to={paths.overview({ edition: model.latestEdition })}>
                See the {model.editionName(model.latestEdition)}
              </Link>
            ) : null}
          </p>
        </EmptyState>
      ) : (
        <>
          <section className="page-section" aria-labelledby="headline-title">
            <h2 id="headline-title">Headline figures</h2>
            <p className="section-lede">
              Totals over the districts that report each figure. Select a figure for its sources.
            </p>
            <ul className="tiles">
              {metrics.map((key) => {
                const cells = model.aggregates({ edition, metric: key })
                const totals = totalsByUnit(cells)
                // One district's value reads as itself ("80+"); a sum of several as a total ("≥ 80").
                const show = (t: Total) =>
                  t.parts === 1
                    ? formatQuantity(t.value, t.unit, t.qualifier)
                    : formatTotal(t.value, t.unit, t.qualifier)
                const conflicts = cells.filter((c) => c.conflict).length
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className={`tile${key === metric ? ' tile--current' : ''}`}
                      onClick={() => evidence.open({ district: null, edition, metric: key })}
                      // The name holds the tile's text in its order (label in name, WCAG 2.5.3):
                      // the spaces between the spans above keep the words apart for that check.
                      aria-label={`${model.metricLabel(key)}: ${totals.map(show).join(' ')}, ${cells.length} of ${model.districts.length} districts report it${conflicts > 0 ? ` · ${conflicts} with disagreeing sources` : ''}. Open the evidence.`}
                    >
                      <span className="tile__label">{model.metricLabel(key)}</span>{' '}
                      {totals.map((t) => (
                        <span key={t.unit} className="tile__value">
                          {show(t)}{' '}
                        </span>
                      ))}
                      <span className="tile__reach">
                        {cells.length} of {model.districts.length} districts report it
                        {conflicts > 0 ? (
                          <>
                            {' '}
                            · <span aria-hidden="true">⚠</span> {conflicts} with disagreeing sources
                          </>
                        ) : null}
                      </span>
                    </button>
                  </li>
                )
              })}
            </ul>
          </section>

          {metric ? (
            <section className="page-section" aria-label="A figure by district">
              <DistrictBars
                model={model}
                edition={edition}
                metric={metric}
                onSelect={(cell) => evidence.open(cell)}
                actions={
                  <label className="control">
                    Figure
                    <select
                      value={metric}
                      onChange={(event) => {
                        const next = event.target.value
                        if (isMetricKey(next)) setView({ metric: next })
                      }}
                    >
                      {metrics.map((key) => (
                        <option key={key} value={key}>
                          {model.metricLabel(key)}
                        </option>
                      ))}
                    </select>
                  </label>
                }
              />
              <p className="section-links">
                <Link to={paths.metric(metric)}>{model.metricLabel(metric)} at every edition</Link>
                {' · '}
                <Link to={paths.edition(edition)}>Every figure of the {editionLabel}</Link>
              </p>
            </section>
          ) : null}
        </>
      )}

      <section className="page-section" aria-label="Coverage">
        <ChartFrame
          title="What is reported where"
          subtitle="Number of figures reported per district and CIIE edition"
          caption="Each cell counts the metrics with a value. Select a cell for its sources."
          exportFigure={exportOf(() => coverageFigure(model))}
          table={{
            caption: 'Figures reported per district and CIIE edition',
            columns: ['District', ...model.editions.map((e) => model.editionLabel(e.edition))],
            rows: model.districts.map((d) => ({
              key: d.id,
              cells: [
                d.en,
                ...model.editions.map((e) =>
                  String(model.aggregates({ district: d.id, edition: e.edition }).length),
                ),
              ],
            })),
          }}
        >
          <CoverageGrid
            caption="Figures reported per district and CIIE edition"
            rows={model.districts.map((d) => ({ key: d.id, label: d.en }))}
            columns={model.editions.map((e) => ({
              key: String(e.edition),
              label: model.editionLabel(e.edition),
            }))}
            cell={(districtKey, editionKey) => {
              const district = model.findDistrict(districtKey)
              const count = district
                ? model.aggregates({ district: district.id, edition: Number(editionKey) }).length
                : 0
              return {
                count,
                total: model.metrics.length,
                description: `${district?.en ?? districtKey}, ${model.editionLabel(Number(editionKey))}: ${count} of ${model.metrics.length} figures reported.${count > 0 ? ' Open the evidence.' : ''}`,
              }
            }}
            onSelect={(district, editionKey) => {
              const cellEdition = Number(editionKey)
              const districtId = model.findDistrict(district)?.id
              if (districtId)
                evidence.open({ district: districtId, edition: cellEdition, metric: null })
            }}
          />
        </ChartFrame>
        <nav className="district-links" aria-label="Districts">
          <h2>Districts</h2>
          <ul>
            {model.districts.map((d) => (
              <li key={d.id}>
                <Link to={paths.district(d.id)}>{d.en}</Link>{' '}
                <span className="muted">{model.aggregates({ district: d.id }).length} figures</span>
              </li>
            ))}
          </ul>
        </nav>
      </section>

      {evidence.selection ? (
        <EvidencePanel selection={evidence.selection} model={model} onClose={evidence.close} />
      ) : null}
    </>
  )
}
