/**
 * Charts by keyboard and pointer in the built app: one Tab stop per chart, the arrow keys between
 * its values with a visible focus ring, Enter for the evidence; tooltips that can be hovered and
 * dismissed with Escape (WCAG 1.4.13); and the compare view's small multiples, which are drawn as
 * they come near the screen, all of them when the page is printed, without moving anything.
 * On the scale fixture's API (16 districts × 8 editions), so every chart has several values.
 * Screenshots in test-results/screenshots/chart-keyboard-*.png.
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { SummarySchema, type DistrictId } from '../../src/pipeline/schema'
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
  useScaleApi as serveScaleApi,
  type Viewport,
} from './browser'
import { countCharts, expectReadableLayout } from './layout-checks'

const SHOWS_WITHIN = { timeout: 5_000 }

// global-setup.ts has built the scale API before any spec is collected.
const scale = v.parse(
  SummarySchema,
  JSON.parse(await readFile(join(inject('scaleApiDir'), 'summary.json'), 'utf8')),
)

/** The districts with the most figures, busiest first. */
function busiest(count: number): Array<DistrictId> {
  const cells = new Map<DistrictId, number>()
  for (const a of scale.aggregates) cells.set(a.district, (cells.get(a.district) ?? 0) + 1)
  return [...cells.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([id]) => id)
}

/** `path` on the scale fixture's API. */
async function openScalePage(path: string, viewport: Viewport = DESKTOP): Promise<Page> {
  const page = await newPage(browser, viewport)
  await serveScaleApi(page)
  await goto(page, path)
  return page
}

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** What has focus: its data-key and the number of values in its chart (0 outside a chart). */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.activeElement
    const root = active?.closest('[data-roving-root]')
    return {
      key: active?.getAttribute('data-key') ?? null,
      values: root ? root.querySelectorAll('[role="button"][data-key]').length : 0,
      root: root ? [...document.querySelectorAll('[data-roving-root]')].indexOf(root) : -1,
    }
  })
}

