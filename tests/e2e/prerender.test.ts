/**
 * Pages prerendered at build time (vite.config.ts `prerender`): readable before any of the app's
 * code runs, and taken over by the app without a node replaced, a layout shift or an error,
 * whatever query the address carries.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { MOBILE, expectNoConsoleErrors, launchBrowser, newPage } from './browser'

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
})

/** Sums layout shifts (as CLS counts them) from the first paint on. */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = window as unknown as { layoutShift: number }
    record.layoutShift = 0
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number }>)
        record.layoutShift += entry.value
    }).observe({ type: 'layout-shift', buffered: true })
  })
}

/**
 * Opens `path` with the app's code held back until the prerendered page is on screen, marks the
 * page's heading, then lets the app load and waits until it has taken the page over.
 */
async function openHeldBack(path: string): Promise<Page> {
  const page = await newPage(browser, MOBILE)
  await recordLayoutShifts(page)
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/assets\/start-[^/]*\.js$/, async (route) => {
    await released
    await route.continue()
  })
  await page.goto(path, { waitUntil: 'domcontentloaded' })
  await page.locator('h1').waitFor()
  // An expando, invisible to React: it survives only if the element itself does.
  await page.locator('h1').evaluate((h1) => Object.assign(h1, { prerendered: true }))
  release()
  await page.waitForFunction(() => document.documentElement.dataset.app === 'live')
  return page
}

describe('prerendered pages', () => {
  it.each(['/', '/districts/jingan', '/compare', '/sources'])(
    'shows %s without JavaScript',
    async (path) => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: MOBILE,
        baseURL: inject('baseUrl'),
      })
      const page = await context.newPage()
      await page.goto(path)
      await expect(page.getByRole('banner').textContent()).resolves.toContain(
        'CIIE District Dashboard',
      )
      await expect(page.locator('h1').textContent()).resolves.toBeTruthy()
      // The view's style sheet came with the page: the layout is the app's, not unstyled HTML.
      const linked = await page
        .locator('link[rel="stylesheet"]')
        .evaluateAll((links) => links.length)
      expect(linked).toBeGreaterThan(1)
      await context.close()
    },
  )

  it('shows the overview’s figures and the district’s sources without JavaScript', async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      baseURL: inject('baseUrl'),
    })
    const page = await context.newPage()
    await page.goto('/')
    const summary = (await (await page.request.get('/api/summary.json')).json()) as {
      corpus: { articles: number }
    }
    await expect(page.locator('.page-header__lede').textContent()).resolves.toContain(
      `${summary.corpus.articles} press articles`,
    )
    await page.goto('/districts/jingan')
    await expect(page.getByRole('heading', { name: 'Sources' }).count()).resolves.toBe(1)
    await context.close()
  })

  it.each(['/', '/districts/jingan', '/compare', '/report'])(
    'is taken over at %s with its nodes kept, no layout shift and no error',
    async (path) => {
      const page = await openHeldBack(path)
      expect(await page.locator('h1').evaluate((h1) => 'prerendered' in h1)).toBe(true)
      expect(
        await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift),
      ).toBe(0)
      expect(new URL(page.url()).pathname).toBe(path)
      expectNoConsoleErrors(page)
      await page.context().close()
    },
  )

  it('takes over at the query asked for: compare with its districts, the overview’s edition', async () => {
    const compare = await openHeldBack('/compare?districts=jingan,qingpu')
    await expect(
      compare.getByRole('list', { name: 'Chosen districts' }).textContent(),
    ).resolves.toMatch(/Jing.an.*Qingpu/)
    expect(await compare.locator('h1').evaluate((h1) => 'prerendered' in h1)).toBe(true)
    expect(
      await compare.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift),
    ).toBe(0)
    expectNoConsoleErrors(compare)
    await compare.context().close()

    const overview = await openHeldBack('/?edition=6')
    expect(new URL(overview.url()).search).toBe('?edition=6')
    await expect(overview.locator('h1').textContent()).resolves.toContain('6th CIIE')
    expectNoConsoleErrors(overview)
    await overview.context().close()
  })

  it('answers an address with no page of its own with the app’s not-found page', async () => {
    const page = await openHeldBack('/no-such-page')
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found')
    expect(new URL(page.url()).pathname).toBe('/no-such-page')
    await page.context().close()
  })
})
