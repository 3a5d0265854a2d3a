import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Link } from 'react-router'
import { EmptyState } from '../app/empty-state'
import { appTitle } from '../app/page-shell'
import { paths } from '../app/paths'
import { downloadFile, renderFigure } from '../export/export-figure'
import type { FigureLayout } from '../export/figure-layout'
import { FigureView } from '../export/figure-view'
import { publishReportCount } from '../export/report-count'
import { currentLocale, t } from '../i18n/i18n'
import { LANGUAGE_TAGS } from '../i18n/locale'
import {
  clearReport,
  getReport,
  MAX_NOTE_LENGTH,
  moveInReport,
  removeFromReport,
  setReportNote,
  useReport,
  type ReportItem,
} from '../export/report-store'
import { slot, withParts } from './message-parts'
import './report.css'

/**
 * `/report`: the figures added with Export → Add to report, in order, each with a note. They can
 * be reordered and removed, printed on A4 (one figure a page, the note under it) or downloaded
 * as one ZIP of PNGs. The report lives in this browser's storage; nothing is sent anywhere.
 */
export function ReportPage() {
  const { items, unreadable, storageError } = useReport()
  const [announcement, setAnnouncement] = useState('')
  const [confirmingClear, setConfirmingClear] = useState(false)
  // The id of the element to focus once the change has rendered (moved, removed, cleared).
  const pendingFocus = useRef<string | null>(null)
  const { download, start: startDownload } = useReportDownload(items)

  useEffect(() => {
    const id = pendingFocus.current
    if (id === null) return
    pendingFocus.current = null
    document.getElementById(id)?.focus()
  })

  // The navigation counts stored entries; once the store has read them, it knows how many it kept.
  useEffect(() => publishReportCount(items.length), [items.length])

  // Read from the store at click time, so the figures' handlers never change and they stay memoized.
  const onMove = useCallback((id: string, delta: -1 | 1) => {
    const before = getReport().items
    const from = before.findIndex((item) => item.id === id)
    const to = from + delta
    const moved = before[from]
    if (!moved || to < 0 || to >= before.length) return
    moveInReport(id, delta)
    // Stay on the same button, unless the figure reached the end where that button is disabled.
    const atEnd = delta < 0 ? to === 0 : to === before.length - 1
    const same = delta < 0 ? 'up' : 'down'
    const other = delta < 0 ? 'down' : 'up'
    pendingFocus.current = itemDomId(id, atEnd ? other : same)
    setAnnouncement(
      t('report.announce.moved', {
        title: moved.spec.title,
        position: to + 1,
        total: before.length,
      }),
    )
  }, [])

  const onRemove = useCallback((id: string) => {
    const before = getReport().items
    const index = before.findIndex((item) => item.id === id)
    const removed = before[index]
    if (!removed) return
    removeFromReport(id)
    const next = before[index + 1] ?? before[index - 1]
    pendingFocus.current = next ? itemDomId(next.id, 'heading') : PAGE_HEADING_ID
    const left = before.length - 1
    setAnnouncement(
      left === 0
        ? t('report.announce.removedLast', { title: removed.spec.title })
        : t('report.announce.removed', { title: removed.spec.title, count: left }),
    )
  }, [])

  const askToClear = () => {
    setConfirmingClear(true)
    pendingFocus.current = CLEAR_CANCEL_ID
  }
  const cancelClear = () => {
    setConfirmingClear(false)
    pendingFocus.current = CLEAR_BUTTON_ID
  }
  const confirmClear = () => {
    const count = items.length
    clearReport()
    setConfirmingClear(false)
    pendingFocus.current = PAGE_HEADING_ID
    setAnnouncement(t('report.announce.cleared', { count }))
  }

  return (
    <section className="report-page" aria-labelledby={PAGE_HEADING_ID}>
      <title>{`${t('report.pageTitle')} · ${appTitle()}`}</title>
      <header className="page-header report-header">
        <div>
          <h1 id={PAGE_HEADING_ID} tabIndex={-1}>
            {t('report.heading')}
          </h1>
          <p className="page-header__lede">{t('report.lede')}</p>
        </div>
        {items.length > 0 ? (
          <div className="report-actions">
            <button type="button" className="button" onClick={() => window.print()}>
              {t('report.print')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={download.status === 'working'}
              onClick={startDownload}
            >
              {t('report.downloadAll')}
            </button>
            <button
              type="button"
              id={CLEAR_BUTTON_ID}
              className="button button--secondary"
              aria-expanded={confirmingClear}
              onClick={askToClear}
            >
              {t('report.clear')}
            </button>
          </div>
        ) : null}
      </header>

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {items.length > 0 ? <DownloadStatus download={download} onRetry={startDownload} /> : null}

      {storageError ? (
        <div className="notice notice--error report-notice" role="alert">
          <p>{storageError}</p>
        </div>
      ) : null}

      {unreadable > 0 ? (
        <div className="notice report-notice">
          <p>{t('report.unreadable', { count: unreadable })}</p>
        </div>
      ) : null}

      {confirmingClear && items.length > 0 ? (
        <div className="notice report-confirm" role="group" aria-labelledby="report-clear-question">
          <p id="report-clear-question">{t('report.confirm.question', { count: items.length })}</p>
          <div className="notice__actions">
            <button type="button" className="button button--danger" onClick={confirmClear}>
              {t('report.confirm.yes')}
            </button>
            <button
              type="button"
              id={CLEAR_CANCEL_ID}
              className="button button--secondary"
              onClick={cancelClear}
            >
              {t('report.confirm.no')}
            </button>
          </div>
        </div>
      ) : null}

      {items.length === 0 ? (
        <EmptyState title={t('report.empty.title')}>
          <p>
            {withParts(t('report.empty.body', { action: slot('action') }), {
              action: <strong>{t('report.empty.action')}</strong>,
            })}
          </p>
          <p>
            {withParts(t('report.empty.next', { link: slot('link') }), {
              link: <Link to={paths.overview()}>{t('report.empty.overview')}</Link>,
            })}
          </p>
        </EmptyState>
      ) : (
        <ol className="report-list">
          {items.map((item, index) => (
            <ReportFigure
              key={item.id}
              item={item}
              number={index + 1}
              isFirst={index === 0}
              isLast={index === items.length - 1}
              onMove={onMove}
              onRemove={onRemove}
            />
          ))}
        </ol>
      )}
    </section>
  )
}

const PAGE_HEADING_ID = 'report-title'
const CLEAR_BUTTON_ID = 'report-clear'
const CLEAR_CANCEL_ID = 'report-clear-cancel'

type ItemPart = 'heading' | 'up' | 'down' | 'note' | 'note-hint'
const itemDomId = (id: string, part: ItemPart) => `report-item-${id}-${part}`

type DownloadState =
  | { status: 'idle' }
  | { status: 'working'; n: number; total: number }
  | { status: 'done'; fileName: string; total: number }
  | { status: 'error'; message: string }

/** "Download all": the ZIP's code loads on the first click; progress and failure are shown. */
function useReportDownload(items: ReadonlyArray<ReportItem>) {
  const [download, setDownload] = useState<DownloadState>({ status: 'idle' })
  const start = async () => {
    const snapshot = [...items]
    setDownload({ status: 'working', n: 0, total: snapshot.length })
    try {
      const { buildReportZip } = await import('./report-zip')
      const file = await buildReportZip(snapshot, (n, total) =>
        setDownload({ status: 'working', n, total }),
      )
      downloadFile(file)
      setDownload({ status: 'done', fileName: file.fileName, total: snapshot.length })
    } catch (error) {
      setDownload({
        status: 'error',
        message:
          error instanceof Error && error.message ? error.message : t('report.download.failed'),
      })
    }
  }
  return { download, start: () => void start() }
}

function DownloadStatus({ download, onRetry }: { download: DownloadState; onRetry: () => void }) {
  return (
    <>
      <p className="report-status" role="status">
        {download.status === 'working'
          ? download.n === 0
            ? t('report.download.preparing')
            : t('report.download.progress', { n: download.n, total: download.total })
          : download.status === 'done'
            ? t('report.download.done', { fileName: download.fileName, count: download.total })
            : ''}
      </p>
      {download.status === 'error' ? (
        <div className="notice notice--error report-notice" role="alert">
          <p>
            <strong>{t('report.download.errorTitle')}</strong> {download.message}
          </p>
          <div className="notice__actions">
            <button type="button" className="button" onClick={onRetry}>
              {t('report.download.retry')}
            </button>
          </div>
        </div>
      ) : null}
    </>
  )
}

interface ReportFigureProps {
  item: ReportItem
  number: number
  isFirst: boolean
  isLast: boolean
  onMove: (id: string, delta: -1 | 1) => void
  onRemove: (id: string) => void
}

/** One figure: its heading and buttons, the figure as it prints, and the note under it. */
const ReportFigure = memo(function ReportFigure({
  item,
  number,
  isFirst,
  isLast,
  onMove,
  onRemove,
}: ReportFigureProps) {
  const { id, spec, note } = item
  // Laid out once per spec: typing a note must not lay the figure out again.
  const drawn = useMemo(() => drawFigure(spec), [spec])
  const image = useMemo(
    () =>
      'layout' in drawn ? (
        <FigureView svg={drawn.layout.svg} label={spec.title} className="report-figure__image" />
      ) : (
        <p className="notice notice--error report-figure__error">
          {t('report.figure.notDrawn')} {drawn.error}
        </p>
      ),
    [drawn, spec.title],
  )

  return (
    <li className="report-item">
      <figure className="report-figure" aria-labelledby={itemDomId(id, 'heading')}>
        <div className="report-item__bar">
          <h2 id={itemDomId(id, 'heading')} className="report-item__title" tabIndex={-1}>
            <span className="report-item__number">
              {t('report.figure.number', { number })}
              <span className="visually-hidden">{t('report.figure.numberSeparator')}</span>
            </span>{' '}
            {spec.title}
          </h2>
          <div className="report-item__actions">
            <button
              type="button"
              id={itemDomId(id, 'up')}
              className="button button--secondary"
              aria-label={t('report.figure.moveUpLabel', { title: spec.title })}
              disabled={isFirst}
              onClick={() => onMove(id, -1)}
            >
              {t('report.figure.moveUp')}
            </button>
            <button
              type="button"
              id={itemDomId(id, 'down')}
              className="button button--secondary"
              aria-label={t('report.figure.moveDownLabel', { title: spec.title })}
              disabled={isLast}
              onClick={() => onMove(id, 1)}
            >
              {t('report.figure.moveDown')}
            </button>
            <button
              type="button"
              className="button button--secondary report-item__remove"
              aria-label={t('report.figure.removeLabel', { title: spec.title })}
              onClick={() => onRemove(id)}
            >
              {t('report.figure.remove')}
            </button>
          </div>
        </div>
        {image}
        <div className="report-note">
          <label htmlFor={itemDomId(id, 'note')}>{t('report.note.label', { number })}</label>
          <textarea
            id={itemDomId(id, 'note')}
            value={note}
            maxLength={MAX_NOTE_LENGTH}
            rows={3}
            aria-describedby={itemDomId(id, 'note-hint')}
            onChange={(event) => setReportNote(id, event.target.value)}
          />
          <p id={itemDomId(id, 'note-hint')} className="report-note__hint">
            {t('report.note.hint', {
              max: MAX_NOTE_LENGTH.toLocaleString(LANGUAGE_TAGS[currentLocale()]),
            })}
          </p>
        </div>
        {/* Paper gets the note as text; an empty note prints nothing. */}
        {note.trim() !== '' ? <figcaption className="report-note-print">{note}</figcaption> : null}
      </figure>
    </li>
  )
})

/** A layout bug in one figure should not take the whole report down with it. */
function drawFigure(spec: ReportItem['spec']): { layout: FigureLayout } | { error: string } {
  try {
    return { layout: renderFigure(spec, 'document') }
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
}
