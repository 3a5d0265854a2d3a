import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react'
import { Link, useSearchParams } from 'react-router'
import { EmptyState } from '../app/empty-state'
import {
  formatConversion,
  formatDate,
  formatObservationValue,
  formatQuantity,
  notReported,
} from '../app/format'
import { splitSentenceAtFigure } from '../app/highlight'
import { appTitle } from '../app/page-shell'
import { downloadText } from '../export/download'
import { PageLoading } from '../app/page-loading'
import { paths } from '../app/paths'
import { QueryErrorNotice } from '../app/query-error-notice'
import { isDistrictId, isMetricKey } from '../app/url-state'
import { localName, t } from '../i18n/i18n'
import type { Correction } from '../pipeline/corrections'
import type {
  ArticleSummary,
  ConflictCell,
  ConflictsFile,
  Discarded,
  DistrictDetail,
  DistrictId,
  MetricKey,
  Observation,
  SettledCell,
} from '../pipeline/schema'
import { CONFLICTS_PER_PAGE, useConflicts } from '../queries/conflicts-query'
import { useDistrict } from '../queries/district-query'
import { useSummary } from '../queries/summary-query'
import {
  cellKey,
  cellObservations,
  conflictsFilterParams,
  correctionsFileName,
  correctionsFileText,
  filterConflicts,
  groupByDistrict,
  parseConflictsFilter,
  planKeep,
  rejectEntries,
  shownReason,
  todayIso,
  type ConflictsFilter,
  type IgnoredParam,
  type KeepPlan,
} from './conflicts-model'
import { CorrectionNoteView } from './correction-note'
import { slot, withParts } from './message-parts'
import { summaryModel, type SummaryModel } from './summary-model'
import './conflicts.css'

/**
 * `/conflicts`: every district × edition × metric where articles give different numbers, their
 * sentences side by side, the value the dashboard shows and why, and for each figure the
 * corrections that would keep it; then the cells a correction has settled. The filters live in
 * the URL (`?district=jingan&metric=partners`); a value the catalog does not know is ignored.
 */
export function ConflictsPage() {
  const conflicts = useConflicts()
  const summary = useSummary()

  const failed = conflicts.isError ? conflicts : summary.isError ? summary : null
  if (failed) {
    return (
      <>
        <title>{`${t('conflicts.error.pageTitle')} · ${appTitle()}`}</title>
        <QueryErrorNotice
          title={t('conflicts.error.title')}
          error={failed.error}
          onRetry={() => {
            if (conflicts.isError) void conflicts.refetch()
            if (summary.isError) void summary.refetch()
          }}
        />
      </>
    )
  }
  if (!conflicts.data || !summary.data) return <PageLoading label={t('conflicts.loading')} />
  return <ConflictsContent file={conflicts.data} model={summaryModel(summary.data)} />
}

function ignoredText({ param, value }: IgnoredParam): string {
  return param === 'district'
    ? t('conflicts.ignored.district', { value })
    : t('conflicts.ignored.metric', { value })
}

