/**
 * `npm run bench`: runs the pipeline CLI end to end on synthetic corpora of three sizes and
 * prints one table against the throughput budget.
 *
 * A benchmark reports; it does not gate. The exit code is 0 whatever the numbers say, and 1 only
 * when the CLI crashed (or is missing), because then there is nothing to report.
 *
 * Units: MB is 10^6 bytes of article text; peak RSS is the CLI's own maxRssKb / 1024.
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'
import {
  apiFileRows,
  javascriptRows,
  largeCorpusRows,
  launch,
  lighthouseRows,
  printRows,
  servePreview,
  timeBuild,
  type BenchRow,
} from './app-bench'
import { EXPORT_BUDGET_MS, benchExport, describeExportBench } from './export-bench'
import { generateCorpus, utf8Length, type CorpusFile } from './generate-corpus'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const RESULTS_DIR = join(ROOT, 'bench-results')
const LARGE_API_DIR = join(RESULTS_DIR, 'api-largest')
const CLI = 'src/pipeline/cli.ts'
const SEED = 1
// 1,000 articles are about 2.3 MB, 10,000 about 23 MB.
const SIZES = [
  { articles: 1_000, runs: 3 },
  // One run: at 10,000 articles start-up noise is small next to the work, and the run is slow.
  { articles: 10_000, runs: 1 },
] as const
/** The paths whose JavaScript and Lighthouse scores are measured. */
const ROUTES = [
  '/',
  '/districts/jingan',
  '/compare?districts=jingan,qingpu',
  '/metrics/partners',
  '/articles/2023-11-27-jingan',
  '/sources',
  '/report',
]
const LIGHTHOUSE_ROUTES = ['/', '/districts/jingan', '/compare?districts=jingan,qingpu']
const BUDGET_MB_PER_S = 5
// Throughput at 16× may fall to half of 1× before we call the pipeline non-linear.
const LINEARITY_FLOOR = 0.5
const MB = 1e6
const RUN_TIMEOUT_MS = 300_000
// Repeats (never first runs) are skipped past this point, to keep the bench near 3 minutes.
const REPEAT_DEADLINE_MS = 120_000
const STDERR_TAIL_CHARS = 64 * 1024

/** The line the CLI prints to stderr with --stats: the contract this bench reads. */
const StatsSchema = v.object({
  articles: v.number(),
  bytes: v.number(),
  ms: v.number(),
  maxRssKb: v.number(),
})
type Stats = v.InferOutput<typeof StatsSchema>

type RunOutcome =
  | { kind: 'ok'; wallMs: number; stats: Stats | undefined }
  | { kind: 'crash' | 'timeout'; wallMs: number; detail: string }

interface SizeResult {
  label: string
  articles: number
  bytes: number
  runs: Array<RunOutcome>
}

interface Row {
  label: string
  articles: number
  mb: number
  wallS: number | undefined
  mbPerS: number | undefined
  articlesPerS: number | undefined
  peakRssMb: number | undefined
  // The CLI printed no stats line: throughput falls back to wall-clock time, start-up included.
  fromWallClock: boolean
  verdict: 'PASS' | 'FAIL' | 'CRASH' | 'TIMEOUT'
  notes: Array<string>
}

async function main(): Promise<void> {
  const startedAt = performance.now()
  const largest = Math.max(...SIZES.map((size) => size.articles))
  // Each article depends only on (seed, index), so the smaller corpora are prefixes of this one.
  const all = generateCorpus({ articles: largest, seed: SEED })
  const corpora: Array<{ dir: string; runs: number; result: SizeResult }> = []
  for (const size of SIZES) {
    const files = all.slice(0, size.articles)
    const dir = join(RESULTS_DIR, `corpus-${size.articles}`)
    const bytes = await writeCorpus(dir, files)
    const result = {
      label: size.articles.toLocaleString('en'),
      articles: files.length,
      bytes,
      runs: [],
    }
    corpora.push({ dir, runs: size.runs, result })
  }
  const sizes = corpora.map(({ result }) => `${result.label} ${(result.bytes / MB).toFixed(2)} MB`)
  console.error(`bench: corpora written to bench-results/ (${sizes.join(', ')})`)
  if (!existsSync(join(ROOT, CLI))) {
    console.error(`bench: ${CLI} does not exist yet; nothing to measure.`)
    process.exitCode = 1
    return
  }
  const results: Array<SizeResult> = []
  for (const { dir, runs, result } of corpora) {
    const { label } = result
    results.push(result)
    for (let run = 1; run <= runs; run++) {
      if (run > 1 && performance.now() - startedAt > REPEAT_DEADLINE_MS) break
      // The largest corpus's API files stay for the app's measures below.
      const keep = result.articles === largest && run === 1 ? LARGE_API_DIR : undefined
      const outcome = await runPipeline(dir, keep)
      result.runs.push(outcome)
      console.error(`bench: ${label} run ${run}/${runs}: ${describeOutcome(outcome)}`)
      if (outcome.kind !== 'ok') break
    }
  }
  const rows = results.map(toRow)
  printTable(rows)
  await writeFile(
    join(RESULTS_DIR, 'latest.json'),
    `${JSON.stringify({ seed: SEED, budgetMbPerS: BUDGET_MB_PER_S, rows, results }, null, 2)}\n`,
  )
  printRows('The app, built and served locally, in headless Chromium', await appRows())
  console.log(
    `corpora in bench-results/corpus-*; ${((performance.now() - startedAt) / 1000).toFixed(0)} s in all`,
  )
  if (results.some((result) => result.runs.some((run) => run.kind === 'crash'))) {
    process.exitCode = 1
  }
}

