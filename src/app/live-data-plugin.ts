import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { dirname, extname, join, resolve, sep } from 'node:path'
import type { Connect, Plugin } from 'vite'
import {
  LIVE_DATA_EVENT,
  LIVE_DATA_STATUS_REQUEST,
  type LiveDataResult,
  type LiveDataStatus,
} from './live-data-messages.js'

/**
 * The dev server's live data (`npm start`): it builds the API files from the articles when it
 * starts, watches the articles, the corrections file and the reference files, runs the pipeline
 * CLI again after each change, and tells the open pages (src/app/live-data.tsx), which refetch
 * their data or show why the run failed. The built app has none of this.
 */

export interface LiveDataOptions {
  /** Folder of article .txt files; env CIIE_ARTICLES, default data/articles. */
  articles?: string
  /** Corrections file; env CIIE_CORRECTIONS, default corrections.json beside the articles folder. */
  corrections?: string
  /** Folder the API files are written to and served from; env CIIE_API_OUT, default public/api. */
  out?: string
  /** How long the files must stay unchanged before a run starts. */
  debounceMs?: number
}

export interface LiveDataPaths {
  articles: string
  /** The file watched; passed to the CLI only when asked for (the CLI then requires it). */
  corrections: string
  correctionsAskedFor: boolean
  out: string
  /** data/: the reference files (districts, editions, metrics) the pipeline imports. */
  reference: string
}

/** The folders and files of one dev server, absolute: options first, then env, then defaults. */
export function liveDataPaths(
  root: string,
  options: LiveDataOptions,
  env: Readonly<Record<string, string | undefined>>,
): LiveDataPaths {
  const articles = resolve(root, options.articles ?? (env.CIIE_ARTICLES || 'data/articles'))
  const askedFor = options.corrections ?? (env.CIIE_CORRECTIONS || undefined)
  return {
    articles,
    corrections:
      askedFor === undefined
        ? join(dirname(articles), 'corrections.json')
        : resolve(root, askedFor),
    correctionsAskedFor: askedFor !== undefined,
    out: resolve(root, options.out ?? (env.CIIE_API_OUT || 'public/api')),
    reference: resolve(root, 'data'),
  }
}

/** The CLI's arguments for these paths. */
export function pipelineArguments(paths: LiveDataPaths): Array<string> {
  return [
    '--articles',
    paths.articles,
    '--out',
    paths.out,
    ...(paths.correctionsAskedFor ? ['--corrections', paths.corrections] : []),
  ]
}

/** Whether a change to `file` (absolute) can change what the pipeline writes. */
export function isPipelineInput(paths: LiveDataPaths, file: string): boolean {
  if (dirname(file) === paths.articles) return file.toLowerCase().endsWith('.txt')
  if (file === paths.corrections) return true
  return dirname(file) === paths.reference && file.endsWith('.json')
}

/** One finished pipeline run: whether it wrote the files, and what it printed on stderr. */
export interface PipelineOutcome {
  ok: boolean
  stderr: string
}

export type RunPipeline = (signal: AbortSignal) => Promise<PipelineOutcome>

/** A line the CLI prints for a bad input: `data/articles/x.txt:3: cause`. */
const LOCATED_LINE = /^\S.*?:\d+: \S/
/** The CLI's last line on success: `wrote /…/public/api: 3 articles, 12 figures, 10 milestones`. */
const WROTE_LINE = /^wrote .*: (\d+ articles?, \d+ figures?)\b/
const MAX_PROBLEMS_SHOWN = 30

/** Turns a run's outcome into what the pages show. */
export function resultOf(run: number, outcome: PipelineOutcome, at: Date): LiveDataResult {
  const lines = outcome.stderr
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.length > 0)
  if (outcome.ok) {
    const summary = lines.map((line) => WROTE_LINE.exec(line)?.[1]).findLast(Boolean) ?? null
    return { run, ok: true, at: at.toISOString(), summary }
  }
  // The located lines say what to fix; the CLI's closing advice (--lenient) is not for this view.
  const located = lines.filter((line) => LOCATED_LINE.test(line))
  const shown = located.length > 0 ? located : lines
  const problems =
    shown.length > MAX_PROBLEMS_SHOWN
      ? [
          ...shown.slice(0, MAX_PROBLEMS_SHOWN),
          `…and ${shown.length - MAX_PROBLEMS_SHOWN} more (see the terminal)`,
        ]
      : shown
  return {
    run,
    ok: false,
    at: at.toISOString(),
    problems: problems.length > 0 ? problems : ['The pipeline stopped without saying why.'],
  }
}

