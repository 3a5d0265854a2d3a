import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { formatObservationValue } from '../../src/app/format'
import { CatalogSchema, DatasetSchema } from '../../src/pipeline/schema'

const ROOT = join(import.meta.dirname, '../..')
const SCREENSHOTS = join(ROOT, 'test-results')

/** What the build serves: the expected values come from here, never from literals. */
const dataset = DatasetSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'dist/api/dataset.json'), 'utf8')),
)
const catalog = CatalogSchema.parse(
  JSON.parse(readFileSync(join(ROOT, 'dist/api/catalog.json'), 'utf8')),
)
const districtName = (id: string) => catalog.districts.find((d) => d.id === id)?.en ?? id

const baseUrl = inject('baseUrl')

let browser: Browser
let page: Page
let consoleErrors: string[]

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true })
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
})

afterAll(async () => {
  await browser?.close()
})

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  consoleErrors = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
})

afterEach(async () => {
  await page.close()
})

const bodyRows = () => page.locator('table tbody tr')

describe('the built app', () => {
  it('has observations from data/articles to show', () => {
    expect(dataset.observations.length).toBeGreaterThan(0)
  })

  it('shows every observation from the articles in the table', async () => {
    await page.goto(`${baseUrl}/`)
    await page.getByRole('table').waitFor()

    await expect(page.title()).resolves.toContain('CIIE District Dashboard')
    expect(await page.getByRole('banner').textContent()).toContain('CIIE District Dashboard')
    expect(await bodyRows().count()).toBe(dataset.observations.length)

    for (const observation of dataset.observations) {
      const row = bodyRows()
        .filter({ has: page.locator('mark', { hasText: observation.text }) })
        .filter({ hasText: formatObservationValue(observation) })
        .filter({ hasText: districtName(observation.district) })
      expect(await row.count(), observation.id).toBeGreaterThan(0)
    }

    await page.screenshot({ path: join(SCREENSHOTS, 'dataset-table.png'), fullPage: true })
    expect(consoleErrors).toEqual([])
  })

  it('filters the table by district from the select', async () => {
    await page.goto(`${baseUrl}/`)
    await page.getByRole('table').waitFor()
    const [first] = dataset.observations
    if (!first) throw new Error('no observation')

    await page.getByLabel('District').selectOption(first.district)
    await page.waitForURL(`**/?district=${first.district}`)
    const expected = dataset.observations.filter((o) => o.district === first.district).length
    await expect.poll(() => bodyRows().count()).toBe(expected)
    expect(consoleErrors).toEqual([])
  })

  it('shows a not-found page for an unknown URL, with a link back', async () => {
    await page.goto(`${baseUrl}/no/such/page`)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'not-found.png') })

    await page.getByRole('link', { name: 'Go to the dataset table' }).click()
    await page.getByRole('table').waitFor()
    expect(new URL(page.url()).pathname).toBe('/')
    expect(consoleErrors).toEqual([])
  })

  it('explains a missing data file and recovers with Retry', async () => {
    await page.route('**/api/dataset.json', (route) => route.fulfill({ status: 404, body: '' }))
    await page.goto(`${baseUrl}/`)
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/dataset\.json was not found/)
    await page.screenshot({ path: join(SCREENSHOTS, 'load-error.png') })

    await page.unroute('**/api/dataset.json')
    await page.getByRole('button', { name: 'Retry' }).click()
    await page.getByRole('table').waitFor()
    expect(await bodyRows().count()).toBe(dataset.observations.length)
  })
})
