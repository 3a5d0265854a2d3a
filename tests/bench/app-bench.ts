/**
 * The app's side of `npm run bench`: build time, the size of each API file the pipeline writes
 * for a large corpus, JavaScript per route, data the overview downloads, how long a view takes
 * to redraw after a change, and Lighthouse — each beside its budget (issue "Fast, accessible
 * and safe at scale"). Measured on the built app served by `vite preview`, in headless Chromium.
 *
 * A benchmark reports; it does not fail. Budgets are checked here and printed as PASS or FAIL.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readFile, readdir, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { join, relative } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium, type Browser, type Page } from 'playwright-core'
import * as v from 'valibot'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const DIST = join(ROOT, 'dist')
const KB = 1024

export interface BenchRow {
  what: string
  value: string
  budget: string
  verdict: 'PASS' | 'FAIL' | '—'
}

const row = (what: string, value: string, budget = '', pass?: boolean): BenchRow => ({
  what,
  value,
  budget,
  verdict: pass === undefined ? '—' : pass ? 'PASS' : 'FAIL',
})

export const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`
const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length

function run(command: string, args: Array<string>, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    )
  })
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.on('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('port')),
      )
    })
  })
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 150; i += 1) {
    try {
      if ((await fetch(url)).ok) return
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`${url} did not answer`)
}

/** `vite preview` of dist on a free port; stop it with `.kill()`. */
export async function servePreview(): Promise<{ base: string; server: ChildProcess }> {
  const port = await freePort()
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js')
  const args = [vite, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort']
  const server = spawn(process.execPath, args, { cwd: ROOT, stdio: 'ignore' })
  const base = `http://127.0.0.1:${port}`
  await waitFor(base)
  return { base, server }
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  })
}

/** `npm run build` (pipeline on the bundled articles, then vite), timed. */
export async function timeBuild(): Promise<BenchRow> {
  const start = performance.now()
  await run('npm', ['run', 'build', '--silent'])
  return row('build (npm run build)', `${((performance.now() - start) / 1000).toFixed(1)} s`)
}

async function filesUnder(dir: string): Promise<Array<string>> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Raw and gzip size of each API file (districts/* and articles/*: the largest and the total). */
export async function apiFileRows(apiDir: string, label: string): Promise<Array<BenchRow>> {
  const rows: Array<BenchRow> = []
  for (const name of ['summary.json', 'articles.json', 'conflicts.json', 'dataset.json']) {
    const data = await readFile(join(apiDir, name))
    rows.push(row(`${label} ${name}`, `${kb(data.length)} (${kb(gzipSize(data))} gzip)`))
  }
  for (const folder of ['districts', 'articles']) {
    const files = await filesUnder(join(apiDir, folder))
    const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size))
    const largest = Math.max(0, ...sizes)
    const total = sizes.reduce((a, b) => a + b, 0)
    rows.push(
      row(
        `${label} ${folder}/*.json (${files.length} files)`,
        `largest ${kb(largest)}, total ${kb(total)}`,
      ),
    )
  }
  return rows
}

/** The JavaScript index.html loads before anything else: the entry and its preloads, gzip. */
export async function initialJs(): Promise<{ bytes: number; files: Array<string> }> {
  const manifest = v.parse(
    ManifestSchema,
    JSON.parse(await readFile(join(DIST, '.vite/manifest.json'), 'utf8')),
  )
  const files = new Set<string>()
  const addWithImports = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || files.has(chunk.file)) return
    files.add(chunk.file)
    for (const name of chunk.imports ?? []) addWithImports(name)
  }
  // The boot module (src/main.tsx) and what it loads before any view: React and the app's
  // shell (src/app/start.tsx: router, react-query, layout), each with its static imports.
  addWithImports('index.html')
  for (const name of manifest['index.html']?.dynamicImports ?? []) addWithImports(name)
  let bytes = 0
  for (const file of files) bytes += gzipSize(await readFile(join(DIST, file)))
  return { bytes, files: [...files] }
}