export interface RebuildScheduler {
  /** A watched file changed: run once the burst of changes is over. */
  changed(): void
  /** Run now (or right after the run under way): at start-up. */
  rebuildNow(): void
  status(): LiveDataStatus
  /** Resolves once no run is under way or due. */
  settled(): Promise<void>
  /** Stops the run under way and everything due. */
  dispose(): void
}

export interface RebuildSchedulerOptions {
  run: RunPipeline
  /** Called when a run starts and when one finishes with a result worth showing. */
  publish: (status: LiveDataStatus) => void
  debounceMs?: number
  /** A burst that never pauses (a long copy) still gets a run after this long. */
  maxWaitMs?: number
  now?: () => Date
}

/**
 * One run at a time. Changes are gathered until the files have been quiet for `debounceMs` (an
 * editor's save is several events; a copied folder, many); changes during a run queue one more
 * run. A result that is out of date before it is known (another run is due) is not shown, so a
 * half-copied folder does not flash an error.
 */
export function createRebuildScheduler(options: RebuildSchedulerOptions): RebuildScheduler {
  const { run, publish, debounceMs = 300, maxWaitMs = 3000, now = () => new Date() } = options
  const stop = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  let burstStarted: number | null = null
  let running = false
  let queued = false
  let runs = 0
  let result: LiveDataResult | null = null
  let waiters: Array<() => void> = []

  const status = (): LiveDataStatus => ({ running, result })
  const due = () => queued || timer !== undefined
  const wakeWaiters = () => {
    if (running || due()) return
    const waiting = waiters
    waiters = []
    for (const wake of waiting) wake()
  }

  const start = () => {
    if (stop.signal.aborted) return
    if (running) {
      queued = true
      return
    }
    running = true
    runs += 1
    const number = runs
    publish(status())
    run(stop.signal)
      .catch((error: unknown) => ({
        ok: false,
        stderr: error instanceof Error ? error.message : String(error),
      }))
      .then((outcome) => finish(number, outcome))
  }

  const finish = (number: number, outcome: PipelineOutcome) => {
    running = false
    if (stop.signal.aborted) return
    if (queued) {
      queued = false
      start()
      return
    }
    if (timer !== undefined) return
    result = resultOf(number, outcome, now())
    publish(status())
    wakeWaiters()
  }

  const quiet = () => {
    timer = undefined
    burstStarted = null
    start()
  }

  return {
    changed() {
      if (stop.signal.aborted) return
      const time = now().getTime()
      burstStarted ??= time
      clearTimeout(timer)
      timer = setTimeout(quiet, Math.max(0, Math.min(debounceMs, burstStarted + maxWaitMs - time)))
    },
    rebuildNow() {
      clearTimeout(timer)
      quiet()
    },
    status,
    settled() {
      if (!running && !due()) return Promise.resolve()
      return new Promise((wake) => waiters.push(wake))
    },
    dispose() {
      clearTimeout(timer)
      timer = undefined
      queued = false
      stop.abort()
      running = false
      wakeWaiters()
    },
  }
}

/** Enough of the CLI's stderr for every located line of a bad corpus; the rest is cut. */
const MAX_STDERR_CHARS = 256 * 1024

/**
 * Runs the pipeline CLI (src/pipeline/cli.ts) in a child process through tsx, like `npm run
 * data`, so a run never blocks the dev server and always reads the files afresh.
 */
export function pipelineRunner(root: string, args: ReadonlyArray<string>): RunPipeline {
  const tsx = join(root, 'node_modules/tsx/dist/cli.mjs')
  const cli = join(root, 'src/pipeline/cli.ts')
  return (signal) =>
    new Promise((done) => {
      let stderr = ''
      const child = spawn(process.execPath, [tsx, cli, ...args], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        signal,
      })
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (chunk: string) => {
        if (stderr.length < MAX_STDERR_CHARS) stderr += chunk
      })
      child.on('error', (error) =>
        done({ ok: false, stderr: `${stderr}\nThe pipeline could not run: ${error.message}` }),
      )
      child.on('close', (code, killedBy) =>
        done({
          ok: code === 0,
          stderr:
            code === 0 || stderr.trim() !== ''
              ? stderr
              : `The pipeline stopped (${killedBy ?? `exit code ${code}`}) without a message.`,
        }),
      )
    })
}

