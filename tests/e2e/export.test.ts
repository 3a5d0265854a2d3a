/**
 * Exports as an official uses them, in Chromium on the built app and the bundled articles: each
 * export from the Export menu on the overview, a district and the compare view, the files
 * captured as downloads and read back (PNG decoded, SVG parsed, CSV parsed), the clipboard, and
 * the report printed to PDF. The files land in test-results/exports: look at them.
 *
 * Expected values come from the API files the build wrote (dist/api), never from literals.
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPngText } from '../../src/export/png'
import { SummarySchema, type Aggregate } from '../../src/pipeline/schema'
import {
  DESKTOP,
  MOBILE,
  checkAxe,
  expectNoConsoleErrors,
  goto,
  launchBrowser,
  newPage,
  openPage,
  useScaleApi,
} from './browser'
import {
  EXPORT_DIR,
  checkSvgTextLayout,
  chooseExport,
  exportDownload,
  parseCsv,
  readPng,
  readSvg,
  saveDownload,
  type PresetLabel,
} from './export-checks'

/** The CSV's header row in English (the zh one is checked in export-zh.test.ts). */
const CSV_HEADER_EN = [
  'district_id',
  'district',
  'edition',
  'edition_label',
  'metric_key',
  'metric',
  'value',
  'unit',
  'qualifier',
  'value_as_reported',
  'sources',
  'sources_disagree',
]

const API_DIR = join(import.meta.dirname, '../../dist/api')
const summary = v.parse(
  SummarySchema,
  JSON.parse(await readFile(join(API_DIR, 'summary.json'), 'utf8')),
)

const latest = Math.max(...summary.aggregates.map((a) => a.edition))
const districtsAt = (edition: number) =>
  new Set(summary.aggregates.filter((a) => a.edition === edition).map((a) => a.district))
const richest = [...summary.districts].sort(
  (a, b) =>
    summary.aggregates.filter((x) => x.district === b.id).length -
    summary.aggregates.filter((x) => x.district === a.id).length,
)[0]
if (!richest) throw new Error('the bundled articles give no district')

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** The chart of one metric by district on the overview (the first figure of the page). */
const overviewChart = (page: Page) =>
  page
    .getByRole('figure')
    .filter({ has: page.getByRole('heading', { name: /by district/ }) })
    .first()

const PRESET_SIZES: Array<[PresetLabel, number | null, number | null]> = [
  ['Slide 16:9', 1920, 1080],
  ['Document', 1588, null],
  ['Square', 1080, 1080],
  ['As on screen', null, null],
]

