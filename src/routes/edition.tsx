import { Link, useParams } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { formatDate } from '../app/format'
import { appTitle } from '../app/page-shell'
import { paths } from '../app/paths'
import { parseEdition } from '../app/url-state'
import { t } from '../i18n/i18n'
import { DistrictBars } from './district-bars'
import { EvidencePanel } from './evidence-panel'
import { useEvidence } from './evidence'
import { EditionNotFound, EvidenceNotFound } from './not-found'
import type { SummaryModel } from './summary-model'
import { WithSummary } from './with-summary'
import './views.css'

/** `/editions/:edition`: every district at one CIIE edition, one chart per metric. */
export function EditionPage() {
  return <WithSummary>{(model) => <EditionView model={model} />}</WithSummary>
}

function EditionView({ model }: { model: SummaryModel }) {
  const { edition: editionParam = '' } = useParams()
  const evidence = useEvidence(model.editions)
  const edition = parseEdition(editionParam, model.editions)
  if (edition === null) return <EditionNotFound value={editionParam} editions={model.editions} />
  if (evidence.invalid) return <EvidenceNotFound />

  const editionLabel = model.editionName(edition)
  const info = model.edition(edition)
  const metrics = model.metricsWithData(edition)
  const previous = model.edition(edition - 1)
  const next = model.edition(edition + 1)

  return (
    <>
      <title>{`${editionLabel} · ${appTitle()}`}</title>
      <div className="page-header">
        <div>
          <h1>{t('edition.heading', { edition: editionLabel })}</h1>
          <p className="page-header__lede">
            {info
              ? t('edition.held', { start: formatDate(info.start), end: formatDate(info.end) })
              : ''}
            {t('edition.lede', { count: metrics.length })}
          </p>
        </div>
        <nav className="edition-nav" aria-label={t('edition.otherEditions')}>
          {previous ? (
            <Link to={paths.edition(previous.edition)}>
              ← {model.editionLabel(previous.edition)}
            </Link>
          ) : null}
          {next ? (
            <Link to={paths.edition(next.edition)}>{model.editionLabel(next.edition)} →</Link>
          ) : null}
        </nav>
      </div>

      {metrics.length === 0 ? (
        <EmptyState title={t('edition.empty.title', { edition: editionLabel })}>
          <p>
            {t('edition.empty.body')}{' '}
            {model.latestEdition !== null ? (
              <Link to={paths.edition(model.latestEdition)}>
                {t('edition.empty.latest', { edition: model.editionName(model.latestEdition) })}
              </Link>
            ) : null}
          </p>
        </EmptyState>
      ) : (
        <div className="chart-stack">
          {metrics.map((metric) => (
            <section key={metric} className="page-section">
              <DistrictBars
                model={model}
                edition={edition}
                metric={metric}
                onSelect={(cell) => evidence.open(cell)}
              />
            </section>
          ))}
        </div>
      )}

      {evidence.selection ? (
        <EvidencePanel selection={evidence.selection} model={model} onClose={evidence.close} />
      ) : null}
    </>
  )
}
