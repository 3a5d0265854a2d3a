/**
 * The export benchmark: median time to make a 2× PNG ("As on screen") of the overview chart in
 * headless Chromium, on the built app and the bundled articles, against the ≤ 150 ms budget.
 * The time is the app's own `export:png` performance measure: from choosing "Download PNG" to
 * the file being ready (figure, layout, SVG, raster, PNG encoding), the first run excluded
 * as warm-up (it loads the export code and the evidence it cites).
 *
 * Run alone with `npx tsx tests/bench/export-bench.ts`, or as part of `npm run bench`.
 */
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { launch, median, servePreview } from './app-bench'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const EXPORT_BUDGET_MS = 150
const RUNS = 15

export interface ExportBenchResult {
  medianMs: number
  minMs: number
  maxMs: number
  runs: number
  width: number
  height: number
  verdict: 'PASS' | 'FAIL'
}

function run(command: string, args: Array<string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    )
  })
}

/** Builds the app (unless `skipBuild`), serves it, and times the overview chart's 2× PNG. */
export async function benchExport({ skipBuild = false } = {}): Promise<ExportBenchResult> {
  if (!skipBuild) await run('npm', ['run', 'build', '--silent'])
  const { base, server } = await servePreview()
  const browser = await launch()
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${base}/`, { waitUntil: 'networkidle' })
    const chart = page
      .getByRole('figure')
      .filter({ has: page.getByRole('heading', { name: /by district/ }) })
      .first()
    let width = 0
    let height = 0
    for (let i = 0; i <= RUNS; i += 1) {
      const download = page.waitForEvent('download')
      await chart.getByRole('button', { name: 'Export', exact: true }).click()
      if (i === 0) await page.getByRole('menuitemradio', { name: /^As on screen/ }).click()
      await page.getByRole('menuitem', { name: 'Download PNG' }).click()
      const file = await download
      if (i === 0) {
        const bytes = await readFile(await file.path())
        width = bytes.readUInt32BE(16)
        height = bytes.readUInt32BE(20)
      }
    }
    const durations = await page.evaluate(() =>
      performance.getEntriesByName('export:png').map((e) => e.duration),
    )
    const timed = durations.slice(1)
    const medianMs = median(timed)
    return {
      medianMs,
      minMs: Math.min(...timed),
      maxMs: Math.max(...timed),
      runs: timed.length,
      width,
      height,
      verdict: medianMs <= EXPORT_BUDGET_MS ? 'PASS' : 'FAIL',
    }
  } finally {
    await browser.close()
    server.kill()
  }
}

/** One line for the bench table. */
export function describeExportBench(r: ExportBenchResult): string {
  return `export 2× PNG of the overview chart (${r.width}×${r.height} px): median ${r.medianMs.toFixed(0)} ms over ${r.runs} runs (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)}); budget ≤ ${EXPORT_BUDGET_MS} ms: ${r.verdict}`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchExport({ skipBuild: process.argv.includes('--skip-build') })
    .then((result) => console.log(describeExportBench(result)))
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
