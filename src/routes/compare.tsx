import { joinList } from '../app/format'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { PageLoading } from '../app/page-loading'
import { useHydrated } from '../app/use-hydrated'
import { markInteraction, useInteractionMeasure } from '../app/interaction-timing'
import { appTitle } from '../app/page-shell'
import { paths, type CompareState } from '../app/paths'
import { t } from '../i18n/i18n'
import type { DistrictId, MetricKey } from '../pipeline/schema'
import { ExportMenu } from '../export/export-menu'
import { compareAllFigure } from './compare-figure'
import { MetricComparison } from './compare-panels'
import { DistrictPicker, MetricChooser } from './compare-picker'
import {
  nextCompareState,
  parseCompareParams,
  toggleMetric,
  type CompareView,
} from './compare-state'
import { EvidencePanel } from './evidence-panel'
import { useEvidence } from './evidence'
import { EvidenceNotFound, NotFound } from './not-found'
import { useFigureExport } from './figure-export'
import { slot, withParts } from './message-parts'
import type { SummaryModel } from './summary-model'
import { WithSummary } from './with-summary'
import './views.css'
import './compare.css'

/**
 * `/compare?districts=jingan,qingpu&edition=6&metrics=partners&scale=independent`: two to six
 * districts side by side, one row of small multiples per metric. Everything is in the URL, so a
 * comparison can be bookmarked, sent, and reloaded as it was.
 */
export function ComparePage() {
  return <WithSummary>{(model) => <Comparison model={model} />}</WithSummary>
}

const PRERENDERED_PARAMS = new URLSearchParams()

function Comparison({ model }: { model: SummaryModel }) {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const evidence = useEvidence(model.editions)
  const exportOf = useFigureExport(model)
  useInteractionMeasure('compare-add-district', params.get('districts') ?? '')
  const hydrated = useHydrated()
  // While the app takes over the page prerendered without a query, it renders what the
  // prerender did; a bad link's not-found page follows at once (else hydration mismatches).
  const parsed = parseCompareParams(hydrated ? params : PRERENDERED_PARAMS, model)

  if (!parsed.ok)
    return (
      <CompareNotFound
        model={model}
        title={parsed.title}
        message={parsed.message}
        repaired={parsed.repaired}
      />
    )
  if (hydrated && evidence.invalid) return <EvidenceNotFound />

  const { view } = parsed
  // Adding or removing a district is a step Back should undo; the other controls adjust a view.
  const go = (change: Parameters<typeof nextCompareState>[1], push = false) =>
    void navigate(paths.compare(nextCompareState(view, change)), {
      replace: !push,
      preventScrollReset: true,
    })
  const names = view.districts.map((d) => model.districtName(d))

  return (
    <>
      <title>
        {`${
          view.districts.length >= 2
            ? t('compare.pageTitle.names', { names: joinList(names) })
            : t('compare.pageTitle.none')
        } · ${appTitle()}`}
      </title>
      <div className="page-header">
        <div>
          <h1>{t('compare.heading')}</h1>
          <p className="page-header__lede">{t('compare.lede')}</p>
        </div>
      </div>

      {hydrated ? (
        <ComparisonBody
          model={model}
          view={view}
          go={go}
          names={names}
          exportOf={exportOf}
          evidence={evidence}
        />
      ) : (
        // Prerendered without its query: the districts are known only in the browser.
        <PageLoading label={t('compare.loading')} />
      )}
    </>
  )
}

interface ComparisonBodyProps {
  model: SummaryModel
  view: CompareView
  go: (change: Parameters<typeof nextCompareState>[1], push?: boolean) => void
  names: ReadonlyArray<string>
  exportOf: ReturnType<typeof useFigureExport>
  evidence: ReturnType<typeof useEvidence>
}

