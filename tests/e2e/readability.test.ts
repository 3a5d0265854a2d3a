/**
 * The views with a full grid: the scale fixture's API (16 districts × 8 editions, served by
 * `useScaleApi`) in place of the two bundled articles. At both widths each view must stay
 * readable (layout-checks.ts: no overlapping chart labels, no sideways scrolling of the page,
 * charts inside their figures, legends that fit), and the compare picker must take districts up
 * to six and no more. Screenshots: test-results/screenshots/scale-*.png — look at them.
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
  expectNoConsoleErrors,
  goto,
  launchBrowser,
  newPage,
  screenshot,
  // Not a React hook, whatever its name: aliased so the hooks lint rule leaves the helper alone.
  drawAllCharts,
  useScaleApi as serveScaleApi,
  type ServedRequest,
  type Viewport,
} from './browser'
import { countCharts, expectReadableLayout, findLayoutProblems } from './layout-checks'

// global-setup.ts has built the scale API before any spec is collected.
const scale = v.parse(
  SummarySchema,
  JSON.parse(await readFile(join(inject('scaleApiDir'), 'summary.json'), 'utf8')),
)

const VIEWPORTS: Array<[string, Viewport]> = [
  ['1280x800', DESKTOP],
  ['375x800', MOBILE],
]

/** Keys by how many values they have, most first; catalog order on a tie. */
function busiest<T>(keys: ReadonlyArray<T>, count: (key: T) => number): Array<T> {
  return keys
    .map((key, index) => ({ key, index, count: count(key) }))
    .sort((a, b) => b.count - a.count || a.index - b.index)
    .map((entry) => entry.key)
}

const busiestEdition = busiest(
  scale.editions.map((e) => e.edition),
  (n) => scale.aggregates.filter((a) => a.edition === n).length,
)[0]
const busiestMetric = busiest(
  scale.metrics.map((m) => m.key),
  (key) => scale.aggregates.filter((a) => a.metric === key).length,
)[0]
/** The six districts with the most values: the fullest comparison the picker allows. */
const sixDistricts: Array<DistrictId> = busiest(
  scale.districts.map((d) => d.id),
  (id) => scale.aggregates.filter((a) => a.district === id).length,
).slice(0, 6)
const nameOf = (id: DistrictId) => scale.districts.find((d) => d.id === id)?.en ?? id

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** A page on the scale fixture's API showing `path`, and the API requests it made. */
async function openScalePage(
  path: string,
  viewport: Viewport,
): Promise<{ page: Page; served: Array<ServedRequest> }> {
  const page = await newPage(browser, viewport)
  const served = await serveScaleApi(page)
  await goto(page, path)
  await drawAllCharts(page)
  return { page, served }
}

/** The checks every view gets, after its screenshot (so a failure has one to look at). */
async function expectReadable(page: Page, served: Array<ServedRequest>): Promise<void> {
  expect(await countCharts(page), 'charts on the page').toBeGreaterThan(0)
  await expectReadableLayout(page)
  expectNoConsoleErrors(page)
  expect(served.filter((request) => request.status !== 200)).toEqual([])
}

describe('layout-checks.ts itself', () => {
  it('finds each kind of problem on a page made to have them, and nothing on a clean one', async () => {
    const page = await browser.newPage({ viewport: MOBILE })
    try {
      const chart = (texts: string) =>
        `<figure style="width:300px;margin:0"><figcaption><h2>Chart</h2></figcaption>` +
        `<svg width="300" height="60" style="overflow:visible">${texts}</svg></figure>`
      await page.setContent(
        `<body style="margin:0">` +
          chart('<text x="10" y="20">left</text><text x="250" y="40">right</text>') +
          // A scroll box may hold anything wider than the page.
          `<div style="overflow-x:auto;width:300px"><div style="width:900px">wide</div></div>` +
          `<ul class="chart-legend" style="width:200px;white-space:nowrap;display:flex">` +
          `<li>Pudong</li><li>Huangpu</li><li>Jing'an</li></ul></body>`,
      )
      expect(await findLayoutProblems(page)).toEqual([])

      await page.setContent(
        `<body style="margin:0">` +
          chart('<text x="10" y="20">Pudong</text><text x="14" y="22">Huangpu</text>') +
          chart('<text x="280" y="20">more than 40 billion yuan</text>') +
          `<div style="width:600px">too wide</div>` +
          `<ul class="chart-legend" style="width:100px;overflow:hidden;white-space:nowrap">` +
          `<li>Pudong, Huangpu, Jing'an, Xuhui</li></ul></body>`,
      )
      const found = new Set((await findLayoutProblems(page)).map((problem) => problem.check))
      expect([...found].sort()).toEqual([
        'chart-outside-figure',
        'legend-overflow',
        'page-overflow',
        'text-overlap',
      ])
    } finally {
      await page.close()
    }
  })
})

