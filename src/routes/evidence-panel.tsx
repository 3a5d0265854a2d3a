import { useEffect, useId, useRef, type KeyboardEvent } from 'react'
import { Link } from 'react-router'
import { handleModalKeys } from '../app/focus-trap'
import { formatConversion, formatDate, formatObservationValue } from '../app/format'
import { splitSentenceAtFigure } from '../app/highlight'
import { paths } from '../app/paths'
import { QueryErrorNotice } from '../app/query-error-notice'
import type { EvidenceSelection } from '../app/url-state'
import { t } from '../i18n/i18n'
import type {
  ArticleSummary,
  DistrictDetail,
  DistrictId,
  MetricKey,
  Observation,
} from '../pipeline/schema'
import { useDistricts } from '../queries/district-query'
import { CorrectionNoteView } from './correction-note'
import { formatCell, type SummaryModel } from './summary-model'
import './evidence-panel.css'

interface Group {
  district: DistrictId
  metric: MetricKey
  observations: Array<Observation>
}

/** The figures behind one cell, newest article first (the one whose value is shown). */
function groupsFor(
  selection: EvidenceSelection,
  model: SummaryModel,
  details: ReadonlyArray<DistrictDetail>,
): Array<Group> {
  const cells = model.aggregates({
    edition: selection.edition,
    ...(selection.district ? { district: selection.district } : {}),
    ...(selection.metric ? { metric: selection.metric } : {}),
  })
  return cells.map((cell) => {
    const detail = details.find((d) => d.district === cell.district)
    const dates = new Map(detail?.articles.map((a) => [a.id, a.date]) ?? [])
    const observations = (detail?.observations ?? [])
      .filter(
        (o) =>
          o.scope === 'ciie' &&
          o.edition === cell.edition &&
          o.metric === cell.metric &&
          o.district === cell.district,
      )
      .sort(
        (a, b) =>
          (dates.get(b.article) ?? '').localeCompare(dates.get(a.article) ?? '') ||
          a.article.localeCompare(b.article) ||
          a.start - b.start,
      )
    return { district: cell.district, metric: cell.metric, observations }
  })
}

function describeSelection(selection: EvidenceSelection, model: SummaryModel): string {
  const edition = model.editionName(selection.edition)
  if (selection.district && selection.metric)
    return t('evidence.title.cell', {
      district: model.districtName(selection.district),
      metric: model.metricLabel(selection.metric),
      edition,
    })
  if (selection.district)
    return t('evidence.title.district', {
      district: model.districtName(selection.district),
      edition,
    })
  return t('evidence.title.metric', {
    metric: selection.metric ? model.metricLabel(selection.metric) : '',
    edition,
  })
}

export interface EvidencePanelProps {
  selection: EvidenceSelection
  model: SummaryModel
  onClose: () => void
}

/**
 * The sources behind a value: every observation, with its article, date and sentence, the number
 * highlighted. A modal side panel: focus moves in when it opens, stays inside while it is open,
 * and returns to the bar, tile or cell that opened it.
 */