describe('exports from the overview', () => {
  it.each(PRESET_SIZES)(
    'downloads a %s PNG of the preset size with its title, not blank',
    async (preset, width, height) => {
      const page = await openPage(browser, '/', DESKTOP)
      const chart = overviewChart(page)
      const title = (await chart.getByRole('heading').first().textContent()) ?? ''
      const frameWidth = Math.round((await chart.boundingBox())?.width ?? 0)
      const { name, bytes } = await exportDownload(page, chart, 'Download PNG', {
        preset,
        saveAs: `overview-${preset.replace(/\W+/g, '-').toLowerCase()}.png`,
      })
      expect(name).toMatch(
        new RegExp(`^ciie-\\d+(st|nd|rd|th)-\\d{4}_[a-z0-9-]+_by-district\\.png$`),
      )
      const png = await readPng(page, bytes)
      expect(png.width).toBe(width ?? frameWidth * 2)
      if (height) expect(png.height).toBe(height)
      else expect(png.height).toBeLessThanOrEqual(preset === 'Document' ? 1123 * 2 : 2400 * 2)
      expect(png.corner).toEqual([255, 255, 255, 255])
      expect(png.ink).toBeGreaterThan(0.02)
      expect(png.titleInk).toBeGreaterThan(0.005)
      expect(readPngText(new Uint8Array(bytes)).Title).toBe(title)
      expectNoConsoleErrors(page)
      await page.context().close()
    },
  )

  it('downloads an SVG that holds the title, every district and the footer, with nothing external', async () => {
    const page = await openPage(browser, '/', DESKTOP)
    const chart = overviewChart(page)
    const title = (await chart.getByRole('heading').first().textContent()) ?? ''
    const { name, bytes } = await exportDownload(page, chart, 'Download SVG', {
      preset: 'Slide 16:9',
    })
    expect(name.endsWith('.svg')).toBe(true)
    const svg = await readSvg(page, bytes.toString('utf8'))
    expect(svg.parseError).toBeNull()
    expect(svg.hasScript).toBe(false)
    expect(svg.hasExternalReference).toBe(false)
    expect(svg.title).toBe(title)
    const text = svg.texts.join(' ')
    expect(text).toContain(title)
    // Every district appears: a bar with its value or a "not reported" row.
    for (const d of summary.districts) expect(text).toContain(d.en)
    expect(text).toMatch(/Sources?:/)
    expect(text).toMatch(/built \d{1,2} [A-Z][a-z]{2} \d{4}/)
    await page.context().close()
  })

  it('downloads the CSV behind the chart: a row per district, values as the summary has them', async () => {
    const page = await openPage(browser, '/', DESKTOP)
    const chart = overviewChart(page)
    const metricKey = await page.getByRole('combobox', { name: 'Figure', exact: true }).inputValue()
    const { bytes } = await exportDownload(page, chart, 'Download CSV')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'))
    expect(header).toEqual(CSV_HEADER_EN)
    expect(rows).toHaveLength(summary.districts.length)
    const cells = summary.aggregates.filter((a) => a.edition === latest && a.metric === metricKey)
    for (const row of rows) {
      const cell: Aggregate | undefined = cells.find((c) => c.district === row[0])
      expect(row[2]).toBe(String(latest))
      expect(row[4]).toBe(metricKey)
      expect(row[6]).toBe(cell ? String(cell.value) : '')
      expect(row[7]).toBe(cell ? cell.unit : '')
      expect(row[8]).toBe(cell ? cell.qualifier : '')
      expect(row[10]).toBe(String(cell?.observations ?? 0))
    }
    expect(rows.filter((r) => r[6] !== '')).toHaveLength(
      districtsAt(latest).size > 0 ? cells.length : 0,
    )
    await page.context().close()
  })

  it('has an open menu that axe finds nothing serious in, inside the screen on a phone', async () => {
    for (const viewport of [DESKTOP, MOBILE]) {
      const page = await openPage(browser, '/', viewport)
      await overviewChart(page).getByRole('button', { name: 'Export', exact: true }).click()
      const menu = await page.getByRole('menu').boundingBox()
      expect(menu?.x).toBeGreaterThanOrEqual(0)
      expect((menu?.x ?? 0) + (menu?.width ?? 0)).toBeLessThanOrEqual(viewport.width)
      await checkAxe(page)
      await page.context().close()
    }
  })

  it('reaches every export by keyboard alone', async () => {
    const page = await openPage(browser, '/', DESKTOP)
    const button = overviewChart(page).getByRole('button', { name: 'Export', exact: true })
    await button.focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('menuitemradio')
    const downloaded = page.waitForEvent('download')
    // Past the four sizes to the first action: Download PNG.
    for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const { bytes } = await saveDownload(await downloaded, 'overview-keyboard.png')
    expect((await readPng(page, bytes)).ink).toBeGreaterThan(0.02)
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toMatch(/^Export/)
    await page.context().close()
  })
})