/** The file under `out` an API URL (already stripped of its mount path) names, or null. */
export function apiFileOf(out: string, url: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(url.split(/[?#]/)[0] ?? '')
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const file = resolve(out, `.${pathname.startsWith('/') ? '' : '/'}${pathname}`)
  return file.startsWith(out + sep) ? file : null
}

async function readIfFile(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null
    throw error
  }
}

const waitAtMost = (ms: number, promise: Promise<void>) =>
  Promise.race([promise, new Promise<void>((wake) => setTimeout(wake, ms).unref())])

/** A run that takes longer than this is not waited for: the request gets what is on disk. */
const MAX_WAIT_FOR_RUN_MS = 60_000

/**
 * Serves the API files from the out folder, read from disk on each request. Vite serves public/
 * only from a file list its watcher keeps, so after the CLI's folder swap it would depend on the
 * watcher catching up; nor could it serve an out folder elsewhere (CIIE_API_OUT). Requests wait
 * for the first run, and one that finds nothing while a run is under way (between the swap's two
 * renames) waits for the run and looks again.
 */
function serveApi(out: string, scheduler: RebuildScheduler): Connect.NextHandleFunction {
  return (request, response, next) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next()
    const respond = async () => {
      if (scheduler.status().result === null)
        await waitAtMost(MAX_WAIT_FOR_RUN_MS, scheduler.settled())
      const file = apiFileOf(out, request.url ?? '/')
      let body = file === null ? null : await readIfFile(file)
      if (file !== null && body === null && scheduler.status().running) {
        await waitAtMost(MAX_WAIT_FOR_RUN_MS, scheduler.settled())
        body = await readIfFile(file)
      }
      response.setHeader('Cache-Control', 'no-store')
      if (file === null || body === null) {
        response.statusCode = 404
        response.end()
        return
      }
      response.setHeader(
        'Content-Type',
        extname(file) === '.json' ? 'application/json; charset=utf-8' : 'application/octet-stream',
      )
      response.setHeader('Content-Length', body.length)
      response.end(request.method === 'HEAD' ? undefined : body)
    }
    respond().catch(next)
  }
}

/** Where the app reads the API (VITE_API_BASE, default /api); null when it is on another host. */
function apiMountPath(base: unknown): string | null {
  if (typeof base !== 'string' || base === '') return '/api'
  return base.startsWith('/') && !base.startsWith('//') ? base.replace(/\/+$/, '') : null
}

/** Files under the out folder, and the CLI's staging and previous folders beside it. */
const isUnder = (out: string) => (path: string) => {
  const file = resolve(path)
  return (
    file === out ||
    file.startsWith(out + sep) ||
    file.startsWith(`${out}.staging-`) ||
    file.startsWith(`${out}.previous-`)
  )
}

/** The dev server plugin; `vite build` and `vite preview` do not use it. */
export function liveData(options: LiveDataOptions = {}): Plugin {
  return {
    name: 'ciie:live-data',
    apply: 'serve',
    config(config) {
      const out = liveDataPaths(resolve(config.root ?? '.'), options, process.env).out
      // The pipeline rewrites every API file on each run: Vite need not watch them (this plugin
      // serves them), and thousands of events per run would keep it busy.
      return { server: { watch: { ignored: [isUnder(out)] } } }
    },
    configureServer(server) {
      const { root, logger } = server.config
      const paths = liveDataPaths(root, options, process.env)
      const scheduler = createRebuildScheduler({
        run: pipelineRunner(root, pipelineArguments(paths)),
        debounceMs: options.debounceMs,
        publish(status) {
          server.ws.send(LIVE_DATA_EVENT, status)
          const result = status.running ? null : status.result
          if (result?.ok)
            logger.info(`data rebuilt from the articles: ${result.summary ?? 'done'}`, {
              timestamp: true,
            })
          else if (result)
            logger.error(
              `data not rebuilt (the dashboard keeps the last good data):\n  ${result.problems.join('\n  ')}`,
              { timestamp: true },
            )
        },
      })
      server.ws.on(LIVE_DATA_STATUS_REQUEST, (_data, client) =>
        client.send(LIVE_DATA_EVENT, scheduler.status()),
      )
      server.watcher.add([paths.articles, dirname(paths.corrections), paths.reference])
      server.watcher.on('all', (event, file) => {
        if (event !== 'add' && event !== 'change' && event !== 'unlink') return
        if (isPipelineInput(paths, resolve(root, file))) scheduler.changed()
      })
      const mount = apiMountPath(server.config.env.VITE_API_BASE)
      if (mount !== null) server.middlewares.use(mount, serveApi(paths.out, scheduler))
      server.httpServer?.once('close', () => scheduler.dispose())
      logger.info(`live data: watching ${paths.articles}; API files in ${paths.out}`)
      scheduler.rebuildNow()
    },
  }
}
