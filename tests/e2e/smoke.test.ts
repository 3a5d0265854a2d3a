/**
 * Proves the e2e harness on the app's shell (header and footer), which stays put while the views
 * are filled in: the built app loads in Chromium without errors, passes axe, is screenshotted at
 * both widths, and can be switched onto the scale fixture's API.
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { SummaryFileSchema, SummarySchema } from '../../src/pipeline/schema'
import {
  DESKTOP,
  MOBILE,
  checkAxe,
  expectNoConsoleErrors,
  goto,
  launchBrowser,
  newPage,
  openPage,
  screenshot,
  useScaleApi,
  type Viewport,
} from './browser'

const APP_TITLE = 'CIIE District Dashboard'
const VIEWPORTS: Array<[string, Viewport]> = [
  ['1280x800', DESKTOP],
  ['375x800', MOBILE],
]

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

async function expectShell(page: Page): Promise<void> {
  // The banner, not the document title: views set their own titles.
  expect(await page.getByRole('banner').textContent()).toContain(APP_TITLE)
}

/** What a page gets for /api/summary.json, fetched from inside the page. */
function fetchSummaryInPage(page: Page): Promise<{ status: number; body: unknown }> {
  return page.evaluate(async () => {
    const response = await fetch('/api/summary.json')
    return { status: response.status, body: response.ok ? await response.json() : null }
  })
}

describe('the app shell on the bundled data', () => {
  it.each(VIEWPORTS)(
    'shows the banner without errors or axe violations at %s',
    async (size, viewport) => {
      const page = await openPage(browser, '/', viewport)
      await expectShell(page)
      expectNoConsoleErrors(page)
      await checkAxe(page)
      await screenshot(page, `smoke-overview-${size}`)
      await page.context().close()
    },
  )
})

describe('the app shell on the scale fixture (16 districts × 8 editions)', () => {
  it.each(VIEWPORTS)(
    'shows the banner without errors or axe violations at %s',
    async (size, viewport) => {
      const page = await newPage(browser, viewport)
      const served = await useScaleApi(page)
      await goto(page, '/')
      await expectShell(page)
      expectNoConsoleErrors(page)
      await checkAxe(page)
      await screenshot(page, `smoke-overview-scale-${size}`)
      // Whatever the overview asks for now or later comes from the scale folder and exists there.
      expect(served.filter((request) => request.status !== 200)).toEqual([])
      await page.context().close()
    },
  )

  it('answers the page’s /api/ requests from the scale folder, not the bundled files', async () => {
    const scaleSummary = v.parse(
      SummaryFileSchema,
      JSON.parse(await readFile(join(inject('scaleApiDir'), 'summary.json'), 'utf8')),
    )
    const bundled = await fetch(new URL('/api/summary.json', inject('baseUrl')))
    const page = await newPage(browser)
    const served = await useScaleApi(page)
    await goto(page, '/')
    const before = served.length

    const { status, body } = await fetchSummaryInPage(page)

    expect(status).toBe(200)
    const summary = v.parse(SummaryFileSchema, body)
    expect(summary.corpus).toEqual(scaleSummary.corpus)
    // vite preview answers a missing file with index.html: only a JSON answer is a summary.
    if (bundled.headers.get('content-type')?.includes('json')) {
      const bundledSummary = v.parse(SummaryFileSchema, await bundled.json())
      expect(summary.corpus).not.toEqual(bundledSummary.corpus)
    }
    expect(served.slice(before)).toEqual([{ path: 'summary.json', status: 200 }])
    await page.context().close()
  })

  it('answers 404 for an API file the scale folder does not have', async () => {
    const page = await newPage(browser)
    const served = await useScaleApi(page)
    await goto(page, '/')
    const status = await page.evaluate(
      async () => (await fetch('/api/districts/nowhere.json')).status,
    )
    expect(status).toBe(404)
    expect(served.at(-1)).toEqual({ path: 'districts/nowhere.json', status: 404 })
    await page.context().close()
  })

  it('the overview requests /api/summary.json and shows the scale grid', async () => {
    const scale = v.parse(
      SummarySchema,
      JSON.parse(await readFile(join(inject('scaleApiDir'), 'summary.json'), 'utf8')),
    )
    const page = await newPage(browser)
    const served = await useScaleApi(page)
    await goto(page, '/')

    expect(served).toContainEqual({ path: 'summary.json', status: 200 })
    // The overview opens on the scale grid's latest edition, not the bundled data's.
    const latest = Math.max(...scale.aggregates.map((a) => a.edition))
    const edition = scale.editions.find((e) => e.edition === latest)
    expect(await page.locator('main h1').textContent()).toContain(edition?.en)
    // The coverage grid: a row per district, a cell per edition with how many figures it has.
    const grid = page.getByRole('table', { name: 'Figures reported per district and CIIE edition' })
    const shown = await grid
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.querySelector('th')?.textContent ?? '',
          ...[...row.querySelectorAll('td')].map((cell) =>
            Number(/^\s*(\d+)/.exec(cell.textContent ?? '')?.[1] ?? 0),
          ),
        ]),
      )
    expect(shown).toEqual(
      scale.districts.map((district) => [
        district.en,
        ...scale.editions.map(
          (e) =>
            scale.aggregates.filter((a) => a.district === district.id && a.edition === e.edition)
              .length,
        ),
      ]),
    )
    expectNoConsoleErrors(page)
    await page.context().close()
  })
})