describe('exports from a district and the compare view', () => {
  it('exports a district chart as PNG and CSV with a row per edition', async () => {
    const page = await openPage(browser, `/districts/${richest.id}`, DESKTOP)
    const chart = page
      .getByRole('figure')
      .filter({ has: page.getByRole('button', { name: 'Export', exact: true }) })
      .first()
    const png = await exportDownload(page, chart, 'Download PNG', {
      preset: 'Document',
      saveAs: `district-${richest.id}.png`,
    })
    expect(png.name).toMatch(new RegExp(`_${richest.id}_by-edition\\.png$`))
    const reading = await readPng(page, png.bytes)
    expect(reading.width).toBe(1588)
    expect(reading.ink).toBeGreaterThan(0.02)
    const csv = await exportDownload(page, chart, 'Download CSV')
    const [, ...rows] = parseCsv(csv.bytes.subarray(3).toString('utf8'))
    expect(rows.length).toBeGreaterThan(0)
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set([richest.id]))
    expectNoConsoleErrors(page)
    await page.context().close()
  })

  it('"Export all" makes one image of every metric, with each district in the legend', async () => {
    const withData = [...new Set(summary.aggregates.map((a) => a.district))].slice(0, 3)
    expect(withData.length).toBeGreaterThanOrEqual(2)
    const page = await openPage(browser, `/compare?districts=${withData.join(',')}`, DESKTOP)
    const main = page.getByRole('main')
    const png = await exportDownload(page, main, 'Download PNG', {
      button: 'Export all',
      preset: 'Slide 16:9',
      saveAs: 'compare-all.png',
    })
    expect(png.name).toMatch(/_compare-all\.png$/)
    const reading = await readPng(page, png.bytes)
    expect([reading.width, reading.height]).toEqual([1920, 1080])
    expect(reading.ink).toBeGreaterThan(0.02)
    const svgFile = await exportDownload(page, main, 'Download SVG', {
      button: 'Export all',
      saveAs: 'compare-all.svg',
    })
    const svg = await readSvg(page, svgFile.bytes.toString('utf8'))
    expect(svg.parseError).toBeNull()
    const text = svg.texts.join(' ')
    for (const id of withData)
      expect(text).toContain(summary.districts.find((d) => d.id === id)?.en)
    // Every metric shown on the page is in the one image.
    const metricTitles = await page
      .getByRole('figure')
      .getByRole('heading', { level: 2 })
      .allTextContents()
    expect(metricTitles.length).toBeGreaterThan(0)
    for (const heading of metricTitles) expect(text).toContain(heading)
    expectNoConsoleErrors(page)
    await page.context().close()
  })
})

describe('copy image', () => {
  it('puts the PNG on the clipboard', async () => {
    const page = await openPage(browser, '/', DESKTOP)
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await chooseExport(page, overviewChart(page), 'Copy image', { preset: 'Square' })
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Image copied' }).count())
      .toBe(1)
    const copied = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read()
      const blob = await item?.getType('image/png')
      const bitmap = blob ? await createImageBitmap(blob) : null
      return { types: item?.types ?? [], width: bitmap?.width, height: bitmap?.height }
    })
    expect(copied).toEqual({ types: ['image/png'], width: 1080, height: 1080 })
    await page.context().close()
  })

  it('downloads the PNG instead, and says why, when the browser refuses', async () => {
    const page = await openPage(browser, '/', DESKTOP)
    await page.evaluate(() => {
      navigator.clipboard.write = () =>
        Promise.reject(new DOMException('denied', 'NotAllowedError'))
    })
    const downloaded = page.waitForEvent('download')
    await chooseExport(page, overviewChart(page), 'Copy image')
    const { name } = await saveDownload(await downloaded)
    expect(name.endsWith('.png')).toBe(true)
    await expect
      .poll(() =>
        page.getByRole('status').filter({ hasText: 'did not allow copying' }).textContent(),
      )
      .toContain(name)
    await page.context().close()
  })
})

