import type { QueryClient } from '@tanstack/react-query'
import { createRoot } from 'react-dom/client'
import * as v from 'valibot'
import { currentLocale, t } from '../i18n/i18n'
import { LANGUAGE_TAGS } from '../i18n/locale'
import { apiKeys } from '../queries/keys'
import {
  LIVE_DATA_EVENT,
  LIVE_DATA_STATUS_REQUEST,
  LiveDataStatusSchema,
  type LiveDataStatus,
} from './live-data-messages'
import './live-data.css'

/**
 * Dev server only (`npm start`, loaded by start.tsx under `import.meta.hot`): when the live-data
 * plugin (live-data-plugin.ts) has rebuilt the API files from the articles, the open page reads
 * its data again, keeping its place and state, and says so; when a run failed, a banner says what
 * to fix until a run succeeds.
 */

/** What this needs of Vite's `import.meta.hot`. */
export interface LiveDataChannel {
  on(event: string, listener: (data: unknown) => void): void
  send(event: string): void
}

/** How long "Updated from the articles at …" stays on screen. */
const UPDATED_NOTICE_MS = 8000

/** "14:05:09", on the reader's clock. */
function formatTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale() === 'zh' ? LANGUAGE_TAGS.zh : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(new Date(iso))
}

export interface LiveDataViewProps {
  running: boolean
  /** "Updated from the articles at …", while it is shown. */
  updated: { at: string; summary: string | null } | null
  /** The last run failed: what the pipeline said, and when. */
  failed: { at: string; problems: ReadonlyArray<string> } | null
}

export function LiveDataView({ running, updated, failed }: LiveDataViewProps) {
  const notice = running
    ? t('app.live.reading')
    : updated
      ? updated.summary
        ? t('app.live.updatedWithSummary', {
            time: formatTime(updated.at),
            summary: updated.summary,
          })
        : t('app.live.updated', { time: formatTime(updated.at) })
      : null
  return (
    <>
      {failed ? (
        <section className="live-data-banner" role="alert" aria-label={t('app.live.failedLabel')}>
          <div className="live-data-banner__inner">
            <p className="live-data-banner__title">
              <strong>{t('app.live.failedTitle')}</strong> {t('app.live.failedFix')}
            </p>
            <ul className="live-data-banner__problems">
              {failed.problems.map((problem, index) => (
                <li key={index}>
                  <code>{problem}</code>
                </li>
              ))}
            </ul>
            <p className="live-data-banner__hint">
              {t('app.live.checkedAt', { time: formatTime(failed.at) })}
            </p>
          </div>
        </section>
      ) : null}
      {/* Always in the page, so screen readers announce what appears in it. */}
      <div className="live-data-status" role="status">
        {notice ? <p className="live-data-notice">{notice}</p> : null}
      </div>
    </>
  )
}

/**
 * Follows the plugin's messages on `channel`: refetches every API query after a good run and
 * shows the notices in a root of their own, before the app's (`document.body` by default).
 */
export function followLiveData(
  queryClient: QueryClient,
  channel: LiveDataChannel,
  parent: HTMLElement = document.body,
): void {
  const container = document.createElement('div')
  container.className = 'live-data'
  parent.prepend(container)
  const root = createRoot(container)
  let view: LiveDataViewProps = { running: false, updated: null, failed: null }
  let lastRun: number | null = null
  let hideUpdated: ReturnType<typeof setTimeout> | undefined
  const show = (next: Partial<LiveDataViewProps>) => {
    view = { ...view, ...next }
    root.render(<LiveDataView {...view} />)
  }

  const receive = async (status: LiveDataStatus) => {
    const { result } = status
    const first = lastRun === null
    const fresh = result !== null && result.run !== lastRun
    if (result) lastRun = result.run
    if (result && !result.ok) {
      clearTimeout(hideUpdated)
      show({ running: status.running, failed: result, updated: null })
      return
    }
    show({ running: status.running, failed: null })
    if (!fresh) return
    // The first status may be older than the page (no news) or newer than the data it read.
    if (first && Date.parse(result.at) < performance.timeOrigin) return
    await queryClient.invalidateQueries({ queryKey: apiKeys.all })
    // Another run finished while the data was read again: its message speaks now.
    if (first || lastRun !== result.run) return
    clearTimeout(hideUpdated)
    show({ updated: { at: result.at, summary: result.summary } })
    hideUpdated = setTimeout(() => show({ updated: null }), UPDATED_NOTICE_MS)
  }

  channel.on(LIVE_DATA_EVENT, (data) => {
    const status = v.safeParse(LiveDataStatusSchema, data)
    if (status.success) void receive(status.output)
  })
  channel.send(LIVE_DATA_STATUS_REQUEST)
}
