/**
 * The overview and the compare view in both languages, as a reader sees them in the built app at
 * 1280 px: `<html lang>`, the view's words in the language chosen (and none of the English
 * labels in Chinese), no sideways scrolling, axe clean. Screenshots:
 * test-results/screenshots/i18n-views-<view>-<lang>-1280.png.
 *
 * Expected names come from the API files the build wrote (dist/api), never from literals.
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SummarySchema } from '../../src/pipeline/schema'
import {
  DESKTOP,
  checkAxe,
  drawAllCharts,
  expectNoConsoleErrors,
  launchBrowser,
  newPage,
  screenshot,
} from './browser'

const API_DIR = join(import.meta.dirname, '../../dist/api')
const summary = v.parse(
  SummarySchema,
  JSON.parse(await readFile(join(API_DIR, 'summary.json'), 'utf8')),
)
const district = (id: string) => {
  const found = summary.districts.find((d) => d.id === id)
  if (!found) throw new Error(`no district ${id} in the summary`)
  return found
}
const jingan = district('jingan')
const qingpu = district('qingpu')

interface Case {
  view: 'overview' | 'compare'
  path: string
  lang: 'en' | 'zh'
  htmlLang: string
  /** Text the page shows in this language. */
  shows: ReadonlyArray<string>
  /** Text it must not show: the other language's labels. */
  hides: ReadonlyArray<string>
}

// English labels of the charts these views draw, which the Chinese page must not show.
const ENGLISH_LABELS = [
  'by district',
  'click a bar for its sources',
  'Compare districts',
  'Add a district',
  'Export all',
  'Independent scales',
  'Figures shown',
  'CIIE edition',
]

const CASES: ReadonlyArray<Case> = [
  {
    view: 'overview',
    path: '/?lang=en',
    lang: 'en',
    htmlLang: 'en',
    shows: ['by district', 'click a bar for its sources', jingan.en],
    hides: ['各区', '点击柱形可查看来源'],
  },
  {
    view: 'overview',
    path: '/?lang=zh',
    lang: 'zh',
    htmlLang: 'zh-CN',
    shows: ['各区', '点击柱形可查看来源', jingan.zh],
    hides: ENGLISH_LABELS,
  },
  {
    view: 'compare',
    path: '/compare?districts=jingan,qingpu&lang=en',
    lang: 'en',
    htmlLang: 'en',
    shows: ['Compare districts', 'Add a district', 'Export all', jingan.en, qingpu.en],
    hides: ['各区对比', '添加区', jingan.zh],
  },
  {
    view: 'compare',
    path: '/compare?districts=jingan,qingpu&lang=zh',
    lang: 'zh',
    htmlLang: 'zh-CN',
    shows: ['各区对比', '添加区', '全部导出', '独立刻度', jingan.zh, qingpu.zh],
    hides: [...ENGLISH_LABELS, jingan.en, qingpu.en],
  },
]

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** The page's text a reader sees (not scripts, not what is hidden). */
const visibleText = (page: Page) => page.evaluate(() => document.body.innerText)

describe('the overview and compare views in English and Chinese at 1280 px', () => {
  it.each(CASES)('$view in $lang', async ({ view, path, lang, htmlLang, shows, hides }) => {
    const page = await newPage(browser, DESKTOP)
    await page.goto(path, { waitUntil: 'networkidle' })
    await page.waitForFunction(() => document.documentElement.dataset.app === 'live')
    await page.getByRole('heading', { level: 1 }).waitFor({ state: 'visible' })
    await drawAllCharts(page)

    expect(await page.locator('html').getAttribute('lang')).toBe(htmlLang)
    const text = await visibleText(page)
    for (const expected of shows) expect(text, `${view} in ${lang} shows it`).toContain(expected)
    for (const unexpected of hides)
      expect(text, `${view} in ${lang} does not show it`).not.toContain(unexpected)

    await screenshot(page, `i18n-views-${view}-${lang}-1280`)
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    )
    expect(overflow, 'the page scrolls sideways').toBeLessThanOrEqual(0)
    await checkAxe(page)
    expectNoConsoleErrors(page)
    await page.context().close()
  })
})
