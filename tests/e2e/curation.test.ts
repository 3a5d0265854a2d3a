/**
 * Curation end to end, as an official does it: paste an article into /analyze, see its numbers
 * highlighted, correct one, download the article file and the corrections, run the real pipeline
 * CLI on them, and see the dashboard (served that API in place of the bundled one) show the
 * corrected value with "corrected: <reason>" in the evidence and in the article view.
 * The article is the synthetic fixture tests/fixtures/analyze/ (see its README).
 * Screenshots: test-results/screenshots/curation-*.png.
 */
import * as v from 'valibot'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CorrectionsFileSchema } from '../../src/pipeline/corrections'
import { DistrictDetailSchema } from '../../src/pipeline/schema'
import {
  DESKTOP,
  MOBILE,
  checkAxe,
  expectNoConsoleErrors,
  goto,
  launchBrowser,
  newPage,
  screenshot,
  // Not a React hook, whatever its name: aliased so the hooks lint rule leaves the helper alone.
  useScaleApi as serveApi,
} from './browser'
import { findLayoutProblems } from './layout-checks'

const ROOT = join(import.meta.dirname, '../..')
const FIXTURE = await readFile(
  join(ROOT, 'tests/fixtures/analyze/fixture-2024-11-07-fengxian-beauty-valley.txt'),
  'utf8',
)
/** As copied from a news site: no date line, so the page asks for the date. */
const PASTED = FIXTURE.replace(/^date \S+ /, '')
const ARTICLE_ID = '2024-11-07-fengxian'
const REASON = 'The brands opened counters: they settled in the valley'
/** How long an action's result may take to show. */
const SHOWS_WITHIN = { timeout: 10_000 }

let browser: Browser
let work: string

beforeAll(async () => {
  browser = await launchBrowser()
  work = await mkdtemp(join(tmpdir(), 'ciie-curation-'))
})
afterAll(async () => {
  await browser?.close()
  if (work) await rm(work, { recursive: true, force: true })
})

/** Runs the pipeline's CLI as `npm run data` does; resolves with its output, fails on exit ≠ 0. */
function runCli(args: Array<string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/pipeline/cli.ts'), ...args],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`the CLI exited with ${code}:\n${output}`)),
    )
  })
}

/** The note the page writes beside a number: its reading, or why it was not counted. */
async function noteOf(page: Page, words: string): Promise<string> {
  const button = page
    .locator('.analyze-sentences')
    .getByRole('button', { name: words, exact: true })
  const id = await button.getAttribute('aria-describedby')
  return (await page.locator(`[id="${id}"]`).textContent()) ?? ''
}

