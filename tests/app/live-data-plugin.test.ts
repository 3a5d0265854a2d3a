// @vitest-environment node
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LiveDataStatus } from '../../src/app/live-data-messages'
import {
  apiFileOf,
  createRebuildScheduler,
  isPipelineInput,
  liveDataPaths,
  pipelineArguments,
  resultOf,
  type PipelineOutcome,
  type RebuildSchedulerOptions,
} from '../../src/app/live-data-plugin'

const AT = new Date('2026-11-24T06:03:27.000Z')
const GOOD: PipelineOutcome = {
  ok: true,
  stderr: 'wrote /srv/app/public/api: 3 articles, 12 figures, 10 milestones\n',
}
const BAD: PipelineOutcome = {
  ok: false,
  stderr: [
    'data/articles/2024-11-05-jingan.txt:1: no date: the first line must start with "date YYYY-MM-DD", found "Jing\'an"',
    'data/corrections.json:7: no sentence of "2023-11-27-jingan" contains "signed 30 projects"',
    '1 of 3 article files cannot be read; nothing was written. Fix them, or run with --lenient to skip them.',
    '',
  ].join('\n'),
}

/** A pipeline whose runs finish when the test says so, recording each run it was asked for. */
function fakePipeline() {
  const runs: Array<{ finish: (outcome: PipelineOutcome) => void; signal: AbortSignal }> = []
  const run = (signal: AbortSignal) =>
    new Promise<PipelineOutcome>((finish) => runs.push({ finish, signal }))
  return { runs, run }
}

function scheduler(overrides: Partial<RebuildSchedulerOptions> = {}) {
  const pipeline = fakePipeline()
  const published: Array<LiveDataStatus> = []
  const scheduler = createRebuildScheduler({
    run: pipeline.run,
    publish: (status) => published.push(status),
    debounceMs: 300,
    maxWaitMs: 3000,
    now: () => new Date(Date.now()),
    ...overrides,
  })
  return { scheduler, runs: pipeline.runs, published }
}

/** Lets the scheduler's promise callbacks run. */
const settle = () => vi.advanceTimersByTimeAsync(0)

