/**
 * Every view of the built app on the bundled articles (data/articles): each route shows its main
 * heading without console errors, serious axe violations or layout problems (layout-checks.ts)
 * at both widths (screenshots in test-results/screenshots/views-*.png), and the paths a reader
 * takes through the data work end to end: a bar → its evidence → the sentence in the article, by
 * mouse and by keyboard; a comparison built with the picker and kept in the URL; a chart read as
 * a table; a headline tile that reads like its bar.
 *
 * Expected values come from the API files the build wrote (dist/api), never from literals, so
 * the spec follows the articles.
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ArticleDetailSchema,
  ArticleIndexSchema,
  ConflictsFileSchema,
  DistrictDetailSchema,
  SummarySchema,
  type Aggregate,
  type ArticleDetail,
  type DistrictDetail,
  type DistrictId,
  type Observation,
} from '../../src/pipeline/schema'
import { CONFLICTS_PER_PAGE } from '../../src/queries/conflicts-query'
import {
  DESKTOP,
  MOBILE,
  checkAxe,
  drawAllCharts,
  expectNoConsoleErrors,
  launchBrowser,
  openPage,
  screenshot,
  type Viewport,
} from './browser'
import { expectReadableLayout } from './layout-checks'

const API_DIR = join(import.meta.dirname, '../../dist/api')
const readJson = async (path: string): Promise<unknown> =>
  JSON.parse(await readFile(join(API_DIR, path), 'utf8'))

// global-setup.ts has built dist before any spec is collected, so the cases can name the data.
const summary = v.parse(SummarySchema, await readJson('summary.json'))
const articleIndex = v.parse(ArticleIndexSchema, await readJson('articles.json'))
const conflicts = v.parse(ConflictsFileSchema, await readJson('conflicts.json'))

const VIEWPORTS: Array<[string, Viewport]> = [
  ['1280x800', DESKTOP],
  ['375x800', MOBILE],
]

const districtDetails = new Map<DistrictId, DistrictDetail>()
async function districtDetail(id: DistrictId): Promise<DistrictDetail> {
  const cached = districtDetails.get(id)
  if (cached) return cached
  const detail = v.parse(DistrictDetailSchema, await readJson(`districts/${id}.json`))
  districtDetails.set(id, detail)
  return detail
}

async function articleDetail(id: string): Promise<ArticleDetail> {
  return v.parse(ArticleDetailSchema, await readJson(`articles/${encodeURIComponent(id)}.json`))
}

function district(id: string) {
  const found = summary.districts.find((d) => d.id === id)
  if (!found) throw new Error(`the summary has no district "${id}"`)
  return found
}

function edition(n: number) {
  const found = summary.editions.find((e) => e.edition === n)
  if (!found) throw new Error(`the summary has no edition ${n}`)
  return found
}

function metric(key: string) {
  const found = summary.metrics.find((m) => m.key === key)
  if (!found) throw new Error(`the summary has no metric "${key}"`)
  return found
}

/** The editions with at least one value, oldest first; the overview opens on the last. */
const editionsWithData = [...new Set(summary.aggregates.map((a) => a.edition))].sort(
  (a, b) => a - b,
)
const latestEdition = editionsWithData.at(-1)
/** The edition whose page is opened: the latest with figures (the bundled articles: the 6th). */
const EDITION = latestEdition ?? 6
/** The metric with the most values (catalog order on a tie): the one to open on /metrics. */
const busiestMetric = [...summary.metrics]
  .map((m) => ({ key: m.key, count: summary.aggregates.filter((a) => a.metric === m.key).length }))
  .sort((a, b) => b.count - a.count)[0]
/** The bundled articles name these two districts; the spec is about them. */
const [JINGAN, QINGPU] = [district('jingan'), district('qingpu')]

/** The observations behind one chart value, as the evidence panel must list them. */
async function evidenceOf(cell: Pick<Aggregate, 'district' | 'edition' | 'metric'>) {
  const detail = await districtDetail(cell.district)
  return detail.observations.filter(
    (o) =>
      o.scope === 'ciie' &&
      o.district === cell.district &&
      o.edition === cell.edition &&
      o.metric === cell.metric,
  )
}