function ConflictsContent({ file, model }: { file: ConflictsFile; model: SummaryModel }) {
  const [searchParams, setSearchParams] = useSearchParams()
  const { filter, ignored } = parseConflictsFilter(searchParams, { isDistrictId, isMetricKey })
  const shown = filterConflicts(file, filter)
  const filtered = filter.district !== null || filter.metric !== null

  const change = (next: ConflictsFilter) =>
    setSearchParams(
      (current) => {
        const updated = new URLSearchParams(current)
        for (const [key, value] of Object.entries(conflictsFilterParams(next))) {
          if (value === null) updated.delete(key)
          else updated.set(key, value)
        }
        return updated
      },
      { replace: true, preventScrollReset: true },
    )

  return (
    <section className="conflicts-page" aria-labelledby="conflicts-title">
      <title>{`${t('conflicts.pageTitle')} · ${appTitle()}`}</title>
      <header className="page-intro">
        <h1 id="conflicts-title">{t('conflicts.heading')}</h1>
        <p>
          {withParts(t('conflicts.lede', { keep: slot('keep') }), {
            keep: <strong>{t('conflicts.keep')}</strong>,
          })}
        </p>
      </header>

      {ignored.length > 0 ? (
        <p className="conflicts-ignored" role="status">
          {ignored.map((item) => (
            <span key={item.param}>{ignoredText(item)} </span>
          ))}
        </p>
      ) : null}

      <ConflictsFilters file={file} model={model} filter={filter} onChange={change} />

      <section className="page-section" aria-labelledby="open-conflicts-title">
        <h2 id="open-conflicts-title">
          {t('conflicts.open.heading')}{' '}
          <span className="conflicts-count">({shown.conflicts.length})</span>
        </h2>
        {file.conflicts.length === 0 ? (
          <EmptyState title={t('conflicts.open.none.title')}>
            <p>{t('conflicts.open.none.body')}</p>
          </EmptyState>
        ) : shown.conflicts.length === 0 ? (
          <EmptyState title={t('conflicts.open.noMatch.title')}>
            <p>
              {t('conflicts.open.noMatch.body', { filter: describeFilter(filter, model) })}{' '}
              <Link to={paths.conflicts()}>{t('conflicts.open.showAll')}</Link>
            </p>
          </EmptyState>
        ) : (
          <OpenConflicts
            key={`${filter.district ?? '*'}.${filter.metric ?? '*'}`}
            cells={shown.conflicts}
            model={model}
          />
        )}
      </section>

      <section className="page-section" aria-labelledby="settled-title">
        <h2 id="settled-title">
          {t('conflicts.settled.heading')}{' '}
          <span className="conflicts-count">({shown.settled.length})</span>
        </h2>
        <p className="conflicts-section-lede">
          {withParts(t('conflicts.settled.lede', { file: slot('file') }), {
            file: <code>data/corrections.json</code>,
          })}
        </p>
        {shown.settled.length === 0 ? (
          <EmptyState
            title={
              filtered ? t('conflicts.settled.noMatch.title') : t('conflicts.settled.none.title')
            }
          >
            <p>
              {filtered
                ? t('conflicts.settled.noMatch.body', { filter: describeFilter(filter, model) })
                : t('conflicts.settled.none.body')}
            </p>
          </EmptyState>
        ) : (
          <ol className="settled-list">
            {shown.settled.map((cell) => (
              <SettledCellView key={cellKey(cell)} cell={cell} file={file} model={model} />
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}

function describeFilter(filter: ConflictsFilter, model: SummaryModel): string {
  const parts = [
    filter.district ? model.districtName(filter.district) : null,
    filter.metric ? model.metricLabel(filter.metric) : null,
  ].filter(Boolean)
  return parts.length > 0
    ? parts.join(t('conflicts.listSeparator'))
    : t('conflicts.filter.everything')
}

function ConflictsFilters({
  file,
  model,
  filter,
  onChange,
}: {
  file: ConflictsFile
  model: SummaryModel
  filter: ConflictsFilter
  onChange: (filter: ConflictsFilter) => void
}) {
  const byDistrict = countBy(file.conflicts.map((c) => c.district))
  const byMetric = countBy(file.conflicts.map((c) => c.metric))
  return (
    <form
      className="filters conflicts-filters"
      role="search"
      aria-label={t('conflicts.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="filters__field">
        <label htmlFor="conflicts-district">{t('conflicts.filters.district')}</label>
        <select
          id="conflicts-district"
          value={filter.district ?? ''}
          onChange={(event) => {
            const value = event.target.value
            onChange({ ...filter, district: isDistrictId(value) ? value : null })
          }}
        >
          <option value="">{t('conflicts.filters.allDistricts')}</option>
          {model.districts.map((district) => (
            <option key={district.id} value={district.id}>
              {`${localName(district)} (${byDistrict.get(district.id) ?? 0})`}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__field">
        <label htmlFor="conflicts-metric">{t('conflicts.filters.metric')}</label>
        <select
          id="conflicts-metric"
          value={filter.metric ?? ''}
          onChange={(event) => {
            const value = event.target.value
            onChange({ ...filter, metric: isMetricKey(value) ? value : null })
          }}
        >
          <option value="">{t('conflicts.filters.allMetrics')}</option>
          {model.metrics.map((metric) => (
            <option key={metric.key} value={metric.key}>
              {`${localName(metric)} (${byMetric.get(metric.key) ?? 0})`}
            </option>
          ))}
        </select>
      </div>
      {filter.district !== null || filter.metric !== null ? (
        <p className="filters__clear">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange({ district: null, metric: null })}
          >
            {t('conflicts.filters.clear')}
          </button>
        </p>
      ) : null}
    </form>
  )
}

/**
 * The open conflicts, grouped by district, a page at a time: each district shown loads its file
 * (the figures and their articles), so a large corpus does not load every district at once.
 */
function OpenConflicts({ cells, model }: { cells: Array<ConflictCell>; model: SummaryModel }) {
  const [count, setCount] = useState(CONFLICTS_PER_PAGE)
  const [focusKey, setFocusKey] = useState<string | null>(null)
  const visible = cells.slice(0, count)
  const left = cells.length - visible.length

  useEffect(() => {
    if (focusKey !== null) document.getElementById(headingId(focusKey))?.focus()
  }, [focusKey])

  return (
    <>
      {groupByDistrict(visible).map((group) => (
        <DistrictConflicts
          key={group.district}
          district={group.district}
          cells={group.cells}
          model={model}
        />
      ))}
      {left > 0 ? (
        <p className="conflicts-more">
          <span>{t('conflicts.more.showing', { shown: visible.length, total: cells.length })}</span>{' '}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const next = cells[count]
              setCount(count + CONFLICTS_PER_PAGE)
              if (next) setFocusKey(cellKey(next))
            }}
          >
            {t('conflicts.more.button', { count: Math.min(left, CONFLICTS_PER_PAGE) })}
          </button>
        </p>
      ) : null}
    </>
  )
}

const headingId = (key: string) => `conflict-${key.replaceAll('.', '-')}`

function DistrictConflicts({
  district,
  cells,
  model,
}: {
  district: DistrictId
  cells: Array<ConflictCell>
  model: SummaryModel
}) {
  const detail = useDistrict(district)
  const titleId = useId()
  return (
    <section className="conflicts-district" aria-labelledby={titleId}>
      <h3 id={titleId}>{model.districtName(district)}</h3>
      {detail.isError ? (
        <QueryErrorNotice
          variant="inline"
          title={t('conflicts.district.error', { district: model.districtName(district) })}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : !detail.data ? (
        <div className="conflicts-district__loading" role="status">
          <span className="visually-hidden">
            {t('conflicts.district.loading', { district: model.districtName(district) })}
          </span>
          <div className="skeleton skeleton--line" />
          <div className="skeleton skeleton--block" />
        </div>
      ) : (
        <DistrictCells cells={cells} detail={detail.data} model={model} />
      )}
    </section>
  )
}

function DistrictCells({
  cells,
  detail,
  model,
}: {
  cells: Array<ConflictCell>
  detail: DistrictDetail
  model: SummaryModel
}) {
  const articles = useMemo(
    () => new Map(detail.articles.map((article) => [article.id, article])),
    [detail],
  )
  return (
    <ol className="conflicts-cells">
      {cells.map((cell) => (
        <li key={cellKey(cell)}>
          <ConflictCellView
            cell={cell}
            observations={cellObservations(cell, detail.observations, articles)}
            articles={articles}
            model={model}
          />
        </li>
      ))}
    </ol>
  )
}

function ConflictCellView({
  cell,
  observations,
  articles,
  model,
}: {
  cell: ConflictCell
  observations: Array<Observation & { edition: number }>
  articles: ReadonlyMap<string, ArticleSummary>
  model: SummaryModel
}) {
  const [keepId, setKeepId] = useState<string | null>(null)
  const shown = observations.find((o) => o.id === cell.shown)
  const title = `${model.metricLabel(cell.metric)} · ${model.editionName(cell.edition)}`
  const key = cellKey(cell)
  const articleDates = useMemo(
    () => new Map([...articles.values()].map((a) => [a.id, a.date])),
    [articles],
  )
  const kept = observations.find((o) => o.id === keepId)
  const plan = kept ? planKeep(kept, observations, articleDates) : null

  return (
    <article className="conflict" aria-labelledby={headingId(key)}>
      <h4 id={headingId(key)} tabIndex={-1}>
        {title}
      </h4>
      {shown === undefined ? (
        <p className="conflict__missing">
          {t('conflicts.cell.missing', { district: model.districtName(cell.district) })}
        </p>
      ) : (
        <>
          <ShownValue
            cell={cell}
            shown={shown}
            observations={observations}
            article={articles.get(shown.article)}
          />
          <ol
            className="conflict__figures"
            aria-label={t('conflicts.cell.figures', { count: observations.length })}
          >
            {observations.map((observation) => (
              <FigureCard
                key={observation.id}
                observation={observation}
                article={articles.get(observation.article)}
                isShown={observation.id === cell.shown}
                isKept={observation.id === keepId}
                onKeep={() => setKeepId(observation.id)}
                names={figureNames(model)}
              />
            ))}
          </ol>
          {plan ? (
            <KeepPanel
              key={plan.kept.id}
              cell={cell}
              plan={plan}
              articles={articles}
              onCancel={() => {
                const id = keepId
                setKeepId(null)
                // Focus goes back to the button that opened the panel.
                requestAnimationFrame(() =>
                  document.querySelector<HTMLElement>(`[data-keep="${id}"]`)?.focus(),
                )
              }}
            />
          ) : null}
        </>
      )}
    </article>
  )
}

function ShownValue({
  cell,
  shown,
  observations,
  article,
}: {
  cell: ConflictCell
  shown: Observation
  observations: ReadonlyArray<Observation>
  article: ArticleSummary | undefined
}) {
  const reason = shownReason(shown, observations)
  // The card below names the article; here its date says why it is the one shown.
  const date = article ? formatDate(article.date) : null
  return (
    <div className="conflict__shown">
      <p>
        {withParts(
          t('conflicts.shown.value', {
            value: slot('value'),
            figures: cell.observations,
            articles: cell.articles,
          }),
          {
            value: (
              <strong className="conflict__value">
                {formatQuantity(cell.value, cell.unit, cell.qualifier)}
              </strong>
            ),
          },
        )}
      </p>
      <p className="conflict__why">
        {reason.kind === 'newest'
          ? date !== null
            ? t('conflicts.shown.newestDated', { date })
            : t('conflicts.shown.newest')
          : date !== null
            ? t('conflicts.shown.largestDated', { date, count: reason.count })
            : t('conflicts.shown.largest', { count: reason.count })}
      </p>
    </div>
  )
}

function FigureCard({
  observation,
  article,
  isShown,
  isKept,
  onKeep,
  names,
}: {
  observation: Observation
  article: ArticleSummary | undefined
  isShown: boolean
  isKept: boolean
  onKeep: () => void
  names: FigureNames
}) {
  const value = formatObservationValue(observation)
  const conversion = formatConversion(observation.conversion)
  const when = article ? formatDate(article.date) : observation.article
  return (
    <li
      className={`conflict-figure${isShown ? ' conflict-figure--shown' : ''}${isKept ? ' conflict-figure--kept' : ''}`}
    >
      <p className="conflict-figure__value">
        <span className="conflict-figure__number">{value}</span>
        {conversion ? <span className="conflict-figure__conversion"> ({conversion})</span> : null}
        {isShown ? (
          <span className="conflict-figure__badge">{t('conflicts.figure.shownBadge')}</span>
        ) : null}
      </p>
      <FigureSentence figure={observation} />
      <CorrectionNoteView figure={observation} names={names} />
      <p className="conflict-figure__source">
        {article ? (
          <>
            <time dateTime={article.date}>{formatDate(article.date)}</time> ·{' '}
            <span className="conflict-figure__title" lang="en">
              {article.title}
            </span>
          </>
        ) : (
          observation.article
        )}
      </p>
      <div className="conflict-figure__actions">
        <Link to={paths.article(observation.article, { highlight: observation.id })}>
          {t('conflicts.figure.read')}{' '}
          <span className="visually-hidden">{`(${value}, ${when})`}</span>
        </Link>
        <button
          type="button"
          className="button button--secondary conflict-figure__keep"
          data-keep={observation.id}
          aria-expanded={isKept}
          onClick={onKeep}
        >
          {t('conflicts.keep')} <span className="visually-hidden">{`(${value}, ${when})`}</span>
        </button>
      </div>
    </li>
  )
}

/** The names a correction note uses for what the extractor had read. */
type FigureNames = Parameters<typeof CorrectionNoteView>[0]['names']

const figureNames = (model: SummaryModel): FigureNames => ({
  district: (id) => model.districtName(id as DistrictId),
  metric: (key) => model.metricLabel(key as MetricKey),
  edition: (n) => model.editionName(n),
})

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** The command that rebuilds the data: a command, the same in every language. */
const DATA_COMMAND = 'npm run data'

/**
 * Keeping one figure: says which figures it rejects and what the cell will show, asks why, and
 * writes the reject entries for data/corrections.json, to copy or download.
 */
function KeepPanel({
  cell,
  plan,
  articles,
  onCancel,
}: {
  cell: ConflictCell
  plan: KeepPlan
  articles: ReadonlyMap<string, ArticleSummary>
  onCancel: () => void
}) {
  const [reason, setReason] = useState('')
  const [date, setDate] = useState(todayIso)
  const [tried, setTried] = useState(false)
  const [entries, setEntries] = useState<Array<Correction> | null>(null)
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)
  const ids = {
    title: useId(),
    reason: useId(),
    reasonError: useId(),
    date: useId(),
    dateError: useId(),
  }

  useEffect(() => reasonRef.current?.focus(), [])
  useEffect(() => {
    if (entries) resultRef.current?.focus()
  }, [entries])

  const reasonMissing = reason.trim() === ''
  const dateInvalid = !ISO_DATE.test(date)
  const kept = formatObservationValue(plan.kept)
  const keptArticle = articles.get(plan.kept.article)
  const after = formatQuantity(plan.after.value, plan.after.unit, plan.after.qualifier)

  function submit(event: FormEvent) {
    event.preventDefault()
    setTried(true)
    if (reasonMissing) return reasonRef.current?.focus()
    if (dateInvalid) return
    setEntries(rejectEntries(plan.rejected, reason, date))
  }

  return (
    <section className="keep-panel" aria-labelledby={ids.title}>
      <h5 id={ids.title}>
        {keptArticle
          ? t('conflicts.keepPanel.titleDated', { value: kept, date: formatDate(keptArticle.date) })
          : t('conflicts.keepPanel.title', { value: kept })}
      </h5>
      <p>{t('conflicts.keepPanel.rejects', { count: plan.rejected.length })}</p>
      <ul className="keep-panel__rejected">
        {plan.rejected.map((figure) => {
          const article = articles.get(figure.article)
          return (
            <li key={figure.id}>
              <strong>{formatObservationValue(figure)}</strong>
              {article
                ? ` — ${formatDate(article.date)}${t('conflicts.listSeparator')}“${article.title}”`
                : ` — ${figure.article}`}
            </li>
          )
        })}
      </ul>
      <p>
        {withParts(
          plan.after.conflict
            ? t('conflicts.keepPanel.afterConflict', { value: slot('value') })
            : t('conflicts.keepPanel.after', { value: slot('value') }),
          { value: <strong>{after}</strong> },
        )}
      </p>

      {entries === null ? (
        <form className="keep-panel__form" noValidate onSubmit={submit}>
          <div className="keep-panel__field">
            <label htmlFor={ids.reason}>{t('conflicts.keepPanel.reason', { value: kept })}</label>
            <textarea
              id={ids.reason}
              ref={reasonRef}
              rows={2}
              value={reason}
              required
              aria-invalid={tried && reasonMissing}
              aria-describedby={tried && reasonMissing ? ids.reasonError : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
            {tried && reasonMissing ? (
              <p id={ids.reasonError} className="keep-panel__error">
                {t('conflicts.keepPanel.reasonError')}
              </p>
            ) : null}
          </div>
          <div className="keep-panel__field">
            <label htmlFor={ids.date}>{t('conflicts.keepPanel.date')}</label>
            <input
              id={ids.date}
              type="date"
              value={date}
              required
              aria-invalid={tried && dateInvalid}
              aria-describedby={tried && dateInvalid ? ids.dateError : undefined}
              onChange={(event) => setDate(event.target.value)}
            />
            {tried && dateInvalid ? (
              <p id={ids.dateError} className="keep-panel__error">
                {t('conflicts.keepPanel.dateError')}
              </p>
            ) : null}
          </div>
          <div className="keep-panel__actions">
            <button type="submit" className="button">
              {t('conflicts.keepPanel.write')}
            </button>
            <button type="button" className="button button--secondary" onClick={onCancel}>
              {t('conflicts.keepPanel.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <CorrectionsOutput
          cell={cell}
          entries={entries}
          headingRef={resultRef}
          onEdit={() => setEntries(null)}
        />
      )}
    </section>
  )
}

function CorrectionsOutput({
  cell,
  entries,
  headingRef,
  onEdit,
}: {
  cell: ConflictCell
  entries: Array<Correction>
  headingRef: RefObject<HTMLHeadingElement | null>
  onEdit: () => void
}) {
  const [status, setStatus] = useState('')
  const text = correctionsFileText(entries)
  const headingId = useId()

  async function copy() {
    try {
      await navigator.clipboard.writeText(text)
      setStatus(t('conflicts.output.copied'))
    } catch {
      setStatus(t('conflicts.output.copyFailed'))
    }
  }

  function download() {
    downloadText(text, correctionsFileName(cell), 'application/json')
    setStatus(t('conflicts.output.downloaded', { fileName: correctionsFileName(cell) }))
  }

  return (
    <section className="keep-output" aria-labelledby={headingId}>
      <h6 id={headingId} ref={headingRef} tabIndex={-1}>
        {t('conflicts.output.heading', { count: entries.length })}
      </h6>
      <p>
        {withParts(
          t('conflicts.output.instructions', {
            count: entries.length,
            list: slot('list'),
            file: slot('file'),
            command: slot('command'),
          }),
          {
            list: <code>corrections</code>,
            file: <code>data/corrections.json</code>,
            command: <code>{DATA_COMMAND}</code>,
          },
        )}
      </p>
      {/* Focusable: the reader can scroll it by keyboard and select it to copy by hand. */}
      <pre className="keep-output__json" tabIndex={0}>
        {text}
      </pre>
      <div className="keep-panel__actions">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('conflicts.output.copy')}
        </button>
        <button type="button" className="button" onClick={download}>
          {t('conflicts.output.download')}
        </button>
        <button type="button" className="button button--secondary" onClick={onEdit}>
          {t('conflicts.output.edit')}
        </button>
      </div>
      <p className="keep-output__status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  )
}

function SettledCellView({
  cell,
  file,
  model,
}: {
  cell: SettledCell
  file: ConflictsFile
  model: SummaryModel
}) {
  const articles = useMemo(
    () => new Map(file.articles.map((article) => [article.id, article])),
    [file],
  )
  const names = figureNames(model)
  const shownFigure = cell.shown
    ? cell.observations.find((o) => o.id === cell.shown?.observation)
    : undefined
  const shownArticle = shownFigure ? articles.get(shownFigure.article) : undefined
  const titleId = useId()
  const inCell = (o: Observation) =>
    o.scope === 'ciie' &&
    o.district === cell.district &&
    o.edition === cell.edition &&
    o.metric === cell.metric

  return (
    <li className="settled">
      <article aria-labelledby={titleId}>
        <h3 id={titleId}>
          {model.districtName(cell.district)} · {model.metricLabel(cell.metric)} ·{' '}
          {model.editionName(cell.edition)}
        </h3>
        <p className="settled__shown">
          {cell.shown
            ? withParts(
                shownArticle
                  ? t('conflicts.settled.showsDated', {
                      value: slot('value'),
                      date: formatDate(shownArticle.date),
                    })
                  : t('conflicts.settled.shows', { value: slot('value') }),
                {
                  value: (
                    <strong className="conflict__value">
                      {formatQuantity(cell.shown.value, cell.shown.unit, cell.shown.qualifier)}
                    </strong>
                  ),
                },
              )
            : t('conflicts.settled.empty', { notReported: notReported() })}
          {cell.conflict ? (
            <>
              {' '}
              {withParts(t('conflicts.settled.stillDisagree', { link: slot('link') }), {
                link: (
                  <Link to={paths.conflicts({ district: cell.district, metric: cell.metric })}>
                    {t('conflicts.settled.seeConflict')}
                  </Link>
                ),
              })}
            </>
          ) : null}
        </p>
        <ul className="settled__figures">
          {cell.rejected.map((record) => (
            <RejectedFigure
              key={`${record.article}:${record.start}`}
              record={record}
              article={articles.get(record.article)}
            />
          ))}
          {cell.observations.map((observation) => (
            <li
              key={observation.id}
              className={`settled-figure${observation.correction ? ' settled-figure--corrected' : ''}`}
            >
              <p className="settled-figure__value">
                <span className="settled-figure__label">
                  {!inCell(observation)
                    ? t('conflicts.settled.label.moved')
                    : observation.correction
                      ? observation.correction.action === 'add'
                        ? t('conflicts.settled.label.added')
                        : t('conflicts.settled.label.fixed')
                      : t('conflicts.settled.label.kept')}
                </span>{' '}
                <strong>{formatObservationValue(observation)}</strong>
                {!inCell(observation) ? (
                  <span className="settled-figure__moved">
                    {' '}
                    {t('conflicts.settled.movedTo', {
                      district: model.districtName(observation.district),
                      metric: model.metricLabel(observation.metric),
                      edition:
                        observation.edition === null
                          ? t('conflicts.settled.noEdition')
                          : model.editionName(observation.edition),
                    })}
                  </span>
                ) : null}
              </p>
              <FigureSentence figure={observation} />
              <CorrectionNoteView figure={observation} names={names} />
              <FigureSource figure={observation} article={articles.get(observation.article)} />
            </li>
          ))}
        </ul>
      </article>
    </li>
  )
}

function RejectedFigure({
  record,
  article,
}: {
  record: Discarded
  article: ArticleSummary | undefined
}) {
  const note = record.correction
  const was = note?.was
  const value =
    was?.value !== undefined && was.unit !== undefined
      ? formatQuantity(was.value, was.unit, was.qualifier ?? 'exact')
      : record.text
  return (
    <li className="settled-figure settled-figure--rejected">
      <p className="settled-figure__value">
        <span className="settled-figure__label">{t('conflicts.settled.label.rejected')}</span>{' '}
        <strong>{value}</strong>
      </p>
      <FigureSentence figure={record} />
      {note ? (
        <p className="correction-note">
          <span className="correction-note__label">{t('conflicts.settled.rejectedNote')}</span>{' '}
          {note.reason} <span className="correction-note__meta">({formatDate(note.date)})</span>
        </p>
      ) : null}
      <FigureSource figure={record} article={article} />
    </li>
  )
}

function FigureSentence({
  figure,
}: {
  figure: Pick<Observation, 'sentence' | 'sentenceStart' | 'start' | 'end' | 'text'>
}) {
  return (
    <blockquote className="source-sentence" lang="en">
      {splitSentenceAtFigure(figure).map((part, index) =>
        part.highlight ? (
          <mark key={index}>{part.text}</mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </blockquote>
  )
}

function FigureSource({
  figure,
  article,
}: {
  figure: Pick<Observation, 'article'> & { id?: string }
  article: ArticleSummary | undefined
}) {
  return (
    <p className="conflict-figure__source">
      {article ? (
        <>
          <time dateTime={article.date}>{formatDate(article.date)}</time> ·{' '}
          <Link
            to={paths.article(figure.article, figure.id ? { highlight: figure.id } : {})}
            lang="en"
          >
            {article.title}
          </Link>
        </>
      ) : (
        <Link to={paths.article(figure.article)}>{figure.article}</Link>
      )}
    </p>
  )
}

function countBy<T>(values: ReadonlyArray<T>): Map<T, number> {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return counts
}
