/**
 * The dev server's live data (src/app/live-data-plugin.ts, src/app/live-data.tsx): with the dev
 * server running on a copy of data/ (through CIIE_ARTICLES and CIIE_API_OUT, so the repo's data
 * and public/api are not touched), adding an article shows it in the open page without a reload,
 * a broken article shows a banner naming the file and line, and fixing it takes the banner away.
 * The added articles are the synthetic fixture articles (tests/fixtures/articles), never shipped.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer as createNetServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { createServer, type ViteDevServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP, launchBrowser, screenshot } from './browser'

const ROOT = join(import.meta.dirname, '../..')
const HOST = '127.0.0.1'
/** From saving a file to the page showing it: a run takes about a second on 2 idle cores. */
const UPDATE_TIMEOUT_MS = 15_000

const FIXTURE = join(
  ROOT,
  'tests/fixtures/articles/fixture-2019-11-06-qingpu-west-hongqiao-projects.txt',
)
/** The copy's name says what it is; its id is the link the Sources page gives it. */
const ADDED_ID = 'synthetic-live-added-qingpu'
const BROKEN_ID = 'synthetic-live-broken'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.on('error', reject)
    probe.listen(0, HOST, () => {
      const address = probe.address()
      probe.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

let temp: string
let articles: string
let server: ViteDevServer | undefined
let browser: Browser | undefined
let page: Page
let baseUrl: string
const pageErrors: Array<string> = []
const savedEnv = { articles: process.env.CIIE_ARTICLES, out: process.env.CIIE_API_OUT }

beforeAll(async () => {
  temp = await mkdtemp(join(tmpdir(), 'ciie-live-'))
  articles = join(temp, 'data/articles')
  await cp(join(ROOT, 'data'), join(temp, 'data'), { recursive: true })
  // Read by the plugin when the server starts; the corrections file is the one beside articles.
  process.env.CIIE_ARTICLES = articles
  process.env.CIIE_API_OUT = join(temp, 'api')
  const port = await freePort()
  server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    // Its own dependency cache: the shared node_modules/.vite may belong to another dev server.
    cacheDir: join(temp, 'vite-cache'),
    logLevel: 'warn',
    server: { host: HOST, port, strictPort: true },
  })
  await server.listen()
  baseUrl = `http://${HOST}:${port}`

  browser = await launchBrowser()
  const context = await browser.newContext({ viewport: DESKTOP, baseURL: baseUrl })
  page = await context.newPage()
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto('/', { waitUntil: 'networkidle' })
  await page.waitForFunction(() => document.documentElement.dataset.app === 'live')
  await page.getByRole('heading', { level: 1 }).first().waitFor()
  // A full reload would drop it: the page must take every update in place.
  await page.evaluate(() => Object.assign(window, { liveDataMarker: 'set before the edits' }))
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  process.env.CIIE_ARTICLES = savedEnv.articles
  process.env.CIIE_API_OUT = savedEnv.out
  if (savedEnv.articles === undefined) delete process.env.CIIE_ARTICLES
  if (savedEnv.out === undefined) delete process.env.CIIE_API_OUT
  if (temp) await rm(temp, { recursive: true, force: true })
})

const markerOf = (page: Page) =>
  page.evaluate(() => (window as unknown as { liveDataMarker?: string }).liveDataMarker ?? null)

const articleLink = (page: Page, id: string) => page.locator(`main a[href="/articles/${id}"]`)

describe('the dev server with live data', () => {
  it('lists an added article on the open Sources page, without a reload', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sources' })
      .click()
    await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor()
    expect(await articleLink(page, ADDED_ID).count()).toBe(0)

    await writeFile(join(articles, `${ADDED_ID}.txt`), await readFile(FIXTURE))

    await articleLink(page, ADDED_ID).first().waitFor({ timeout: UPDATE_TIMEOUT_MS })
    await page
      .getByRole('status')
      .filter({ hasText: /Updated from the articles at \d\d:\d\d:\d\d/ })
      .waitFor({ timeout: UPDATE_TIMEOUT_MS })
    expect(await markerOf(page)).toBe('set before the edits')
    await screenshot(page, 'live-data-updated', { fullPage: false })
  })

  it('names the file and line of a broken article in a banner, and drops it once fixed', async () => {
    await writeFile(
      join(articles, `${BROKEN_ID}.txt`),
      'A synthetic test article with no date line.\n\nIt is written by the live-data test.\n',
    )
    const banner = page.getByRole('alert', { name: 'The dashboard could not be updated' })
    await banner.waitFor({ timeout: UPDATE_TIMEOUT_MS })
    const text = await banner.textContent()
    expect(text).toContain('It still shows the last good data')
    expect(text).toMatch(new RegExp(`${BROKEN_ID}\\.txt:1: no date`))
    // The last good data stays on screen.
    expect(await articleLink(page, ADDED_ID).count()).toBeGreaterThan(0)
    await screenshot(page, 'live-data-failed', { fullPage: false })

    await writeFile(
      join(articles, `${BROKEN_ID}.txt`),
      'date 2024-11-06 A synthetic test article, now with its date line.\n\nIt is written by the live-data test.\n',
    )
    await banner.waitFor({ state: 'detached', timeout: UPDATE_TIMEOUT_MS })
    await articleLink(page, BROKEN_ID).first().waitFor({ timeout: UPDATE_TIMEOUT_MS })
    expect(await markerOf(page)).toBe('set before the edits')
    expect(pageErrors).toEqual([])
  })
})