beforeEach(() => {
  vi.useFakeTimers({ now: AT })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the rebuild scheduler', () => {
  it('runs once after a burst of changes has been quiet for the debounce time', async () => {
    const { scheduler: live, runs } = scheduler()
    for (let i = 0; i < 5; i++) {
      live.changed()
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(runs).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(199)
    expect(runs).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(runs).toHaveLength(1)
  })

  it('runs during a burst that never pauses, once the longest wait has passed', async () => {
    const { scheduler: live, runs } = scheduler()
    for (let elapsed = 0; elapsed < 3000; elapsed += 100) {
      live.changed()
      await vi.advanceTimersByTimeAsync(100)
    }
    expect(runs).toHaveLength(1)
  })

  it('runs one at a time and queues one more run for changes made during a run', async () => {
    const { scheduler: live, runs, published } = scheduler()
    live.rebuildNow()
    expect(runs).toHaveLength(1)
    live.changed()
    await vi.advanceTimersByTimeAsync(300)
    live.changed()
    await vi.advanceTimersByTimeAsync(300)
    expect(runs).toHaveLength(1)

    runs[0]?.finish(BAD)
    await settle()
    // The first run's result is already out of date: not shown, the next run starts at once.
    expect(runs).toHaveLength(2)
    expect(published.every((status) => status.result === null)).toBe(true)
    expect(live.status()).toEqual({ running: true, result: null })

    runs[1]?.finish(GOOD)
    await settle()
    expect(runs).toHaveLength(2)
    expect(live.status()).toMatchObject({ running: false, result: { ok: true, run: 2 } })
  })

  it('does not show a result when more changes are waiting for their run', async () => {
    const { scheduler: live, runs, published } = scheduler()
    live.rebuildNow()
    live.changed()
    runs[0]?.finish(BAD)
    await settle()
    expect(published.at(-1)).toEqual({ running: true, result: null })
    await vi.advanceTimersByTimeAsync(300)
    expect(runs).toHaveLength(2)
  })

  it('tells the pages when a run starts and how it went', async () => {
    const { scheduler: live, runs, published } = scheduler()
    live.rebuildNow()
    expect(published).toEqual([{ running: true, result: null }])
    runs[0]?.finish(GOOD)
    await settle()
    expect(published.at(-1)).toEqual({
      running: false,
      result: {
        run: 1,
        ok: true,
        at: AT.toISOString(),
        summary: '3 articles, 12 figures',
      },
    })

    live.changed()
    await vi.advanceTimersByTimeAsync(300)
    // While the next run is under way, the pages keep the last result.
    expect(published.at(-1)).toMatchObject({ running: true, result: { run: 1, ok: true } })
    runs[1]?.finish(BAD)
    await settle()
    expect(published.at(-1)).toMatchObject({
      running: false,
      result: {
        run: 2,
        ok: false,
        problems: [
          'data/articles/2024-11-05-jingan.txt:1: no date: the first line must start with "date YYYY-MM-DD", found "Jing\'an"',
          'data/corrections.json:7: no sentence of "2023-11-27-jingan" contains "signed 30 projects"',
        ],
      },
    })
  })

  it('reports a runner that throws as a failed run', async () => {
    const { scheduler: live, published } = scheduler({
      run: () => Promise.reject(new Error('spawn ENOENT')),
    })
    live.rebuildNow()
    await settle()
    expect(published.at(-1)).toMatchObject({
      running: false,
      result: { ok: false, problems: ['spawn ENOENT'] },
    })
  })

  it('settles once no run is under way or due', async () => {
    const { scheduler: live, runs } = scheduler()
    const settled = vi.fn()
    live.rebuildNow()
    void live.settled().then(settled)
    live.changed()
    runs[0]?.finish(GOOD)
    await vi.advanceTimersByTimeAsync(300)
    expect(settled).not.toHaveBeenCalled()
    runs[1]?.finish(GOOD)
    await settle()
    expect(settled).toHaveBeenCalledOnce()
  })

  it('stops the run under way and runs nothing more once disposed', async () => {
    const { scheduler: live, runs } = scheduler()
    live.rebuildNow()
    live.changed()
    live.dispose()
    expect(runs[0]?.signal.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(5000)
    live.changed()
    live.rebuildNow()
    await vi.advanceTimersByTimeAsync(5000)
    expect(runs).toHaveLength(1)
    await expect(live.settled()).resolves.toBeUndefined()
  })
})

describe('resultOf', () => {
  it('keeps every located line of a failed run and leaves out the advice to use --lenient', () => {
    const result = resultOf(4, BAD, AT)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toHaveLength(2)
    expect(result.problems.join('\n')).not.toContain('--lenient')
  })

  it('shows what the pipeline printed when no line names a file', () => {
    const result = resultOf(1, { ok: false, stderr: 'no .txt articles in "data/articles"\n' }, AT)
    expect(result).toMatchObject({ ok: false, problems: ['no .txt articles in "data/articles"'] })
  })

  it('lists at most 30 problems and says how many more there are', () => {
    const stderr = Array.from({ length: 45 }, (_, i) => `data/articles/a${i}.txt:1: empty`).join(
      '\n',
    )
    const result = resultOf(1, { ok: false, stderr }, AT)
    if (result.ok) throw new Error('expected a failed result')
    expect(result.problems).toHaveLength(31)
    expect(result.problems.at(-1)).toBe('…and 15 more (see the terminal)')
  })

  it('has no summary when the pipeline did not print one', () => {
    expect(resultOf(1, { ok: true, stderr: '' }, AT)).toMatchObject({ ok: true, summary: null })
  })
})

describe('the watched paths', () => {
  const root = resolve('/srv/app')

  it('defaults to data/articles, the corrections file beside it and public/api', () => {
    const paths = liveDataPaths(root, {}, {})
    expect(paths).toEqual({
      articles: join(root, 'data/articles'),
      corrections: join(root, 'data/corrections.json'),
      correctionsAskedFor: false,
      out: join(root, 'public/api'),
      reference: join(root, 'data'),
    })
    expect(pipelineArguments(paths)).toEqual([
      '--articles',
      join(root, 'data/articles'),
      '--out',
      join(root, 'public/api'),
    ])
  })

  it('takes the folders from the environment, and options before the environment', () => {
    const env = {
      CIIE_ARTICLES: '/tmp/copy/articles',
      CIIE_CORRECTIONS: 'review/corrections.json',
      CIIE_API_OUT: '/tmp/copy/api',
    }
    const paths = liveDataPaths(root, {}, env)
    expect(paths.articles).toBe(resolve('/tmp/copy/articles'))
    expect(paths.corrections).toBe(join(root, 'review/corrections.json'))
    expect(pipelineArguments(paths)).toContain('--corrections')
    expect(liveDataPaths(root, { out: 'elsewhere' }, env).out).toBe(join(root, 'elsewhere'))
    // Without a corrections file named, it is the one beside the articles, as for the CLI.
    expect(liveDataPaths(root, {}, { CIIE_ARTICLES: '/tmp/copy/articles' }).corrections).toBe(
      resolve('/tmp/copy/corrections.json'),
    )
  })

  it.each([
    ['data/articles/2024-11-05-jingan.txt', true],
    ['data/articles/NEW.TXT', true],
    ['data/articles/notes.md', false],
    ['data/articles/old/2019-11-05-jingan.txt', false],
    ['data/corrections.json', true],
    ['data/districts.json', true],
    ['public/api/summary.json', false],
    ['src/app/start.tsx', false],
  ])('counts a change to %s as a pipeline input: %s', (file, expected) => {
    expect(isPipelineInput(liveDataPaths(root, {}, {}), join(root, file))).toBe(expected)
  })

  it('serves only files inside the API folder', () => {
    const out = join(root, 'public/api')
    expect(apiFileOf(out, '/summary.json?t=1')).toBe(join(out, 'summary.json'))
    expect(apiFileOf(out, '/districts/jingan.json')).toBe(join(out, 'districts/jingan.json'))
    expect(apiFileOf(out, '/../../package.json')).toBeNull()
    expect(apiFileOf(out, '/%2e%2e/package.json')).toBeNull()
    expect(apiFileOf(out, '/%E0%A4%A.json')).toBeNull()
    expect(apiFileOf(out, '/')).toBeNull()
  })
})
