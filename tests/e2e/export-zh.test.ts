/**
 * Exports in Chinese (`?lang=zh`): the SVG carries the Chinese title and labels as text, the CSV
 * has Chinese headers and names, and the PNG draws its Chinese title with real glyphs, not the
 * boxes (.notdef) a browser draws when no installed font has the characters. That last check
 * fails without a CJK font (.ci/run installs Debian's fonts-noto-cjk): run this file with
 * FONTCONFIG_FILE pointing at a fontconfig setup without /usr/share/fonts/opentype to see it.
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readPngText } from '../../src/export/png'
import { SummarySchema } from '../../src/pipeline/schema'
import { DESKTOP, expectNoConsoleErrors, launchBrowser, openPage } from './browser'
import {
  exportDownload,
  glyphDistance,
  parseCsv,
  readPng,
  readSvg,
  readTitleGlyphs,
} from './export-checks'

const API_DIR = join(import.meta.dirname, '../../dist/api')
const summary = v.parse(
  SummarySchema,
  JSON.parse(await readFile(join(API_DIR, 'summary.json'), 'utf8')),
)
const latest = Math.max(...summary.aggregates.map((a) => a.edition))
const HAN = /\p{Script=Han}/u
/**
 * Glyph grids closer than this are one shape. Measured in Chromium on the overview's title:
 * with Noto Sans CJK, different characters are 0.27–0.50 apart and 0.38–0.58 from .notdef;
 * without a CJK font every character is the .notdef box, 0.00–0.07 from it and from each other.
 */
const SAME_SHAPE = 0.15

/** The overview's first chart: one figure by district, with its Export menu. */
const overviewChart = (page: Page) =>
  page
    .getByRole('figure')
    .filter({ has: page.getByRole('button', { name: '导出', exact: true }) })
    .first()

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

describe('exports in Chinese', () => {
  it('writes an SVG with the Chinese title, district names and marks as text', async () => {
    const page = await openPage(browser, '/?lang=zh', DESKTOP)
    const chart = overviewChart(page)
    const title = (await chart.getByRole('heading').first().textContent()) ?? ''
    expect(title).toMatch(HAN)
    const { name, bytes } = await exportDownload(page, chart, '下载 SVG', {
      button: '导出',
      preset: '文档',
      saveAs: 'overview-zh.svg',
    })
    // File names stay ASCII in both languages.
    expect(name).toMatch(/^ciie-\d+(st|nd|rd|th)-\d{4}_[a-z0-9-]+_by-district\.svg$/)
    const source = bytes.toString('utf8')
    const svg = await readSvg(page, source)
    expect(svg.parseError).toBeNull()
    expect(svg.title).toBe(title)
    expect(svg.texts).toContain(title)
    // Every district is labelled by its Chinese name; none is left in English.
    for (const district of summary.districts) {
      expect(svg.texts).toContain(district.zh)
      expect(svg.texts).not.toContain(district.en)
    }
    const reported = new Set(
      summary.aggregates.filter((a) => a.edition === latest).map((a) => a.district),
    )
    if (summary.districts.some((d) => !reported.has(d.id))) expect(svg.texts).toContain('未见报道')
    expect(svg.texts.join(' ')).not.toMatch(/not reported|sources disagree/)
    expect(source).toMatch(/<svg [^>]*lang="zh-CN"/)
    expect(source).toMatch(/font-family="[^"]*'Noto Sans CJK SC'/)
    expectNoConsoleErrors(page)
    await page.context().close()
  })

  it('writes a CSV with Chinese headers, district and metric names', async () => {
    const page = await openPage(browser, '/?lang=zh', DESKTOP)
    const chart = overviewChart(page)
    const { bytes } = await exportDownload(page, chart, '下载 CSV', {
      button: '导出',
      saveAs: 'overview-zh.csv',
    })
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'))
    expect(header).toEqual([
      '区代码',
      '区',
      '届次',
      '届次名称',
      '指标代码',
      '指标',
      '数值',
      '单位',
      '限定词',
      '报道原文数值',
      '来源数',
      '来源是否不一致',
    ])
    expect(rows).toHaveLength(summary.districts.length)
    for (const row of rows) {
      const district = summary.districts.find((d) => d.id === row[0])
      expect(row[1]).toBe(district?.zh)
      expect(row[3]).toMatch(HAN)
      expect(row[5]).toBe(summary.metrics.find((m) => m.key === row[4])?.zh)
      expect(['是', '否']).toContain(row[11])
      // Not reported: empty value, never 0, and said in Chinese.
      if (row[6] === '') expect(row[9]).toBe('未见报道')
    }
    await page.context().close()
  })

  it('draws the Chinese title of the PNG with real glyphs, not boxes', async () => {
    const page = await openPage(browser, '/?lang=zh', DESKTOP)
    const chart = overviewChart(page)
    const title = (await chart.getByRole('heading').first().textContent()) ?? ''
    const png = await exportDownload(page, chart, '下载 PNG', {
      button: '导出',
      preset: '文档',
      saveAs: 'overview-zh.png',
    })
    // The SVG of the same size has the same layout: it says where each character is.
    const svg = await exportDownload(page, chart, '下载 SVG', { button: '导出', preset: '文档' })
    expect(readPngText(new Uint8Array(png.bytes)).Title).toBe(title)
    const reading = await readPng(page, png.bytes)
    expect(reading.titleInk).toBeGreaterThan(0.005)

    const { cells, notdef } = await readTitleGlyphs(page, png.bytes, svg.bytes.toString('utf8'))
    expect(cells.map((c) => c.char).join('')).toBe(
      Array.from(title)
        .filter((c) => HAN.test(c))
        .join(''),
    )
    expect(cells.length).toBeGreaterThanOrEqual(3)
    for (const cell of cells) {
      // Something is drawn in each character's box, and it is not the .notdef glyph.
      expect(cell.ink, cell.char).toBeGreaterThan(0.05)
      expect(glyphDistance(cell, notdef), cell.char).toBeGreaterThan(SAME_SHAPE)
    }
    // Different characters are different shapes: boxes would all be the same one.
    for (const [i, a] of cells.entries())
      for (const b of cells.slice(i + 1))
        if (a.char !== b.char)
          expect(glyphDistance(a, b), `${a.char} and ${b.char}`).toBeGreaterThan(SAME_SHAPE)
    expectNoConsoleErrors(page)
    await page.context().close()
  })
})