const ManifestSchema = v.record(
  v.string(),
  v.object({
    file: v.string(),
    imports: v.optional(v.array(v.string())),
    dynamicImports: v.optional(v.array(v.string())),
  }),
)

/** Every script a route loads until the network is quiet, as the browser received it, gzip. */
async function routeJs(page: Page, base: string, path: string): Promise<number> {
  const sizes = new Map<string, Promise<number>>()
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return
    sizes.set(
      response.url(),
      response.body().then(gzipSize, () => 0),
    )
  })
  await page.goto(`${base}${path}`, { waitUntil: 'networkidle' })
  const all = await Promise.all(sizes.values())
  return all.reduce((a, b) => a + b, 0)
}

export const INITIAL_JS_BUDGET = 120 * KB
export const ROUTE_JS_BUDGET = 250 * KB
export const OVERVIEW_DATA_BUDGET = 100 * KB
export const RERENDER_BUDGET_MS = 100

/** Initial JS of the overview and total JS of each route, against their budgets. */
export async function javascriptRows(
  browser: Browser,
  base: string,
  routes: ReadonlyArray<string>,
): Promise<Array<BenchRow>> {
  const initial = await initialJs()
  const rows = [
    row(
      'initial JS before any view: boot, React, app shell (gzip)',
      kb(initial.bytes),
      `≤ ${kb(INITIAL_JS_BUDGET)}`,
      initial.bytes <= INITIAL_JS_BUDGET,
    ),
  ]
  for (const path of routes) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    const bytes = await routeJs(page, base, path)
    rows.push(
      row(
        `total JS of ${path} (gzip)`,
        kb(bytes),
        `≤ ${kb(ROUTE_JS_BUDGET)}`,
        bytes <= ROUTE_JS_BUDGET,
      ),
    )
    await context.close()
  }
  return rows
}

/** Serves `apiDir` in place of the app's /api for this page. */
export async function serveApi(page: Page, apiDir: string): Promise<void> {
  await page.route('**/api/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/api\//, '')
    const file = join(apiDir, path)
    if (relative(apiDir, file).startsWith('..')) return route.fulfill({ status: 404 })
    try {
      const body = await readFile(file)
      await route.fulfill({ status: 200, body, contentType: 'application/json' })
    } catch {
      await route.fulfill({ status: 404, body: '' })
    }
  })
}

export const median = (values: ReadonlyArray<number>) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/**
 * With a large corpus's API: the data the overview downloads (gzip), and how long the overview
 * takes to redraw for another edition and compare for one more district (the app's
 * `render:*` performance measures, median of several changes).
 */
export async function largeCorpusRows(
  browser: Browser,
  base: string,
  apiDir: string,
  label: string,
): Promise<Array<BenchRow>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  await serveApi(page, apiDir)
  let data = 0
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/api/'))
      void response.body().then((body) => (data += gzipSize(body)))
  })
  await page.goto(`${base}/`, { waitUntil: 'networkidle' })
  const rows = [
    row(
      `${label}: data the overview downloads (gzip)`,
      kb(data),
      `≤ ${kb(OVERVIEW_DATA_BUDGET)}`,
      data <= OVERVIEW_DATA_BUDGET,
    ),
  ]

  const edition = page.getByRole('combobox', { name: 'CIIE edition' })
  const options = await edition
    .locator('option')
    .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))
  for (const value of [...options.slice(1), ...options.slice(0, 1), ...options.slice(1, 4)]) {
    await edition.selectOption(value)
    await page.waitForFunction(
      () => performance.getEntriesByName('interaction:overview-edition').length === 0,
    )
  }
  const overview = await page.evaluate(() =>
    performance.getEntriesByName('render:overview-edition').map((e) => e.duration),
  )
  rows.push(rerenderRow(`${label}: overview redraw for another edition`, overview))

  await page.goto(`${base}/compare?districts=pudong,jingan`, { waitUntil: 'networkidle' })
  const picker = page.getByRole('combobox', { name: 'Add a district' })
  for (let i = 0; i < 4; i += 1) {
    const choices = await picker
      .locator('option:not([disabled])')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value).filter((v) => v !== ''))
    const next = choices[0]
    if (!next) break
    await picker.selectOption(next)
    await page.getByRole('button', { name: 'Add', exact: true }).click()
    await page.waitForFunction(
      () => performance.getEntriesByName('interaction:compare-add-district').length === 0,
    )
  }
  const compare = await page.evaluate(() =>
    performance.getEntriesByName('render:compare-add-district').map((e) => e.duration),
  )
  rows.push(rerenderRow(`${label}: compare redraw for one more district`, compare))
  await context.close()
  return rows
}