/** A chart value's key ("jingan|6|agreements_signed") read back into its cell. */
function cellOfKey(key: string | null): Pick<Aggregate, 'district' | 'edition' | 'metric'> {
  const [districtId = '', editionText = '', metricKey = ''] = (key ?? '').split('|')
  const cell = summary.aggregates.find(
    (a) => a.district === districtId && a.edition === Number(editionText) && a.metric === metricKey,
  )
  if (!cell) throw new Error(`the chart value "${key}" is not a cell of the summary`)
  return cell
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** The text of the page's one `<h1>`, once it is there. */
async function mainHeading(page: Page): Promise<string> {
  const heading = page.locator('main h1')
  // A view that is still loading shows a skeleton without a heading: wait for it to settle.
  await expect.poll(() => heading.count(), { message: 'one main heading', timeout: 10_000 }).toBe(1)
  await heading.waitFor({ state: 'visible', timeout: 10_000 })
  return ((await heading.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

interface RouteCase {
  /** For the test's name and the screenshot's: views-<name>-<size>.png */
  name: string
  path: string
  /** What the `<h1>` must say (a string it must contain, or a pattern). */
  heading: string | RegExp
  /** Failed requests and console lines the route causes on purpose. */
  allow?: ReadonlyArray<RegExp>
  /** What else the route must show. */
  shows?: (page: Page) => Promise<void>
}

const routes: Array<RouteCase> = [
  {
    name: 'overview',
    path: '/',
    heading: latestEdition === undefined ? /CIIE/ : edition(latestEdition).en,
    shows: async (page) => {
      const tiles = page.getByRole('region', { name: 'Headline figures' }).getByRole('button')
      expect(await tiles.count()).toBe(
        new Set(summary.aggregates.filter((a) => a.edition === latestEdition).map((a) => a.metric))
          .size,
      )
      expect(await page.locator('figure g[role="button"]').count()).toBeGreaterThan(0)
    },
  },
  ...[JINGAN, QINGPU].map((d) => ({
    name: `district-${d.id}`,
    path: `/districts/${d.id}`,
    heading: d.en,
    shows: async (page: Page) => {
      expect(await mainHeading(page)).toContain(d.zh)
      // One chart (a figure with bars) per metric the district reports.
      const metrics = new Set(
        summary.aggregates.filter((a) => a.district === d.id).map((a) => a.metric),
      )
      expect(await page.locator('figure:has(g[role="button"])').count()).toBeGreaterThanOrEqual(
        metrics.size,
      )
    },
  })),
  {
    name: `edition-${EDITION}`,
    path: `/editions/${EDITION}`,
    heading: edition(EDITION).en,
    shows: async (page) => {
      const metrics = new Set(
        summary.aggregates.filter((a) => a.edition === EDITION).map((a) => a.metric),
      )
      expect(await page.locator('figure:has(g[role="button"])').count()).toBe(metrics.size)
    },
  },
  {
    name: 'compare',
    path: `/compare?districts=${JINGAN.id},${QINGPU.id}`,
    heading: /compare/i,
    shows: async (page) => {
      expect(await chipNames(page)).toEqual([JINGAN.en, QINGPU.en])
    },
  },
  ...(busiestMetric
    ? [
        {
          name: `metric-${busiestMetric.key}`,
          path: `/metrics/${busiestMetric.key}`,
          heading: metric(busiestMetric.key).en,
          shows: async (page: Page) => {
            expect(await page.locator('figure g[role="button"]').count()).toBe(busiestMetric.count)
            // The heat table: one button per reported value.
            expect(await page.locator('table button').count()).toBe(busiestMetric.count)
          },
        },
      ]
    : []),
  ...articleIndex.articles.map((article) => ({
    name: `article-${article.id}`,
    path: `/articles/${article.id}`,
    heading: article.title,
    shows: async (page: Page) => {
      const detail = await articleDetail(article.id)
      // Every figure read from the article is highlighted in its text.
      for (const observation of detail.observations) {
        const mark = page.locator(`mark[data-observation-id="${observation.id}"]`)
        expect(await mark.count(), `a <mark> for ${observation.id}`).toBe(1)
        expect(await mark.textContent()).toBe(observation.text)
      }
    },
  })),
  {
    name: 'sources',
    path: '/sources',
    heading: /sources/i,
    shows: async (page) => {
      const text = (await page.locator('main').textContent()) ?? ''
      for (const article of articleIndex.articles) expect(text).toContain(article.title)
    },
  },
  {
    name: 'conflicts',
    path: '/conflicts',
    heading: /conflicts/i,
    shows: async (page) => {
      // One cell per open conflict (up to the first page); on agreeing articles, words saying so.
      const open = conflicts.conflicts.length
      if (open === 0) await page.getByText('No conflicts', { exact: true }).waitFor()
      else
        await expect
          .poll(() => page.locator('article.conflict').count())
          .toBe(Math.min(open, CONFLICTS_PER_PAGE))
    },
  },
  { name: 'district-not-found', path: '/districts/atlantis', heading: /district not found/i },
  { name: 'page-not-found', path: '/nope', heading: /page not found/i },
  {
    name: 'article-not-found',
    path: '/articles/no-such-article',
    heading: /article not found/i,
    // The view asks for the article's file; its absence is how the view knows.
    allow: [
      /\/api\/articles\/no-such-article\.json: 404$/,
      /status of 404 \(Not Found\) \(.*\/api\/articles\/no-such-article\.json/,
    ],
  },
]

describe.each(routes)('$name ($path)', (route) => {
  it.each(VIEWPORTS)(
    'shows its heading without errors, serious axe violations or layout problems at %s',
    async (size, viewport) => {
      const page = await openPage(browser, route.path, viewport)
      try {
        await drawAllCharts(page)
        await screenshot(page, `views-${route.name}-${size}`)
        const heading = await mainHeading(page)
        if (typeof route.heading === 'string') expect(heading).toContain(route.heading)
        else expect(heading).toMatch(route.heading)
        expectNoConsoleErrors(page, { allow: route.allow ?? [] })
        await checkAxe(page)
        await route.shows?.(page)
        // The scale fixture stresses the layout (readability.test.ts); the real data must pass too.
        await expectReadableLayout(page)
      } finally {
        await page.context().close()
      }
    },
  )
})

/** The names on the compare picker's chips, in order. */
async function chipNames(page: Page): Promise<Array<string>> {
  const chips = page.getByRole('list', { name: 'Chosen districts' }).locator('.compare-chip__name')
  return (await chips.allTextContents()).map((name) => name.trim())
}

/** How long an action's result may take to show; a failure then says what it waited for. */
const SHOWS_WITHIN = { timeout: 5_000 }

/**
 * The evidence dialog for `cell` is open on `page`: it lists every observation behind the value
 * (dist/api/districts/<id>.json) with its whole sentence, the figure's words in a `<mark>` and a
 * link "Read it in the article". Follows that link for the first one listed and checks the
 * article view shows that figure highlighted, scrolled to and focused.
 */
async function expectEvidenceAndFollowIt(
  page: Page,
  cell: Pick<Aggregate, 'district' | 'edition' | 'metric'>,
  screenshotName: string,
): Promise<void> {
  const expected = await evidenceOf(cell)
  expect(expected.length, 'observations behind the value').toBeGreaterThan(0)
  const dialog = page.getByRole('dialog')
  await dialog
    .locator('blockquote mark')
    .first()
    .waitFor({ state: 'visible', ...SHOWS_WITHIN })
  const title = (await dialog.getByRole('heading').first().textContent()) ?? ''
  expect(title).toContain(district(cell.district).en)
  expect(title).toContain(metric(cell.metric).en)

  const items = dialog.locator('li:has(blockquote)')
  const shown = await items.evaluateAll((lis) =>
    lis.map((li) => ({
      sentence: li.querySelector('blockquote')?.textContent ?? '',
      marks: [...li.querySelectorAll('blockquote mark')].map((m) => m.textContent ?? ''),
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      link: li.querySelector('a')?.textContent ?? '',
    })),
  )
  const sentences = (list: Array<{ sentence: string }>) => list.map((o) => o.sentence).sort()
  expect(sentences(shown)).toEqual(sentences(expected))
  for (const observation of expected) {
    const item = shown.find((s) => s.sentence === observation.sentence)
    expect(item?.marks, `the marked words of ${observation.id}`).toEqual([observation.text])
    expect(item?.link).toBe('Read it in the article')
    const href = new URL(item?.href ?? '', 'http://app.invalid')
    expect(href.pathname).toBe(`/articles/${observation.article}`)
    expect(href.searchParams.get('highlight')).toBe(observation.id)
  }
  await screenshot(page, screenshotName, { fullPage: false })

  const observation = expected.find((o) => o.sentence === shown[0]?.sentence) as Observation
  await items.first().getByRole('link', { name: 'Read it in the article' }).click()
  await page.waitForURL((url) => url.pathname === `/articles/${observation.article}`)
  const article = articleIndex.articles.find((a) => a.id === observation.article)
  // The article view replaces the last one once its code and data are in.
  await expect.poll(() => mainHeading(page), SHOWS_WITHIN).toBe(article?.title)
  const mark = page.locator(`mark[data-observation-id="${observation.id}"]`)
  await mark.waitFor({ state: 'visible', ...SHOWS_WITHIN })
  expect(await mark.textContent()).toBe(observation.text)
  expect(await mark.getAttribute('aria-current')).toBe('true')
  // Only the figure the link named is the current one.
  expect(await page.locator('mark[aria-current="true"]').count()).toBe(1)
  // Scrolled to and focused, so the reader lands on it.
  await page.waitForFunction(
    (id) => {
      const active = document.activeElement
      if (!(active instanceof HTMLElement) || active.dataset.observationId !== id) return false
      const box = active.getBoundingClientRect()
      return box.top >= 0 && box.bottom <= window.innerHeight
    },
    observation.id,
    SHOWS_WITHIN,
  )
  // The view scrolls smoothly: let it stop before the picture is taken.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = -1
        let still = 0
        const started = performance.now()
        const step = () => {
          still = window.scrollY === last ? still + 1 : 0
          last = window.scrollY
          if (still >= 5 || performance.now() - started > 2_000) resolve()
          else requestAnimationFrame(step)
        }
        requestAnimationFrame(step)
      }),
  )
  await screenshot(page, `${screenshotName}-article`, { fullPage: false })
}

/**
 * Presses Tab until the focused element matches `selector`. Returns whether it got there and
 * where focus went on the way (for the failure message).
 */
async function tabTo(
  page: Page,
  selector: string,
  maxPresses = 40,
): Promise<{ reached: boolean; trail: Array<string> }> {
  const trail: Array<string> = []
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press('Tab')
    const step = await page.evaluate((s) => {
      const active = document.activeElement
      const label = active?.getAttribute('aria-label') ?? active?.textContent ?? ''
      const name =
        !active || active === document.body
          ? '<body>'
          : `<${active.tagName.toLowerCase()}> ${label.trim().slice(0, 40)}`
      return { reached: active?.matches(s) ?? false, name }
    }, selector)
    trail.push(step.name)
    if (step.reached) return { reached: true, trail }
  }
  return { reached: false, trail }
}

/** What has focus now: its data-key, or its accessible label, or its tag. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement
    if (!active) return 'nothing'
    return (
      active.getAttribute('data-key') ??
      active.getAttribute('aria-label') ??
      active.tagName.toLowerCase()
    )
  })
}

describe('evidence', () => {
  it('clicking a bar on the overview opens its sentences, and "Read it in the article" shows the figure in the text', async () => {
    const page = await openPage(browser, '/')
    try {
      const bar = page.locator('figure g[role="button"]').first()
      const cell = cellOfKey(await bar.getAttribute('data-key'))
      expect(await bar.getAttribute('aria-label')).toContain(district(cell.district).en)
      const element = await bar.elementHandle()
      await bar.click()
      const opened = await page
        .getByRole('dialog')
        .waitFor({ state: 'visible', ...SHOWS_WITHIN })
        .then(
          () => true,
          () => false,
        )
      if (!opened) {
        await screenshot(page, 'views-evidence-click-1280x800', { fullPage: false })
        const replaced = (await element?.evaluate((node) => !node.isConnected)) ?? false
        throw new Error(
          `clicking the bar "${await bar.getAttribute('aria-label')}" opened no evidence dialog (URL ${page.url()})` +
            (replaced
              ? '; the clicked bar element was replaced by a new one during the click'
              : ''),
        )
      }
      await expectEvidenceAndFollowIt(page, cell, 'views-evidence-click-1280x800')
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })

  it('the evidence panel opened by its link lists each sentence with the number marked and leads to the article', async () => {
    // The same panel without the chart: `?evidence=` is how the views open it.
    const cell = summary.aggregates.find((a) => a.edition === latestEdition)
    if (!cell) throw new Error('the bundled data has no value to open')
    const page = await openPage(
      browser,
      `/?evidence=${cell.district}.${cell.edition}.${cell.metric}`,
    )
    try {
      await expectEvidenceAndFollowIt(page, cell, 'views-evidence-link-1280x800')
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })

  it('Tab reaches a bar, Enter opens its evidence, Escape closes it and focus returns to the bar', async () => {
    const page = await openPage(browser, '/')
    try {
      const { reached, trail } = await tabTo(page, 'figure [role="button"][data-key]')
      expect(
        reached,
        `a chart bar reachable with Tab; focus went: ${trail.slice(10, 20).join(' → ')}`,
      ).toBe(true)
      const key = await focused(page)
      const cell = cellOfKey(key)

      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog')
      await dialog.waitFor({ state: 'visible', ...SHOWS_WITHIN })
      await dialog.locator('blockquote').first().waitFor(SHOWS_WITHIN)
      expect(await dialog.locator('blockquote').count()).toBe((await evidenceOf(cell)).length)
      expect(
        await page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null),
        'focus moves into the dialog',
      ).toBe(true)

      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached', ...SHOWS_WITHIN })
      await page
        .waitForFunction((k) => document.activeElement?.getAttribute('data-key') === k, key, {
          timeout: 2_000,
        })
        .catch(() => undefined)
      expect(await focused(page), 'focus back on the bar that opened the dialog').toBe(key)
      expect(new URL(page.url()).searchParams.has('evidence')).toBe(false)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })

  it('Tab reaches a headline tile, Enter opens its evidence, Escape returns focus to the tile', async () => {
    const page = await openPage(browser, '/')
    try {
      expect((await tabTo(page, 'button.tile')).reached, 'a tile reachable with Tab').toBe(true)
      const tile = await focused(page)
      await page.keyboard.press('Enter')
      const dialog = page.getByRole('dialog')
      await dialog.locator('blockquote mark').first().waitFor(SHOWS_WITHIN)
      await page.keyboard.press('Escape')
      await dialog.waitFor({ state: 'detached', ...SHOWS_WITHIN })
      await page
        .waitForFunction(
          (label) => document.activeElement?.getAttribute('aria-label') === label,
          tile,
          {
            timeout: 2_000,
          },
        )
        .catch(() => undefined)
      expect(await focused(page), 'focus back on the tile').toBe(tile)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })
})

describe('compare', () => {
  it('adds a district with the picker, keeps the order in the URL across a reload, and removes one', async () => {
    const page = await openPage(browser, `/compare?districts=${JINGAN.id}`)
    try {
      expect(await chipNames(page)).toEqual([JINGAN.en])
      await page.getByLabel('Add a district').selectOption(QINGPU.id)
      await page.getByRole('button', { name: 'Add', exact: true }).click()
      await page.waitForURL(
        (url) => url.searchParams.get('districts') === `${JINGAN.id},${QINGPU.id}`,
        SHOWS_WITHIN,
      )
      // The router updates the URL first and the view in a transition just after.
      await expect.poll(() => chipNames(page), SHOWS_WITHIN).toEqual([JINGAN.en, QINGPU.en])

      await page.reload({ waitUntil: 'networkidle' })
      await page.getByRole('list', { name: 'Chosen districts' }).waitFor(SHOWS_WITHIN)
      expect(new URL(page.url()).searchParams.get('districts')).toBe(`${JINGAN.id},${QINGPU.id}`)
      expect(await chipNames(page)).toEqual([JINGAN.en, QINGPU.en])
      // Every metric's row of panels follows the same order.
      const rows = page.locator('.compare-metric:has(.compare-panel)')
      expect(await rows.count()).toBeGreaterThan(0)
      for (const row of await rows.all()) {
        const panels = await row.locator('.compare-panel__title').allTextContents()
        expect(panels.map((name) => name.trim())).toEqual([JINGAN.en, QINGPU.en])
      }

      await page.getByRole('button', { name: `Remove ${JINGAN.en}` }).click()
      await page.waitForURL((url) => url.searchParams.get('districts') === QINGPU.id, SHOWS_WITHIN)
      await expect.poll(() => chipNames(page), SHOWS_WITHIN).toEqual([QINGPU.en])
      expect(await page.getByRole('button', { name: `Remove ${JINGAN.en}` }).count()).toBe(0)
      expect(await page.locator('.compare-panel').count()).toBe(0)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })
})

describe('charts as tables', () => {
  it('"Show data as table" on the overview chart shows every district with its value', async () => {
    const page = await openPage(browser, '/')
    try {
      // The figure by its title, not by its bars: the bars go when the table comes.
      const titleId = await page
        .locator('figure:has(g[role="button"])')
        .first()
        .getAttribute('aria-labelledby')
      const figure = page.locator(`figure[aria-labelledby="${titleId}"]`)
      const cell = cellOfKey(
        await figure.locator('g[role="button"]').first().getAttribute('data-key'),
      )
      const reported = summary.aggregates.filter(
        (a) => a.edition === cell.edition && a.metric === cell.metric,
      )

      await figure.getByRole('button', { name: 'Show data as table' }).click()
      const table = figure.getByRole('table')
      await table.waitFor({ state: 'visible', ...SHOWS_WITHIN })
      expect(await figure.locator('svg g[role="button"]').count()).toBe(0)
      const rows = await table
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
        )
      expect(rows.map((r) => r[0])).toEqual(summary.districts.map((d) => d.en))
      for (const aggregate of reported) {
        const row = rows.find((r) => r[0] === district(aggregate.district).en)
        expect(row?.[1], `${aggregate.district}'s value`).toContain(
          numberFormat.format(aggregate.value),
        )
      }
      for (const d of summary.districts.filter((d) => !reported.some((a) => a.district === d.id))) {
        expect(rows.find((r) => r[0] === d.en)?.[1]).toBe('not reported')
      }
      await screenshot(page, 'views-overview-table-1280x800')

      await figure.getByRole('button', { name: 'Show chart' }).click()
      await figure.locator('svg g[role="button"]').first().waitFor(SHOWS_WITHIN)
      expectNoConsoleErrors(page)
    } finally {
      await page.context().close()
    }
  })
})

describe('headline figures', () => {
  // README: "a lower bound shows as '80+' for counts and areas below a million"; a tile that
  // sums a single district's value reads as that value (overview.tsx), like its bar does.
  const single =
    latestEdition === undefined
      ? undefined
      : summary.aggregates.find(
          (a) =>
            a.edition === latestEdition &&
            a.qualifier === 'more_than' &&
            a.unit === 'count' &&
            a.value < 1e6 &&
            summary.aggregates.filter((b) => b.edition === a.edition && b.metric === a.metric)
              .length === 1,
        )

  it.runIf(single !== undefined)(
    'a tile with one district’s "more than" count reads like its bar ("80+")',
    async () => {
      if (!single) return
      const page = await openPage(browser, `/?metric=${single.metric}`)
      try {
        const label = metric(single.metric).en
        const tile = page
          .getByRole('region', { name: 'Headline figures' })
          .getByRole('button', { name: new RegExp(`^${label}:`) })
        const tileValue = ((await tile.locator('.tile__value').textContent()) ?? '').trim()
        const bar = page.locator(
          `figure g[role="button"][data-key="${single.district}|${single.edition}|${single.metric}"]`,
        )
        const barValue = ((await bar.locator('text').first().textContent()) ?? '').trim()
        expect(barValue).toBe(`${numberFormat.format(single.value)}+`)
        expect(tileValue, `the ${label} tile`).toBe(barValue)
      } finally {
        await page.context().close()
      }
    },
  )
})