describe('curation', () => {
  it('a number corrected in /analyze and built by the CLI shows corrected, with its reason', async () => {
    // 1. Paste the article; it has no date line, so the page asks for one.
    const page = await newPage(browser, DESKTOP)
    await goto(page, '/analyze')
    await page.getByLabel('Article text').fill(PASTED)
    await page
      .getByText('the CIIE edition cannot be worked out from the date')
      .waitFor(SHOWS_WITHIN)
    await page.getByLabel('Article date').fill('2024-11-07')
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page
      .getByRole('heading', { name: '2. What the dashboard reads from it' })
      .waitFor(SHOWS_WITHIN)

    // 2. Its highlights, each with what it was read as.
    expect(await noteOf(page, '27')).toBe('[Projects signed: 27, Fengxian, 7th (2024) CIIE]')
    expect(await noteOf(page, '2018')).toBe('[not counted: a year]')
    expect(await noteOf(page, '19')).toBe('[Market offerings: 19, Fengxian, 7th (2024) CIIE]')
    await screenshot(page, 'curation-analyze-1280x800')
    await checkAxe(page)

    // 3. Correct "19" by keyboard: Tab to it, Enter, change its metric, give the reason.
    const nineteen = page
      .locator('.analyze-sentences')
      .getByRole('button', { name: '19', exact: true })
    await nineteen.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Correct “19”' })
    await dialog.waitFor(SHOWS_WITHIN)
    await checkAxe(page)
    await dialog.getByLabel('Metric').selectOption({ label: 'Companies settling' })
    await dialog.getByLabel('Reason (required)').fill(REASON)
    await screenshot(page, 'curation-dialog-1280x800', { fullPage: false })
    await dialog.getByRole('button', { name: 'Save the change' }).click()
    await dialog.waitFor({ state: 'detached', ...SHOWS_WITHIN })
    expect(await noteOf(page, '19')).toBe(
      `[Companies settling: 19, Fengxian, 7th (2024) CIIE; corrected: ${REASON}]`,
    )
    expect(await nineteen.evaluate((element) => element === document.activeElement)).toBe(true)
    await page
      .getByRole('region', { name: '3. Your corrections (1)' })
      .getByText('Changed “19”: metric to Companies settling')
      .waitFor(SHOWS_WITHIN)

    // 4. Download both files, as the browser saves them.
    await mkdir(join(work, 'articles'), { recursive: true })
    const [correctionsDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download corrections' }).click(),
    ])
    expect(correctionsDownload.suggestedFilename()).toBe(`corrections-${ARTICLE_ID}.json`)
    await correctionsDownload.saveAs(join(work, 'corrections.json'))
    const [articleDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download article file' }).click(),
    ])
    expect(articleDownload.suggestedFilename()).toBe(`${ARTICLE_ID}.txt`)
    await articleDownload.saveAs(join(work, 'articles', `${ARTICLE_ID}.txt`))
    await checkAxe(page)
    await screenshot(page, 'curation-corrected-1280x800')
    expectNoConsoleErrors(page)

    // The files are what data/ holds: the fixture article itself, and a valid corrections file.
    expect(await readFile(join(work, 'articles', `${ARTICLE_ID}.txt`), 'utf8')).toBe(FIXTURE)
    const corrections = v.parse(
      CorrectionsFileSchema,
      JSON.parse(await readFile(join(work, 'corrections.json'), 'utf8')),
    )
    expect(corrections.corrections).toMatchObject([
      {
        action: 'fix',
        article: ARTICLE_ID,
        number: '19',
        sentence: expect.stringContaining('and 19 brands from the expo opened counters there.'),
        reason: REASON,
        set: { metric: 'companies_settling' },
      },
    ])

    // 5. The real CLI applies them (corrections.json beside the articles folder).
    await runCli(['--articles', join(work, 'articles'), '--out', join(work, 'api')])
    const fengxian = v.parse(
      DistrictDetailSchema,
      JSON.parse(await readFile(join(work, 'api/districts/fengxian.json'), 'utf8')),
    )
    const built = fengxian.observations.find((o) => o.text === '19')
    expect(built).toMatchObject({ metric: 'companies_settling', correction: { reason: REASON } })

    // 6. The dashboard on that API: the evidence shows the corrected value and its reason.
    const dashboard = await newPage(browser, DESKTOP)
    await serveApi(dashboard, join(work, 'api'))
    await goto(dashboard, '/districts/fengxian?evidence=fengxian.7.companies_settling')
    const evidence = dashboard.getByRole('dialog')
    await evidence
      .locator('blockquote mark')
      .first()
      .waitFor({ state: 'visible', ...SHOWS_WITHIN })
    const evidenceText = (await evidence.textContent()) ?? ''
    expect(evidenceText).toContain('Companies settling')
    expect(evidenceText).toMatch(/\b19\b/)
    expect(evidenceText).toMatch(new RegExp(`corrected:\\s*${REASON}`, 'i'))
    expect(await evidence.locator('blockquote mark').first().textContent()).toBe('19')
    await screenshot(dashboard, 'curation-evidence-1280x800', { fullPage: false })
    expectNoConsoleErrors(dashboard)

    // And the article view, where the figure is read from.
    await goto(dashboard, `/articles/${ARTICLE_ID}`)
    const row = dashboard.getByRole('row').filter({ hasText: '“19”' })
    await row.waitFor(SHOWS_WITHIN)
    expect(await row.textContent()).toContain('Companies settling')
    expect((await dashboard.locator('main').textContent()) ?? '').toMatch(
      new RegExp(`corrected:\\s*${REASON}`, 'i'),
    )
    expectNoConsoleErrors(dashboard)
    await dashboard.context().close()
    await page.context().close()
  })

  it('/analyze reads well on a phone, with the dialog open too', async () => {
    const page = await newPage(browser, MOBILE)
    await goto(page, '/analyze')
    await page.getByLabel('Article text').fill(FIXTURE)
    await page.getByRole('button', { name: 'Analyse' }).click()
    await page
      .getByRole('heading', { name: '2. What the dashboard reads from it' })
      .waitFor(SHOWS_WITHIN)
    expect(await findLayoutProblems(page)).toEqual([])
    await screenshot(page, 'curation-analyze-375x800')
    await page
      .locator('.analyze-sentences')
      .getByRole('button', { name: '35', exact: true })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Correct “35”' })
    await dialog.waitFor(SHOWS_WITHIN)
    expect(await findLayoutProblems(page)).toEqual([])
    await checkAxe(page)
    await screenshot(page, 'curation-dialog-375x800', { fullPage: false })
    expectNoConsoleErrors(page)
    await page.context().close()
  })
})