function rerenderRow(what: string, durations: ReadonlyArray<number>): BenchRow {
  if (durations.length === 0) return row(what, 'not measured', `≤ ${RERENDER_BUDGET_MS} ms`, false)
  const value = median(durations)
  return row(
    what,
    `median ${value.toFixed(0)} ms (max ${Math.max(...durations).toFixed(0)}, ${durations.length} changes)`,
    `≤ ${RERENDER_BUDGET_MS} ms`,
    value <= RERENDER_BUDGET_MS,
  )
}

/** Prints rows as an aligned table. */
export function printRows(title: string, rows: ReadonlyArray<BenchRow>): void {
  const header = ['', 'measured', 'budget', '']
  const lines = rows.map((r) => [r.what, r.value, r.budget, r.verdict])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)))
  const render = (l: ReadonlyArray<string>) =>
    l
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  console.log('')
  console.log(title)
  console.log(render(header))
  console.log(render(widths.map((w) => '-'.repeat(w))))
  for (const l of lines) console.log(render(l))
}

export const LIGHTHOUSE_BUDGET = {
  performance: 0.95,
  accessibility: 1,
  'best-practices': 0.95,
  lcpMs: 1800,
} as const

interface LighthouseReport {
  categories: Record<string, { score: number | null }>
  audits: Record<string, { numericValue?: number }>
}

/**
 * Lighthouse 12 (mobile, simulated throttling) on each path. It runs through `npx` so it stays
 * out of the app's lockfile (in it, npm ci needs a third-party-web override; TOOLCHAIN.md).
 */
export async function lighthouseRows(
  base: string,
  paths: ReadonlyArray<string>,
): Promise<Array<BenchRow>> {
  const rows: Array<BenchRow> = []
  for (const path of paths) {
    const report = await runLighthouse(`${base}${path}`)
    if (!report) {
      rows.push(row(`Lighthouse ${path}`, 'could not run (see stderr)', '', false))
      continue
    }
    const score = (key: string) => report.categories[key]?.score ?? 0
    const lcp = report.audits['largest-contentful-paint']?.numericValue ?? Infinity
    const { performance: perf, accessibility, lcpMs } = LIGHTHOUSE_BUDGET
    const practices = LIGHTHOUSE_BUDGET['best-practices']
    rows.push(
      row(
        `Lighthouse ${path}: performance (mobile)`,
        score('performance').toFixed(2),
        `≥ ${perf}`,
        score('performance') >= perf,
      ),
      row(
        `Lighthouse ${path}: accessibility`,
        score('accessibility').toFixed(2),
        `= ${accessibility}`,
        score('accessibility') >= accessibility,
      ),
      row(
        `Lighthouse ${path}: best practices`,
        score('best-practices').toFixed(2),
        `≥ ${practices}`,
        score('best-practices') >= practices,
      ),
      row(
        `Lighthouse ${path}: LCP (mobile, simulated)`,
        `${(lcp / 1000).toFixed(2)} s`,
        `≤ ${lcpMs / 1000} s`,
        lcp <= lcpMs,
      ),
    )
  }
  return rows
}

function runLighthouse(url: string): Promise<LighthouseReport | null> {
  const args = [
    '--yes',
    'lighthouse@12',
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
  ]
  return new Promise((resolve) => {
    const child = spawn('npx', args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.on('error', () => resolve(null))
    child.on('close', () => {
      try {
        resolve(JSON.parse(stdout) as LighthouseReport)
      } catch {
        resolve(null)
      }
    })
  })
}