function ComparisonBody({ model, view, go, names, exportOf, evidence }: ComparisonBodyProps) {
  return (
    <>
      <section className="compare-controls" aria-label={t('compare.controls.label')}>
        <DistrictPicker
          model={model}
          districts={view.districts}
          onAdd={(district) => {
            markInteraction('compare-add-district')
            go({ districts: [...view.districts, district] }, true)
          }}
          onRemove={(district) =>
            go({ districts: view.districts.filter((d) => d !== district) }, true)
          }
        />
        {view.districts.length >= 2 && view.edition !== null ? (
          <ViewControls
            model={model}
            view={view}
            edition={view.edition}
            onEdition={(edition) => go({ edition })}
            onToggleMetric={(metric) => go({ metrics: toggleMetric(model, view.metrics, metric) })}
            onScale={(independent) => go({ scale: independent ? 'independent' : 'shared' })}
          />
        ) : null}
      </section>

      {view.districts.length < 2 ? (
        <EmptyState title={t('compare.pick.title')}>
          <p>
            {view.districts[0]
              ? t('compare.pick.oneChosen', { name: model.districtName(view.districts[0]) })
              : t('compare.pick.none')}
          </p>
        </EmptyState>
      ) : view.edition === null ? (
        <EmptyState title={t('compare.noEditions.title')}>
          <p>{t('compare.noEditions.body')}</p>
        </EmptyState>
      ) : view.metrics.length === 0 ? (
        <EmptyState title={t('compare.noFigures.title', { names: joinList(names) })}>
          <p>
            {withParts(t('compare.noFigures.body', { link: slot('link') }), {
              link: <Link to={paths.overview()}>{t('compare.noFigures.link')}</Link>,
            })}
          </p>
        </EmptyState>
      ) : (
        <div className="compare-metrics-stack">
          <div className="compare-export-all">
            <p className="muted">{t('compare.exportAll.hint')}</p>
            <ExportMenu
              label={t('compare.exportAll.label')}
              figure={exportOf(() =>
                compareAllFigure(model, view.metrics, {
                  districts: view.districts,
                  edition: view.edition ?? 0,
                  independent: view.scale === 'independent',
                }),
              )}
            />
          </div>
          {view.metrics.map((metric) => (
            <MetricComparison
              key={metric}
              model={model}
              metric={metric}
              districts={view.districts}
              edition={view.edition ?? 0}
              independent={view.scale === 'independent'}
              onSelect={(cell) => evidence.open(cell)}
              onRemove={
                view.metrics.length > 1
                  ? () => go({ metrics: toggleMetric(model, view.metrics, metric) })
                  : undefined
              }
            />
          ))}
        </div>
      )}

      {evidence.selection ? (
        <EvidencePanel selection={evidence.selection} model={model} onClose={evidence.close} />
      ) : null}
    </>
  )
}

function ViewControls({
  model,
  view,
  edition,
  onEdition,
  onToggleMetric,
  onScale,
}: {
  model: SummaryModel
  view: CompareView
  edition: number
  onEdition: (edition: number) => void
  onToggleMetric: (metric: MetricKey) => void
  onScale: (independent: boolean) => void
}) {
  const withData = new Set(
    view.districts.flatMap((district) => model.aggregates({ district }).map((a) => a.edition)),
  )
  return (
    <div className="compare-view-controls">
      <div className="controls">
        <label className="control">
          {t('compare.edition.label')}
          <select value={edition} onChange={(event) => onEdition(Number(event.target.value))}>
            {[...model.editions].reverse().map((e) => (
              <option key={e.edition} value={e.edition}>
                {model.editionLabel(e.edition)}
                {withData.has(e.edition) ? '' : t('compare.edition.noFigures')}
              </option>
            ))}
          </select>
        </label>
        <label className="compare-toggle">
          <input
            type="checkbox"
            checked={view.scale === 'independent'}
            onChange={(event) => onScale(event.target.checked)}
          />
          {t('compare.scale.label')}
          <span className="compare-toggle__hint">{t('compare.scale.hint')}</span>
        </label>
      </div>
      <MetricChooser
        model={model}
        districts={view.districts}
        metrics={view.metrics}
        onToggle={onToggleMetric}
      />
    </div>
  )
}

/** The not-found page for a link that says something wrong, with the link put right beside it. */
function CompareNotFound({
  model,
  title,
  message,
  repaired,
}: {
  model: SummaryModel
  title: string
  message: string
  repaired: CompareState
}) {
  const kept = repaired.districts.flatMap((id) => {
    const district = model.findDistrict(id)
    return district ? [district.id] : []
  })
  return (
    <>
      <NotFound title={title} message={message} />
      <p className="compare-way-back">
        <Link to={paths.compare(repaired)}>
          {kept.length > 0
            ? t('compare.repaired', {
                names: joinList(kept.map((d: DistrictId) => model.districtName(d))),
              })
            : t('compare.startOver')}
        </Link>
      </p>
    </>
  )
}