/** Writes a corpus into a fresh directory, so no file from an earlier run joins it. */
async function writeCorpus(dir: string, files: ReadonlyArray<CorpusFile>): Promise<number> {
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  let bytes = 0
  for (const file of files) {
    await writeFile(join(dir, file.fileName), file.text)
    bytes += utf8Length(file.text)
  }
  return bytes
}

/** One end-to-end run of the CLI in a child process, timed from spawn to exit. */
async function runPipeline(articlesDir: string, keepIn?: string): Promise<RunOutcome> {
  const outDir = keepIn ?? (await mkdtemp(join(tmpdir(), 'ciie-bench-')))
  try {
    return await new Promise<RunOutcome>((resolve) => {
      const started = performance.now()
      const args = ['--import', 'tsx', CLI, '--articles', articlesDir, '--out', outDir, '--stats']
      // stdout is ignored: a chatty CLI should not fill a pipe buffer and distort the timing.
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
      })
      let stderr = ''
      let timedOut = false
      child.stderr.setEncoding('utf8')
      child.stderr.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS)
      })
      const timer = setTimeout(() => {
        timedOut = true
        child.kill('SIGKILL')
      }, RUN_TIMEOUT_MS)
      child.on('error', (error) => {
        clearTimeout(timer)
        resolve({ kind: 'crash', wallMs: performance.now() - started, detail: error.message })
      })
      child.on('close', (code, signal) => {
        clearTimeout(timer)
        const wallMs = performance.now() - started
        if (timedOut) {
          resolve({ kind: 'timeout', wallMs, detail: `killed after ${RUN_TIMEOUT_MS / 1000} s` })
        } else if (code !== 0) {
          const tail = stderr.trim().split('\n').slice(-15).join('\n')
          resolve({ kind: 'crash', wallMs, detail: `exit ${code ?? signal}\n${tail}` })
        } else {
          resolve({ kind: 'ok', wallMs, stats: parseStats(stderr) })
        }
      })
    })
  } finally {
    if (!keepIn) await rm(outDir, { recursive: true, force: true })
  }
}

/** The last stderr line that starts with {"articles": the CLI may log warnings before it. */
function parseStats(stderr: string): Stats | undefined {
  const line = stderr
    .split('\n')
    .map((text) => text.trim())
    .findLast((text) => text.startsWith('{"articles"'))
  if (line === undefined) return undefined
  try {
    const parsed = v.safeParse(StatsSchema, JSON.parse(line))
    return parsed.success ? parsed.output : undefined
  } catch {
    return undefined
  }
}

function describeOutcome(outcome: RunOutcome): string {
  const wall = `${(outcome.wallMs / 1000).toFixed(2)} s wall`
  if (outcome.kind !== 'ok') return `${outcome.kind.toUpperCase()} after ${wall}: ${outcome.detail}`
  if (outcome.stats === undefined) return `${wall}, no stats line on stderr`
  return `${wall}, ${outcome.stats.ms.toFixed(0)} ms in the pipeline`
}

/**
 * Best of the runs, per column: the fastest pipeline time (wall time without stats) and the
 * fastest wall time; peak RSS is the worst run's, since memory is a ceiling, not a speed.
 */
function toRow(result: SizeResult): Row {
  const base = { label: result.label, articles: result.articles, mb: result.bytes / MB }
  const ok = result.runs.flatMap((run) => (run.kind === 'ok' ? [run] : []))
  const failed = result.runs.find((run) => run.kind !== 'ok')
  const empty = { wallS: undefined, mbPerS: undefined, articlesPerS: undefined }
  if (failed !== undefined) {
    const verdict = failed.kind === 'crash' ? 'CRASH' : 'TIMEOUT'
    const notes = [`${result.label}: ${failed.detail}`]
    return { ...base, ...empty, peakRssMb: undefined, fromWallClock: false, verdict, notes }
  }
  const seconds = (run: (typeof ok)[number]): number =>
    (run.stats === undefined ? run.wallMs : run.stats.ms) / 1000
  const best = ok.reduce((a, b) => (seconds(b) < seconds(a) ? b : a))
  const bytes = best.stats?.bytes ?? result.bytes
  const articles = best.stats?.articles ?? result.articles
  const rssKb = ok.flatMap((run) => (run.stats === undefined ? [] : [run.stats.maxRssKb]))
  const mbPerS = bytes / MB / seconds(best)
  const notes: Array<string> = []
  if (best.stats === undefined) {
    notes.push(`${result.label}: no stats line on stderr; MB/s and articles/s use wall-clock time`)
  } else if (best.stats.articles !== result.articles) {
    notes.push(
      `${result.label}: the CLI read ${best.stats.articles} of ${result.articles} articles`,
    )
  }
  return {
    ...base,
    wallS: Math.min(...ok.map((run) => run.wallMs)) / 1000,
    mbPerS,
    articlesPerS: articles / seconds(best),
    peakRssMb: rssKb.length === 0 ? undefined : Math.max(...rssKb) / 1024,
    fromWallClock: best.stats === undefined,
    verdict: mbPerS >= BUDGET_MB_PER_S ? 'PASS' : 'FAIL',
    notes,
  }
}