const views = [
  { name: 'overview', path: '/' },
  { name: `edition-${busiestEdition}`, path: `/editions/${busiestEdition}` },
  { name: `metric-${busiestMetric}`, path: `/metrics/${busiestMetric}` },
  { name: 'district-jingan', path: '/districts/jingan' },
]

describe.each(views)('$name ($path) on 16 districts × 8 editions', ({ name, path }) => {
  it.each(VIEWPORTS)('stays readable at %s', async (size, viewport) => {
    const { page, served } = await openScalePage(path, viewport)
    try {
      await screenshot(page, `scale-${name}-${size}`)
      await expectReadable(page, served)
    } finally {
      await page.context().close()
    }
  })
})

describe('compare on 16 districts × 8 editions', () => {
  it.each(VIEWPORTS)(
    'the picker adds a sixth district, then refuses a seventh, and six stay readable at %s',
    async (size, viewport) => {
      const five = sixDistricts.slice(0, 5)
      const sixth = sixDistricts[5]
      if (!sixth) throw new Error('the scale fixture has fewer than six districts')
      const { page, served } = await openScalePage(`/compare?districts=${five.join(',')}`, viewport)
      try {
        const select = page.getByLabel('Add a district')
        const add = page.getByRole('button', { name: 'Add', exact: true })
        // Five chosen: the picker offers the other eleven.
        expect(await select.isEnabled()).toBe(true)
        const offered = await select
          .locator('option')
          .evaluateAll((options) =>
            options.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''),
          )
        expect(offered.sort()).toEqual(
          scale.districts
            .map((d) => d.id)
            .filter((id) => !five.includes(id))
            .sort(),
        )
        await select.selectOption(sixth)
        expect(await add.isEnabled(), 'Add with a district chosen').toBe(true)
        await add.click()
        await page.waitForURL(
          (url) => url.searchParams.get('districts') === sixDistricts.join(','),
          { timeout: 5_000 },
        )

        // Six chosen: nothing more can be added, and the page says why.
        await expect.poll(() => select.isDisabled(), { timeout: 5_000 }).toBe(true)
        expect(await add.isDisabled(), 'Add at six districts').toBe(true)
        expect(await page.getByText('Remove one to add another').count()).toBe(1)
        const chips = page.getByRole('list', { name: 'Chosen districts' }).locator('li')
        expect(await chips.count()).toBe(6)
        for (const id of sixDistricts) {
          expect(await page.getByRole('button', { name: `Remove ${nameOf(id)}` }).isVisible()).toBe(
            true,
          )
        }
        await page.waitForLoadState('networkidle')
        await screenshot(page, `scale-compare-6-${size}`)
        await expectReadable(page, served)
      } finally {
        await page.context().close()
      }
    },
  )

  it('the panels of a figure share one scale: bar heights are proportional to the values', async () => {
    // The caption says so ("One scale for all panels, so the heights of bars compare across
    // districts"): the same value must be drawn equally high in every district's panel.
    const { page } = await openScalePage(`/compare?districts=${sixDistricts.join(',')}`, DESKTOP)
    try {
      const rows = await page.locator('.compare-unit').evaluateAll((units) =>
        units.map((unit) => ({
          figure: unit.closest('figure')?.querySelector('figcaption h2')?.textContent ?? '',
          bars: [...unit.querySelectorAll('g.chart-mark[data-key]')].map((mark) => ({
            key: mark.getAttribute('data-key') ?? '',
            height: Number(mark.querySelector('.chart-mark__bar')?.getAttribute('height')),
          })),
        })),
      )
      expect(rows.length).toBeGreaterThan(0)
      const unequal: Array<string> = []
      for (const row of rows) {
        const bars = row.bars.flatMap(({ key, height }) => {
          const [district, edition, metric] = key.split('|')
          const cell = scale.aggregates.find(
            (a) => a.district === district && a.edition === Number(edition) && a.metric === metric,
          )
          return cell && cell.value > 0 ? [{ key, height, value: cell.value }] : []
        })
        // Pixels per unit of value, from the tallest bar: every other bar must agree within 1px.
        const tallest = bars.reduce<(typeof bars)[number] | undefined>(
          (a, b) => (a === undefined || b.value > a.value ? b : a),
          undefined,
        )
        if (!tallest) continue
        const scaleOf = tallest.height / tallest.value
        for (const bar of bars) {
          const expected = bar.value * scaleOf
          if (Math.abs(bar.height - expected) > 1) {
            unequal.push(
              `${row.figure} ${bar.key}: ${bar.height.toFixed(1)}px, ${expected.toFixed(1)}px at ${tallest.key}'s scale`,
            )
          }
        }
      }
      expect(unequal.slice(0, 10), `${unequal.length} bar(s) off the shared scale`).toEqual([])
    } finally {
      await page.context().close()
    }
  })
})