export function EvidencePanel({ selection, model, onClose }: EvidencePanelProps) {
  const titleId = useId()
  const panelRef = useRef<HTMLDivElement>(null)
  const closeRef = useRef<HTMLButtonElement>(null)
  const opener = useRef<Element | null>(null)

  useEffect(() => {
    opener.current = document.activeElement
    closeRef.current?.focus()
    return () => {
      const target = opener.current
      // Bars are SVG elements, tiles and cells HTML ones: both can take focus back.
      if ((target instanceof HTMLElement || target instanceof SVGElement) && target.isConnected)
        target.focus()
    }
  }, [])

  const districts = selection.district
    ? [selection.district]
    : [
        ...new Set(
          model
            .aggregates({
              edition: selection.edition,
              ...(selection.metric ? { metric: selection.metric } : {}),
            })
            .map((a) => a.district),
        ),
      ]
  const queries = useDistricts(districts)
  const failed = queries.find((q) => q.isError)
  const loading = queries.some((q) => q.isPending)
  const details = queries.flatMap((q) => (q.data ? [q.data] : []))
  const articles = new Map<string, ArticleSummary>(
    details.flatMap((d) => d.articles.map((a) => [a.id, a] as const)),
  )

  function trapFocus(event: KeyboardEvent<HTMLDivElement>) {
    handleModalKeys(
      event,
      onClose,
      () =>
        panelRef.current?.querySelectorAll<HTMLElement>(
          'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"]), summary',
        ) ?? [],
    )
  }

  const groups = groupsFor(selection, model, details)

  return (
    <div className="evidence-backdrop" onClick={onClose}>
      <div
        ref={panelRef}
        className="evidence-panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={trapFocus}
      >
        <header className="evidence-panel__header">
          <div>
            <p className="evidence-panel__eyebrow">{t('evidence.eyebrow')}</p>
            <h2 id={titleId}>{describeSelection(selection, model)}</h2>
          </div>
          <button
            ref={closeRef}
            type="button"
            className="dialog-close"
            onClick={onClose}
            aria-label={t('evidence.close')}
          >
            ×
          </button>
        </header>
        <div className="evidence-panel__body">
          {failed ? (
            <QueryErrorNotice
              variant="inline"
              title={t('evidence.error')}
              error={failed.error}
              onRetry={() => {
                for (const q of queries) if (q.isError) void q.refetch()
              }}
            />
          ) : loading ? (
            <div className="evidence-panel__loading" role="status">
              <span className="visually-hidden">{t('evidence.loading')}</span>
              <div className="skeleton skeleton--line" />
              <div className="skeleton skeleton--block" />
              <div className="skeleton skeleton--block" />
            </div>
          ) : groups.length === 0 ? (
            <p>{t('evidence.none')}</p>
          ) : (
            groups.map((group) => (
              <EvidenceGroup
                key={`${group.district}|${group.metric}`}
                group={group}
                selection={selection}
                model={model}
                articles={articles}
              />
            ))
          )}
        </div>
      </div>
    </div>
  )
}

function EvidenceGroup({
  group,
  selection,
  model,
  articles,
}: {
  group: Group
  selection: EvidenceSelection
  model: SummaryModel
  articles: ReadonlyMap<string, ArticleSummary>
}) {
  const aggregate = model.cell(group.district, selection.edition, group.metric)
  const heading = [
    selection.district ? null : model.districtName(group.district),
    selection.metric ? null : model.metricLabel(group.metric),
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <section className="evidence-group">
      {heading ? <h3 className="evidence-group__title">{heading}</h3> : null}
      <p className="evidence-group__value">
        <span className="evidence-group__number">{formatCell(aggregate)}</span>{' '}
        <span className="evidence-group__count">
          {t('evidence.count', { count: group.observations.length })}
        </span>
      </p>
      {aggregate?.conflict ? (
        <p className="evidence-group__conflict">
          <span aria-hidden="true">⚠ </span>
          {t('evidence.conflict')}
        </p>
      ) : null}
      <ol className="evidence-list">
        {group.observations.map((observation) => (
          <EvidenceItem
            key={observation.id}
            observation={observation}
            article={articles.get(observation.article)}
            model={model}
          />
        ))}
      </ol>
    </section>
  )
}

function EvidenceItem({
  observation,
  article,
  model,
}: {
  observation: Observation
  article: ArticleSummary | undefined
  model: SummaryModel
}) {
  const conversion = formatConversion(observation.conversion)
  return (
    <li className="evidence-item">
      <p className="evidence-item__value">
        {formatObservationValue(observation)}
        {conversion ? <span className="evidence-item__conversion"> ({conversion})</span> : null}
      </p>
      <CorrectionNoteView
        figure={observation}
        names={{
          metric: (key) => model.metricLabel(key as MetricKey),
          district: (id) => model.districtName(id as DistrictId),
          edition: model.editionName,
        }}
      />
      <blockquote className="evidence-item__sentence">
        {splitSentenceAtFigure(observation).map((part, index) =>
          part.highlight ? (
            <mark key={index}>{part.text}</mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </blockquote>
      <p className="evidence-item__source">
        {article ? (
          <>
            <span className="evidence-item__date">{formatDate(article.date)}</span> ·{' '}
            <span className="evidence-item__title">{article.title}</span>
          </>
        ) : (
          observation.article
        )}
      </p>
      <Link
        className="evidence-item__link"
        to={paths.article(observation.article, { highlight: observation.id })}
      >
        {t('evidence.readArticle')}
      </Link>
    </li>
  )
}
