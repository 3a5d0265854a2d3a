import { QueryClient } from '@tanstack/react-query'
import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  LIVE_DATA_EVENT,
  LIVE_DATA_STATUS_REQUEST,
  type LiveDataStatus,
} from '../../src/app/live-data-messages'
import { followLiveData, type LiveDataChannel } from '../../src/app/live-data'
import { activateLocale } from '../../src/i18n/i18n'

/** Stands in for `import.meta.hot`: the test plays the dev server. */
function fakeChannel() {
  const listeners = new Map<string, (data: unknown) => void>()
  const sent: Array<string> = []
  const channel: LiveDataChannel = {
    on: (event, listener) => listeners.set(event, listener),
    send: (event) => sent.push(event),
  }
  const receive = (data: unknown) =>
    act(async () => {
      listeners.get(LIVE_DATA_EVENT)?.(data)
    })
  return { channel, sent, receive }
}

const later = (seconds: number) => new Date(performance.timeOrigin + seconds * 1000).toISOString()

const good = (run: number, at: string): LiveDataStatus => ({
  running: false,
  result: { run, ok: true, at, summary: '3 articles, 12 figures' },
})
const bad = (run: number, at: string): LiveDataStatus => ({
  running: false,
  result: {
    run,
    ok: false,
    at,
    problems: ['data/articles/2024-11-05-jingan.txt:3: paragraph over 20,000 characters'],
  },
})

function follow() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const invalidate = vi.spyOn(queryClient, 'invalidateQueries')
  const server = fakeChannel()
  act(() => followLiveData(queryClient, server.channel))
  return { ...server, invalidate }
}

afterEach(() => {
  for (const container of document.querySelectorAll('.live-data')) container.remove()
})

describe('live data in the page (dev server)', () => {
  it('asks for the status, and does not refetch for a run older than the page', async () => {
    const { sent, receive, invalidate } = follow()
    expect(sent).toEqual([LIVE_DATA_STATUS_REQUEST])
    await receive(good(1, new Date(performance.timeOrigin - 60_000).toISOString()))
    expect(invalidate).not.toHaveBeenCalled()
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('refetches every API query after a good run and says when the data was updated', async () => {
    const { receive, invalidate } = follow()
    await receive(good(1, new Date(performance.timeOrigin - 60_000).toISOString()))
    await receive({ running: true, result: good(1, later(0)).result })
    expect(screen.getByRole('status')).toHaveTextContent('Reading the changed files…')

    await receive(good(2, '2026-11-24T06:03:27.000Z'))
    expect(invalidate).toHaveBeenCalledExactlyOnceWith({ queryKey: ['api'] })
    expect(screen.getByRole('status')).toHaveTextContent(
      /^Updated from the articles at \d\d:\d\d:\d\d \(3 articles, 12 figures\)\.$/,
    )
    // The same run again (a second answer to the status request) is not news.
    await receive(good(2, '2026-11-24T06:03:27.000Z'))
    expect(invalidate).toHaveBeenCalledOnce()
  })

  it('shows what to fix after a failed run until a run succeeds', async () => {
    const { receive, invalidate } = follow()
    await receive(bad(1, later(1)))
    const banner = screen.getByRole('alert', { name: 'The dashboard could not be updated' })
    expect(banner).toHaveTextContent('It still shows the last good data. Fix:')
    expect(within(banner).getByRole('listitem')).toHaveTextContent(
      'data/articles/2024-11-05-jingan.txt:3: paragraph over 20,000 characters',
    )
    expect(invalidate).not.toHaveBeenCalled()

    // A run under way does not take the banner away; only a good run does.
    await receive({ running: true, result: bad(1, later(1)).result })
    expect(screen.getByRole('alert')).toBeInTheDocument()
    await receive(good(2, later(2)))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    expect(invalidate).toHaveBeenCalledOnce()
  })

  it('speaks Chinese when the page does, keeping the pipeline’s own words', async () => {
    activateLocale('zh')
    const { receive } = follow()
    await receive(bad(1, later(1)))
    const banner = screen.getByRole('alert', { name: '看板未能更新' })
    expect(banner).toHaveTextContent('页面仍显示上次的有效数据。请修正：')
    expect(within(banner).getByRole('listitem')).toHaveTextContent(
      'data/articles/2024-11-05-jingan.txt:3: paragraph over 20,000 characters',
    )
    await receive(good(2, later(2)))
    expect(screen.getByRole('status')).toHaveTextContent(
      /^已于\d\d:\d\d:\d\d根据文章更新（3 articles, 12 figures）。$/,
    )
  })

  it('ignores messages of another shape', async () => {
    const { receive, invalidate } = follow()
    await receive({ running: 'yes', result: { ok: true } })
    await receive('<script>')
    expect(invalidate).not.toHaveBeenCalled()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
