import { Link, useNavigate, useSearchParams } from 'react-router'
import { CoverageGrid } from '../charts/coverage-grid'
import { ChartFrame } from '../charts/chart-frame'
import { EmptyState } from '../app/empty-state'
import { formatDate, formatQuantity, formatTotal } from '../app/format'
import { markInteraction, useInteractionMeasure } from '../app/interaction-timing'
import { appTitle } from '../app/page-shell'
import { paths } from '../app/paths'
import { isMetricKey, parseEdition } from '../app/url-state'
import { localName, t } from '../i18n/i18n'
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
    return (
      <NotFound
        title={t('overview.metricNotFound.title')}
        message={t('overview.metricNotFound.message', { metric: metricParam })}
      />
    )
  if (evidence.invalid) return <EvidenceNotFound />

  if (edition === null)
    return (
      <>
        <title>{appTitle()}</title>
        <h1>{t('overview.heading.noEdition')}</h1>
        <EmptyState title={t('overview.empty.title')}>
          <p>
            {t('overview.empty.body')} <code>data/articles</code>
            {t('overview.empty.bodyEnd')}
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
      <title>{t('overview.pageTitle', { edition: editionLabel, app: appTitle() })}</title>
      <div className="page-header">
        <div>
          <h1>{t('overview.heading', { edition: editionLabel })}</h1>
          <p className="page-header__lede">
            {corpus.firstDate && corpus.lastDate
              ? t('overview.lede.dates', {
                  count: corpus.articles,
                  first: formatDate(corpus.firstDate),
                  last: formatDate(corpus.lastDate),
                })
              : t('overview.lede', { count: corpus.articles })}
          </p>
        </div>
        <div className="controls">
          <label className="control">
            {t('overview.edition.label')}
            <select
              value={edition}
              onChange={(event) => {
                markInteraction('overview-edition')
                setView({ edition: Number(event.target.value), metric: null })
              }}
            >
              {[...model.editions].reverse().map((e) => (
                <option key={e.edition} value={e.edition}>
                  {model.editionsWithData.includes(e.edition)
                    ? model.editionLabel(e.edition)
                    : t('overview.edition.noFigures', { edition: model.editionLabel(e.edition) })}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {metrics.length === 0 ? (
        <EmptyState title={t('overview.noFigures.title', { edition: editionLabel })}>
          <p>
            {t('overview.noFigures.message')}{' '}
            {model.latestEdition !== null ? (
              <Link to={paths.overview({ edition: model.latestEdition })}>
                {t('overview.noFigures.latest', {
                  edition: model.editionName(model.latestEdition),
                })}
              </Link>
            ) : null}
          </p>
        </EmptyState>
      ) : (
        <>
          <section className="page-section" aria-labelledby="headline-title">
            <h2 id="headline-title">{t('overview.headline.title')}</h2>
            <p className="section-lede">{t('overview.headline.lede')}</p>
            <ul className="tiles">
              {metrics.map((key) => {
                const cells = model.aggregates({ edition, metric: key })
                const totals = totalsByUnit(cells)
                // One district's value reads as itself ("80+"); a sum of several as a total ("≥ 80").
                const show = (total: Total) =>
                  total.parts === 1
                    ? formatQuantity(total.value, total.unit, total.qualifier)
                    : formatTotal(total.value, total.unit, total.qualifier)
                const conflicts = cells.filter((c) => c.conflict).length
                const reach = t('overview.tile.reach', {
                  count: cells.length,
                  total: model.districts.length,
                })
                const disagree = t('overview.tile.conflicts', { count: conflicts })
                const name = {
                  metric: model.metricLabel(key),
                  values: totals.map(show).join(' '),
                  reach,
                }
                return (
                  <li key={key}>
                    <button
                      type="button"
                      className={`tile${key === metric ? ' tile--current' : ''}`}
                      onClick={() => evidence.open({ district: null, edition, metric: key })}
                      // The name holds the tile's text in its order (label in name, WCAG 2.5.3):
                      // the spaces between the spans above keep the words apart for that check.
                      aria-label={
                        conflicts > 0
                          ? t('overview.tile.nameConflicts', { ...name, conflicts: disagree })
                          : t('overview.tile.name', name)
                      }
                    >
                      <span className="tile__label">{model.metricLabel(key)}</span>{' '}
                      {totals.map((total) => (
                        <span key={total.unit} className="tile__value">
                          {show(total)}{' '}
                        </span>
                      ))}
                      <span className="tile__reach">
                        {reach}
                        {conflicts > 0 ? (
                          <>
                            {' '}
                            · <span aria-hidden="true">⚠</span> {disagree}
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
            <section className="page-section" aria-label={t('overview.byDistrict.label')}>
              <DistrictBars
                model={model}
                edition={edition}
                metric={metric}
                onSelect={(cell) => evidence.open(cell)}
                actions={
                  <label className="control">
                    {t('overview.figure.label')}
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
                <Link to={paths.metric(metric)}>
                  {t('overview.link.metric', { metric: model.metricLabel(metric) })}
                </Link>
                {' · '}
                <Link to={paths.edition(edition)}>
                  {t('overview.link.edition', { edition: editionLabel })}
                </Link>
              </p>
            </section>
          ) : null}
        </>
      )}

      <section className="page-section" aria-label={t('overview.coverage.label')}>
        <ChartFrame
          title={t('overview.coverage.title')}
          subtitle={t('overview.coverage.subtitle')}
          caption={t('overview.coverage.caption')}
          exportFigure={exportOf(() => coverageFigure(model))}
          table={{
            caption: t('overview.coverage.tableCaption'),
            columns: [
              t('overview.coverage.district'),
              ...model.editions.map((e) => model.editionLabel(e.edition)),
            ],
            rows: model.districts.map((d) => ({
              key: d.id,
              cells: [
                localName(d),
                ...model.editions.map((e) =>
                  String(model.aggregates({ district: d.id, edition: e.edition }).length),
                ),
              ],
            })),
          }}
        >
          <CoverageGrid
            caption={t('overview.coverage.tableCaption')}
            rows={model.districts.map((d) => ({ key: d.id, label: localName(d) }))}
            columns={model.editions.map((e) => ({
              key: String(e.edition),
              label: model.editionLabel(e.edition),
            }))}
            cell={(districtKey, editionKey) => {
              const district = model.findDistrict(districtKey)
              const count = district
                ? model.aggregates({ district: district.id, edition: Number(editionKey) }).length
                : 0
              const described = {
                district: district ? localName(district) : districtKey,
                edition: model.editionLabel(Number(editionKey)),
                count,
                total: model.metrics.length,
              }
              return {
                count,
                total: model.metrics.length,
                description:
                  count > 0
                    ? t('overview.coverage.cellOpen', described)
                    : t('overview.coverage.cell', described),
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
        <nav className="district-links" aria-label={t('overview.districts.label')}>
          <h2>{t('overview.districts.label')}</h2>
          <ul>
            {model.districts.map((d) => (
              <li key={d.id}>
                <Link to={paths.district(d.id)}>{localName(d)}</Link>{' '}
                <span className="muted">
                  {t('overview.districts.figures', {
                    count: model.aggregates({ district: d.id }).length,
                  })}
                </span>
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