describe('charts by keyboard', () => {
  it('compare: one Tab stop per chart, arrows between values, a visible ring, Enter opens the evidence', async () => {
    const page = await openScalePage(`/compare?districts=${busiest(2).join(',')}`)
    try {
      // Every chart has exactly one value in the Tab order.
      const stops = await page.evaluate(() =>
        [...document.querySelectorAll('[data-roving-root]')].map(
          (root) =>
            [...root.querySelectorAll('[role="button"][data-key]')].filter(
              (mark) => mark.getAttribute('tabindex') === '0',
            ).length,
        ),
      )
      expect(stops.length).toBeGreaterThan(0)
      expect(stops.every((count) => count === 1)).toBe(true)

      // Tab, stopping at the first chart with at least two values.
      let at = await focused(page)
      for (let presses = 0; presses < 80 && at.values < 2; presses += 1) {
        await page.keyboard.press('Tab')
        at = await focused(page)
      }
      expect(at.values, 'a chart with two values reached by Tab').toBeGreaterThanOrEqual(2)

      await page.keyboard.press('Home')
      const first = await focused(page)
      await page.keyboard.press('ArrowRight')
      const second = await focused(page)
      expect(second.root).toBe(first.root)
      expect(second.key).not.toBe(first.key)
      expect(
        await page.evaluate(() => {
          const ring = document.activeElement?.querySelector('.chart-mark__focus-outer')
          return ring ? getComputedStyle(ring).visibility : 'no ring'
        }),
        'the focus ring shows',
      ).toBe('visible')
      const tooltip = page.getByTestId('chart-tooltip')
      await tooltip.waitFor(SHOWS_WITHIN)
      expect(await tooltip.textContent()).toContain('Enter for the evidence')
      await screenshot(page, 'chart-keyboard-compare-focus', { fullPage: false })
      await checkAxe(page)

      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog')
      await dialog.waitFor({ state: 'visible', ...SHOWS_WITHIN })
      await dialog.locator('blockquote').first().waitFor(SHOWS_WITHIN)
      const [district, edition, metric] = (second.key ?? '').split('|')
      expect(new URL(page.url()).searchParams.get('evidence')).toBe(
        `${district}.${edition}.${metric}`,
      )
      await screenshot(page, 'chart-keyboard-compare-evidence', { fullPage: false })

      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached', ...SHOWS_WITHIN })
      await expect.poll(async () => (await focused(page)).key, SHOWS_WITHIN).toBe(second.key)

      // One Tab leaves the chart, and Shift+Tab comes back to the value last focused.
      await page.keyboard.press('Tab')
      expect((await focused(page)).root).not.toBe(second.root)
      await page.keyboard.press('Shift+Tab')
      expect((await focused(page)).key).toBe(second.key)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })

  it('the metric view: the grouped chart and the heat table are one Tab stop each', async () => {
    // On the bundled data: the metric view is prerendered from it, and hydrates only over the
    // same figures.
    const bundled = v.parse(
      SummarySchema,
      JSON.parse(await readFile(join(import.meta.dirname, '../../dist/api/summary.json'), 'utf8')),
    )
    const metric = bundled.aggregates[0]?.metric
    if (!metric) throw new Error('the bundled data has no figures')
    const page = await newPage(browser)
    await goto(page, `/metrics/${metric}`)
    try {
      const charts = await page.evaluate(() =>
        [...document.querySelectorAll('[data-roving-root]')].map((root) => ({
          values: root.querySelectorAll('[data-key][tabindex]').length,
          stops: root.querySelectorAll('[data-key][tabindex="0"]').length,
        })),
      )
      expect(charts.length).toBeGreaterThanOrEqual(2)
      for (const chart of charts) expect(chart.stops).toBe(chart.values > 0 ? 1 : 0)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })
})

describe('chart tooltips', () => {
  it('can be hovered and clicked like their value, and Escape dismisses them', async () => {
    const page = await openScalePage(`/compare?districts=${busiest(2).join(',')}`)
    try {
      const mark = page.locator('.compare-panel g[role="button"][data-key]').first()
      const key = await mark.getAttribute('data-key')
      const tooltip = page.getByTestId('chart-tooltip')

      await mark.hover()
      await tooltip.waitFor(SHOWS_WITHIN)
      await page.keyboard.press('Escape')
      await tooltip.waitFor({ state: 'detached', ...SHOWS_WITHIN })

      // Out and back in; then onto the tooltip itself, which stays, and a click opens the evidence.
      await page.mouse.move(0, 0)
      await mark.hover()
      await tooltip.waitFor(SHOWS_WITHIN)
      await tooltip.hover()
      await tooltip.click()
      await page.getByRole('dialog').waitFor({ state: 'visible', ...SHOWS_WITHIN })
      const [district, edition, metric] = (key ?? '').split('|')
      expect(new URL(page.url()).searchParams.get('evidence')).toBe(
        `${district}.${edition}.${metric}`,
      )
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })
})

describe('compare small multiples drawn near the screen', () => {
  /** Charts drawn, and panels with a chart or a place held for one. */
  const panels = (page: Page) =>
    page.evaluate(() => ({
      drawn: document.querySelectorAll('.compare-panel .chart-deferred svg').length,
      places: document.querySelectorAll('.compare-panel .chart-deferred').length,
    }))

  const openSix = (viewport = DESKTOP) =>
    openScalePage(
      `/compare?districts=${busiest(6).join(',')}&metrics=${scale.metrics.map((m) => m.key).join(',')}`,
      viewport,
    )

  it('draws what is near, holds the place of the rest, and draws them as they are scrolled to', async () => {
    const page = await openSix()
    try {
      const start = await panels(page)
      expect(start.places).toBeGreaterThan(24)
      expect(start.drawn).toBeGreaterThan(0)
      expect(start.drawn).toBeLessThan(start.places)

      // A place held is exactly as tall as the chart drawn in it: nothing moves.
      const last = page.locator('.compare-panel .chart-deferred').last()
      const before = await last.boundingBox()
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      for (let y = 0; y <= height; y += 400) {
        await page.evaluate((top) => window.scrollTo(0, top), y)
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
      }
      await expect.poll(async () => (await panels(page)).drawn, SHOWS_WITHIN).toBe(start.places)
      await page.evaluate(() => window.scrollTo(0, 0))
      const after = await last.boundingBox()
      expect(after?.height).toBe(before?.height)
      expect(after?.y).toBe(before?.y)
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height)

      // All drawn, every chart must still be readable at this width.
      expect(await countCharts(page)).toBeGreaterThan(24)
      await expectReadableLayout(page)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })

  it.each([
    ['1280x800', DESKTOP],
    ['375x800', MOBILE],
  ])('draws every chart when the page is printed (%s)', async (_size, viewport) => {
    const page = await openSix(viewport)
    try {
      expect((await panels(page)).drawn).toBeLessThan((await panels(page)).places)
      await page.emulateMedia({ media: 'print' })
      const { places } = await panels(page)
      await expect.poll(async () => (await panels(page)).drawn, SHOWS_WITHIN).toBe(places)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })
})