function printTable(rows: ReadonlyArray<Row>): void {
  const header = [
    'size',
    'articles',
    'MB',
    'wall s',
    'pipeline MB/s',
    'articles/s',
    'peak RSS MB',
    `≥ ${BUDGET_MB_PER_S} MB/s`,
  ]
  const cells = rows.map((row) => [
    row.label,
    String(row.articles),
    row.mb.toFixed(2),
    format(row.wallS, 2),
    `${format(row.mbPerS, 1)}${row.fromWallClock ? '*' : ''}`,
    format(row.articlesPerS, 0),
    format(row.peakRssMb, 0),
    row.verdict,
  ])
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((line) => (line[i] ?? '').length)),
  )
  // Left-align the first and last columns (labels), right-align the numbers between.
  const render = (line: ReadonlyArray<string>): string =>
    line
      .map((cell, i) => {
        const width = widths[i] ?? 0
        return i === 0 || i === line.length - 1 ? cell.padEnd(width) : cell.padStart(width)
      })
      .join('  ')
      .trimEnd()
  console.log('')
  console.log(render(header))
  console.log(render(widths.map((width) => '-'.repeat(width))))
  for (const line of cells) console.log(render(line))
  console.log('')
  console.log(linearity(rows))
  for (const row of rows) {
    for (const note of row.notes) console.log(`note: ${note.replaceAll('\n', '\n      ')}`)
  }
  if (rows.some((row) => row.fromWallClock)) {
    console.log('* from wall-clock time, Node and tsx start-up included')
  }
}

function linearity(rows: ReadonlyArray<Row>): string {
  const first = rows[0]
  const last = rows[rows.length - 1]
  if (first?.mbPerS === undefined || last?.mbPerS === undefined) return 'linear: n/a'
  const ratio = last.mbPerS / first.mbPerS
  const verdict = ratio >= LINEARITY_FLOOR ? 'PASS' : 'FAIL'
  return `linear: ${verdict} (throughput at ${last.label} is ${ratio.toFixed(2)}× that at ${first.label}; floor ${LINEARITY_FLOOR}×)`
}

function format(value: number | undefined, digits: number): string {
  return value === undefined ? '–' : value.toFixed(digits)
}

/**
 * The app's rows: build time, the largest corpus's API files, JavaScript per route, what the
 * overview downloads and how fast views redraw on the largest corpus, the export, Lighthouse.
 * A part that cannot run prints why and the others still run.
 */
async function appRows(): Promise<Array<BenchRow>> {
  const rows: Array<BenchRow> = []
  const attempt = async (what: string, measure: () => Promise<Array<BenchRow>>) => {
    console.error(`bench: ${what}`)
    try {
      rows.push(...(await measure()))
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
      rows.push({ what, value: `could not be measured: ${reason}`, budget: '', verdict: 'FAIL' })
    }
  }
  const label = `${Math.max(...SIZES.map((s) => s.articles)).toLocaleString('en')} articles`
  await attempt('build', async () => [await timeBuild()])
  await attempt('API files', () => apiFileRows(LARGE_API_DIR, `${label}:`))
  const { base, server } = await servePreview()
  const browser = await launch()
  try {
    await attempt('JavaScript per route', () => javascriptRows(browser, base, ROUTES))
    await attempt('large corpus in the app', () =>
      largeCorpusRows(browser, base, LARGE_API_DIR, label),
    )
    await attempt('export', async () => {
      const result = await benchExport({ skipBuild: true })
      console.error(`bench: ${describeExportBench(result)}`)
      return [
        {
          what: `export: 2× PNG of the overview chart (${result.width}×${result.height} px)`,
          value: `median ${result.medianMs.toFixed(0)} ms (min ${result.minMs.toFixed(0)}, max ${result.maxMs.toFixed(0)})`,
          budget: `≤ ${EXPORT_BUDGET_MS} ms`,
          verdict: result.verdict,
        },
      ]
    })
    await attempt('Lighthouse', () => lighthouseRows(base, LIGHTHOUSE_ROUTES))
  } finally {
    await browser.close()
    server.kill()
  }
  return rows
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
