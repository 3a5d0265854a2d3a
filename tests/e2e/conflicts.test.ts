/**
 * /conflicts on articles that disagree (tests/fixtures/conflicts: synthetic articles and a
 * corrections file, run through the real CLI into a temporary folder and served in place of the
 * bundled API, which has no conflict): readable and axe-clean at both widths, and a figure kept
 * with the keyboard alone, its corrections downloaded and accepted by the CLI, which then shows
 * the kept value with no conflict left.
 */
import * as v from 'valibot'
import { spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CorrectionsFileSchema } from '../../src/pipeline/corrections'
import { ConflictsFileSchema } from '../../src/pipeline/schema'
import {
  DESKTOP,
  MOBILE,
  checkAxe,
  expectNoConsoleErrors,
  goto,
  launchBrowser,
  newPage,
  screenshot,
  useScaleApi as serveApi,
} from './browser'
import { expectReadableLayout } from './layout-checks'

const ROOT = join(import.meta.dirname, '../..')
const FIXTURE = join(ROOT, 'tests/fixtures/conflicts')

/** Runs the pipeline CLI as `npm run data` would; returns its exit code and messages. */
function runCli(args: Array<string>) {
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/pipeline/cli.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8' },
  )
  return { status: result.status, stderr: result.stderr }
}

let browser: Browser
let work: string
let apiDir: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ciie-conflicts-'))
  apiDir = join(work, 'api')
  const built = runCli([
    '--articles',
    FIXTURE,
    '--corrections',
    join(FIXTURE, 'corrections.json'),
    '--out',
    apiDir,
  ])
  expect(built.status, built.stderr).toBe(0)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await rm(work, { recursive: true, force: true })
})

async function openConflicts(viewport = DESKTOP): Promise<Page> {
  const page = await newPage(browser, viewport)
  await serveApi(page, apiDir)
  await goto(page, '/conflicts')
  await page.locator('article.conflict').first().waitFor()
  return page
}

describe('the conflicts page on articles that disagree', () => {
  it.each([
    ['1280x800', DESKTOP],
    ['375x800', MOBILE],
  ])('is readable and axe-clean at %s, with a figure being kept', async (size, viewport) => {
    const page = await openConflicts(viewport)
    try {
      await screenshot(page, `conflicts-${size}`)
      await checkAxe(page)
      await expectReadableLayout(page)

      await page.getByRole('button', { name: /^Keep this one \(28,/ }).click()
      await page.getByRole('button', { name: 'Write the corrections' }).click()
      await page.getByText(/Write the reason/).waitFor()
      await page.getByLabel(/Why is 28 the right number/).fill('The district’s release says 28')
      await page.getByRole('button', { name: 'Write the corrections' }).click()
      await page.getByRole('heading', { name: 'The 2 corrections' }).waitFor()
      await screenshot(page, `conflicts-kept-${size}`)
      await checkAxe(page)
      await expectReadableLayout(page)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })

  it('keeps a figure by keyboard; the CLI applies the downloaded corrections', async () => {
    const page = await openConflicts()
    try {
      // From the filters, Tab reaches the figure's "Keep this one".
      await page.getByLabel('District').focus()
      const focusedName = () =>
        page.evaluate(() => {
          const active = document.activeElement
          return active ? `${active.tagName} ${active.textContent ?? ''}` : ''
        })
      let reached = false
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab')
        reached = /^BUTTON Keep this one \(28,/.test(await focusedName())
      }
      expect(reached, 'Tab reaches "Keep this one" for 28').toBe(true)
      await page.keyboard.press('Enter')
      // The panel asks why, with the focus in its reason field.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
      await page.keyboard.type('The district’s release says 28')
      let onSubmit = false
      for (let i = 0; i < 8 && !onSubmit; i++) {
        await page.keyboard.press('Tab')
        onSubmit = (await focusedName()) === 'BUTTON Write the corrections'
      }
      expect(onSubmit, 'Tab reaches "Write the corrections"').toBe(true)
      await page.keyboard.press('Enter')
      // The focus moves to the corrections written.
      expect(await focusedName()).toBe('H6 The 2 corrections')

      let onDownload = false
      for (let i = 0; i < 5 && !onDownload; i++) {
        await page.keyboard.press('Tab')
        onDownload = (await focusedName()) === 'BUTTON Download corrections'
      }
      expect(onDownload, 'Tab reaches "Download corrections"').toBe(true)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.keyboard.press('Enter'),
      ])
      expect(download.suggestedFilename()).toBe('corrections-jingan-6-agreements-signed.json')
      const downloaded = join(work, download.suggestedFilename())
      await download.saveAs(downloaded)
      const added = v.parse(CorrectionsFileSchema, JSON.parse(await readFile(downloaded, 'utf8')))
      expect(added.corrections.map((c) => [c.action, c.number])).toEqual([
        ['reject', '31'],
        ['reject', 'about 30'],
      ])
      expectNoConsoleErrors(page)

      // Added to the fixture's corrections, as the page says, and the data rebuilt.
      const existing = v.parse(
        CorrectionsFileSchema,
        JSON.parse(await readFile(join(FIXTURE, 'corrections.json'), 'utf8')),
      )
      const merged = join(work, 'corrections.json')
      await writeFile(
        merged,
        JSON.stringify({ corrections: [...existing.corrections, ...added.corrections] }, null, 2),
      )
      const out = join(work, 'api-after')
      const rebuilt = runCli(['--articles', FIXTURE, '--corrections', merged, '--out', out])
      expect(rebuilt.status, rebuilt.stderr).toBe(0)
      const after = v.parse(
        ConflictsFileSchema,
        JSON.parse(await readFile(join(out, 'conflicts.json'), 'utf8')),
      )
      expect(after.conflicts.map((c) => `${c.district}.${c.metric}`)).toEqual([
        'qingpu.projects_signed',
      ])
      expect(
        after.settled.find((c) => c.district === 'jingan' && c.metric === 'agreements_signed'),
      ).toMatchObject({ conflict: false, shown: { value: 28 } })
    } finally {
      await page.context().close()
    }
  })
})
