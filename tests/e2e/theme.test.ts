/**
 * Dark mode and printing in the built app: with the system in dark mode the views are dark and
 * every text and chart mark keeps its contrast (axe, and each bar against its chart's
 * background); the header's switch overrides the system and is remembered; printed, a view has
 * no navigation or switches but keeps its charts, black on white whatever the theme.
 * Screenshots: test-results/screenshots/theme-*.png (look at them).
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { THEME_STORAGE_KEY } from '../../src/app/theme'
import { contrastRatio } from '../../src/charts/contrast'
import { ArticleIndexSchema } from '../../src/pipeline/schema'
import {
  DESKTOP,
  MOBILE,
  drawAllCharts,
  expectNoConsoleErrors,
  launchBrowser,
  newPage,
  screenshot,
  type Viewport,
} from './browser'

const API_DIR = join(import.meta.dirname, '../../dist/api')
const articleIndex = v.parse(
  ArticleIndexSchema,
  JSON.parse(await readFile(join(API_DIR, 'articles.json'), 'utf8')),
)
// The districts the bundled articles are about, so the views have bars to draw.
const districts = [
  ...new Set(articleIndex.articles.flatMap((a) => (a.district ? [a.district] : []))),
]
const [firstDistrict = 'jingan', secondDistrict = 'qingpu'] = districts
const firstArticle = articleIndex.articles[0]?.id ?? ''

const VIEWS: ReadonlyArray<readonly [string, string]> = [
  ['overview', '/'],
  ['district', `/districts/${firstDistrict}`],
  ['compare', `/compare?districts=${firstDistrict},${secondDistrict}`],
  ['article', `/articles/${firstArticle}`],
  ['overview-zh', '/?lang=zh'],
]

let browser: Browser
const contexts: Array<BrowserContext> = []

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
})

/** A page whose system asks for `colorScheme`, recording its problems (browser.ts). */
async function pageIn(colorScheme: 'dark' | 'light', viewport: Viewport = DESKTOP): Promise<Page> {
  const page = await newPage(browser, viewport)
  contexts.push(page.context())
  await page.emulateMedia({ colorScheme })
  return page
}

async function open(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'networkidle' })
  await page.waitForFunction(() => document.documentElement.dataset.app === 'live')
  await page.getByRole('banner').waitFor({ state: 'visible' })
}

/** WCAG relative luminance of a computed `rgb(…)`/`rgba(…)` colour, 0 (black) to 1 (white). */
function luminanceOf(css: string): number {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number)
  const channel = (v: number) => {
    const c = v / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/** `rgb(26, 34, 44)` → `#1a222c`, for contrast.ts. */
function hexOf(css: string): string {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number)
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`
}

async function pageColours(page: Page): Promise<{ background: string; text: string }> {
  return page.evaluate(() => {
    const style = getComputedStyle(document.documentElement)
    return { background: style.backgroundColor, text: style.color }
  })
}

/** Every chart bar's fill and the background of the chart it is drawn on. */
async function barContrasts(page: Page): Promise<Array<{ key: string; ratio: number }>> {
  const bars = await page.evaluate(() =>
    [...document.querySelectorAll<SVGRectElement>('.chart-mark__bar')]
      .filter((bar) => bar.width.baseVal.value > 0 && bar.height.baseVal.value > 0)
      .map((bar) => {
        let node: Element | null = bar
        let background = 'rgba(0, 0, 0, 0)'
        while (node && /rgba\(.*, 0\)$|transparent/.test(background)) {
          background = getComputedStyle(node).backgroundColor
          node = node.parentElement
        }
        return {
          key: bar.closest('[data-key]')?.getAttribute('data-key') ?? '?',
          fill: getComputedStyle(bar).fill,
          background,
        }
      }),
  )
  return bars.map((bar) => ({
    key: bar.key,
    ratio: contrastRatio(hexOf(bar.fill), hexOf(bar.background)),
  }))
}

async function contrastViolations(page: Page): Promise<Array<string>> {
  const results = await new AxeBuilder({ page })
    .withRules(['color-contrast', 'link-in-text-block'])
    .analyze()
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id} at ${node.target.join(' ')}: ${node.failureSummary ?? ''}`,
    ),
  )
}

describe('with the system in dark mode', () => {
  for (const [name, path] of VIEWS) {
    for (const [size, viewport] of [
      ['1280', DESKTOP],
      ['375', MOBILE],
    ] as const) {
      it(`shows ${name} dark and readable at ${size} px`, async () => {
        const page = await pageIn('dark', viewport)
        await open(page, path)
        await drawAllCharts(page)
        await screenshot(page, `theme-dark-${name}-${size}`)

        const { background, text } = await pageColours(page)
        expect(luminanceOf(background), `page background ${background}`).toBeLessThan(0.05)
        expect(luminanceOf(text), `text ${text}`).toBeGreaterThan(0.6)
        expect(await page.locator('html').getAttribute('data-theme')).toBeNull()

        expect(await contrastViolations(page)).toEqual([])
        const bars = await barContrasts(page)
        if (name !== 'article') expect(bars.length).toBeGreaterThan(0)
        for (const bar of bars) expect(bar.ratio, bar.key).toBeGreaterThanOrEqual(3)
        expectNoConsoleErrors(page)
      })
    }
  }
})