describe('the report', () => {
  it('collects figures, keeps them over a reload, zips their PNGs and prints one per A4 page', async () => {
    const page = await openPage(browser, '/', DESKTOP)
    const added: Array<string> = []
    const figures = page
      .getByRole('figure')
      .filter({ has: page.getByRole('button', { name: 'Export', exact: true }) })
    for (let i = 0; i < Math.min(2, await figures.count()); i += 1) {
      const figure = figures.nth(i)
      added.push((await figure.getByRole('heading').first().textContent()) ?? '')
      await chooseExport(page, figure, 'Add to report')
      await expect
        .poll(() => figure.getByRole('status').textContent())
        .toMatch(/Added to the report/)
    }
    await page.goto(`/districts/${richest.id}`, { waitUntil: 'networkidle' })
    const districtFigure = page
      .getByRole('figure')
      .filter({ has: page.getByRole('button', { name: 'Export', exact: true }) })
      .first()
    await chooseExport(page, districtFigure, 'Add to report')
    await expect
      .poll(() => districtFigure.getByRole('status').textContent())
      .toMatch(/Added to the report \(3 figures\)/)
    added.push(
      `${richest.en}: ${(await districtFigure.getByRole('heading').first().textContent()) ?? ''}`,
    )

    await page.goto('/report', { waitUntil: 'networkidle' })
    await page.reload({ waitUntil: 'networkidle' })
    const reportFigures = page.getByRole('main').getByRole('figure')
    await expect.poll(() => reportFigures.count()).toBe(3)
    const labels = await page
      .getByRole('main')
      .getByRole('img')
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('aria-label')))
    expect(labels).toEqual(added)

    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download all' }).click()
    const zip = await saveDownload(await downloaded)
    expect(zip.name).toMatch(/^ciie-report_\d{4}-\d{2}-\d{2}\.zip$/)
    const files = unzipSync(new Uint8Array(zip.bytes))
    const names = Object.keys(files)
    expect(names).toHaveLength(3)
    expect(names.every((n, i) => n.startsWith(`0${i + 1}_`) && n.endsWith('.png'))).toBe(true)
    for (const n of names) {
      const reading = await readPng(page, Buffer.from(files[n] ?? []))
      expect(reading.width).toBe(1588)
      expect(reading.ink).toBeGreaterThan(0.02)
    }

    await checkAxe(page)
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    await import('node:fs/promises').then((fs) => fs.writeFile(join(EXPORT_DIR, 'report.pdf'), pdf))
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
    // One figure per page, none cut across two: as many pages as figures.
    expect(pages).toHaveLength(3)
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false)
    expect(await page.getByRole('button', { name: 'Download all' }).isVisible()).toBe(false)
    expectNoConsoleErrors(page)
    await page.context().close()
  })
})

describe('exports of a full grid (labelled synthetic API: 16 districts × 8 editions)', () => {
  const views = [
    ['overview', '/'],
    ['metric', '/metrics/investment'],
    ['compare', '/compare?districts=pudong,jingan,qingpu,minhang,xuhui,yangpu'],
  ] as const
  it.each(views)(
    'lays out every %s figure at every size with no text overlapping or cut off',
    async (name, path) => {
      const page = await newPage(browser, DESKTOP)
      await useScaleApi(page)
      await goto(page, path)
      const main = page.getByRole('main')
      const buttons = main.getByRole('button', { name: /^Export( all)?$/ })
      const count = await buttons.count()
      expect(count).toBeGreaterThan(0)
      const problems: Array<string> = []
      for (let i = 0; i < count; i += 1) {
        const label = (await buttons.nth(i).textContent())?.startsWith('Export all')
          ? 'Export all'
          : 'Export'
        for (const [preset] of PRESET_SIZES) {
          const downloaded = page.waitForEvent('download')
          await buttons.nth(i).click()
          await page
            .getByRole('menu')
            .getByRole('menuitemradio', { name: new RegExp(`^${preset}`) })
            .click()
          await page.getByRole('menu').getByRole('menuitem', { name: 'Download SVG' }).click()
          const file = await saveDownload(
            await downloaded,
            `scale-${name}-${i}-${preset.replace(/\W+/g, '-').toLowerCase()}.svg`,
          )
          const report = await checkSvgTextLayout(page, file.bytes.toString('utf8'))
          expect(report.texts).toBeGreaterThan(10)
          for (const o of report.overlaps)
            problems.push(`${file.name} (${preset}, ${label} ${i}): overlap ${o}`)
          for (const o of report.outside)
            problems.push(`${file.name} (${preset}, ${label} ${i}): outside ${o}`)
        }
      }
      expect(problems).toEqual([])
      expectNoConsoleErrors(page)
      await page.context().close()
    },
  )
})