describe('the theme switch', () => {
  it('overrides the system with Light, and remembers it after a reload', async () => {
    const page = await pageIn('dark')
    await open(page, `/districts/${firstDistrict}`)
    const group = page.getByRole('group', { name: 'Colour theme' })
    await group.getByRole('button', { name: 'Light', exact: true }).click()

    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light')
    expect(luminanceOf((await pageColours(page)).background)).toBeGreaterThan(0.9)
    expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBe('light')

    await page.reload({ waitUntil: 'networkidle' })
    await page.waitForFunction(() => document.documentElement.dataset.app === 'live')
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light')
    expect(luminanceOf((await pageColours(page)).background)).toBeGreaterThan(0.9)
    await expect
      .poll(() =>
        group.getByRole('button', { name: 'Light', exact: true }).getAttribute('aria-pressed'),
      )
      .toBe('true')
    await drawAllCharts(page)
    expect(await contrastViolations(page)).toEqual([])
    await screenshot(page, 'theme-light-over-dark-system')
    expectNoConsoleErrors(page)
  })

  it('turns a light system dark with Dark, and back to the system with System', async () => {
    const page = await pageIn('light')
    await open(page, `/compare?districts=${firstDistrict},${secondDistrict}`)
    const group = page.getByRole('group', { name: 'Colour theme' })
    await group.getByRole('button', { name: 'Dark', exact: true }).click()
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark')
    expect(luminanceOf((await pageColours(page)).background)).toBeLessThan(0.05)
    await drawAllCharts(page)
    for (const bar of await barContrasts(page)) expect(bar.ratio, bar.key).toBeGreaterThanOrEqual(3)
    expect(await contrastViolations(page)).toEqual([])

    await group.getByRole('button', { name: 'System', exact: true }).click()
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBeNull()
    expect(luminanceOf((await pageColours(page)).background)).toBeGreaterThan(0.9)
    expect(await page.evaluate((key) => localStorage.getItem(key), THEME_STORAGE_KEY)).toBeNull()
    expectNoConsoleErrors(page)
  })

  it('is in place before the app runs, so a prerendered page is not drawn in the wrong theme', async () => {
    const context = await browser.newContext({
      viewport: DESKTOP,
      baseURL: inject('baseUrl'),
      colorScheme: 'dark',
    })
    contexts.push(context)
    await context.addInitScript((key) => localStorage.setItem(key, 'light'), THEME_STORAGE_KEY)
    const page = await context.newPage()
    await page.goto('/', { waitUntil: 'domcontentloaded' })
    // The boot module runs before DOMContentLoaded and long before the app takes over.
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light')
    expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined()
  })
})

describe('printed', () => {
  for (const [name, path] of VIEWS.slice(0, 4)) {
    it(`prints ${name} without navigation, black on white, with its charts, even in dark mode`, async () => {
      const page = await pageIn('dark')
      await open(page, path)
      await page.getByRole('button', { name: 'Dark', exact: true }).click()
      await drawAllCharts(page)
      await page.emulateMedia({ media: 'print' })

      await expect.poll(() => page.locator('.site-nav').isVisible()).toBe(false)
      expect(await page.getByRole('group', { name: 'Colour theme' }).isVisible()).toBe(false)
      expect(await page.getByRole('group', { name: 'Language' }).isVisible()).toBe(false)
      expect(await page.locator('.skip-link').isVisible()).toBe(false)
      expect(
        await page
          .getByRole('button', { name: /^Export/ })
          .first()
          .isVisible(),
      ).toBe(false)
      expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true)
      expect(await page.getByRole('contentinfo').isVisible()).toBe(true)

      const { background, text } = await pageColours(page)
      expect(luminanceOf(background)).toBe(1)
      expect(luminanceOf(text)).toBe(0)

      const charts = page.locator('figure svg')
      if (name !== 'article') {
        expect(await charts.count()).toBeGreaterThan(0)
        expect(await charts.first().isVisible()).toBe(true)
        // Kept whole on a sheet.
        const breakInside = await page
          .locator('.chart-frame')
          .first()
          .evaluate((frame) => getComputedStyle(frame).breakInside)
        expect(breakInside).toBe('avoid')
      }
      await screenshot(page, `theme-print-${name}`)
      const pdf = await page.pdf({ format: 'A4' })
      expect(pdf.byteLength).toBeGreaterThan(1000)
      expectNoConsoleErrors(page)
    })
  }

  it('prints the evidence panel only when it is open', async () => {
    const page = await pageIn('light')
    await open(page, `/districts/${firstDistrict}`)
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('dialog').count()).toBe(0)

    const edition = articleIndex.articles.find((a) => a.district === firstDistrict)?.edition ?? 6
    await open(page, `/districts/${firstDistrict}?evidence=${firstDistrict}.${edition}.*`)
    const dialog = page.getByRole('dialog')
    await dialog.waitFor({ state: 'visible' })
    expect(await dialog.isVisible()).toBe(true)
    // In the flow after the page, not a layer over it; its close button is for the screen.
    const position = await page
      .locator('.evidence-backdrop')
      .evaluate((el) => getComputedStyle(el).position)
    expect(position).toBe('static')
    expect(await dialog.getByRole('button').first().isVisible()).toBe(false)
    await screenshot(page, 'theme-print-evidence')
    expectNoConsoleErrors(page)
  })
})
