/**
 * Reading exported files the way an official's tools would: the PNG decoded by the browser
 * (size, how much is drawn, whether the title band has ink), the SVG parsed as XML, the CSV
 * parsed by RFC 4180. Used by export.test.ts and the export benchmark.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Download, Locator, Page } from 'playwright-core'

export const EXPORT_DIR = join(import.meta.dirname, '../../test-results/exports')

export type MenuAction =
  | 'Download PNG'
  | 'Download SVG'
  | 'Download CSV'
  | 'Copy image'
  | 'Add to report'
  | '下载 PNG'
  | '下载 SVG'
  | '下载 CSV'
  | '复制图片'
  | '加入报告'
export type PresetLabel =
  | 'Slide 16:9'
  | 'Document'
  | 'Square'
  | 'As on screen'
  | '幻灯片 16:9'
  | '文档'
  | '正方形'
  | '与屏幕一致'

/** Opens the Export menu inside `scope`, picks a size if given, then the action. */
export async function chooseExport(
  page: Page,
  scope: Locator,
  action: MenuAction,
  { preset, button = 'Export' }: { preset?: PresetLabel; button?: string } = {},
): Promise<void> {
  await scope.getByRole('button', { name: button, exact: true }).click()
  const menu = page.getByRole('menu')
  if (preset)
    await menu.getByRole('menuitemradio', { name: new RegExp(`^${escape(preset)}`) }).click()
  await menu.getByRole('menuitem', { name: action }).click()
}

/** Runs an export and returns the downloaded file, saved under test-results/exports to look at. */
export async function exportDownload(
  page: Page,
  scope: Locator,
  action: MenuAction,
  options: { preset?: PresetLabel; button?: string; saveAs?: string } = {},
): Promise<{ name: string; bytes: Buffer }> {
  const downloaded = page.waitForEvent('download')
  await chooseExport(page, scope, action, options)
  return saveDownload(await downloaded, options.saveAs)
}

export async function saveDownload(download: Download, saveAs?: string) {
  const path = await download.path()
  const bytes = await readFile(path)
  const name = download.suggestedFilename()
  await mkdir(EXPORT_DIR, { recursive: true })
  await writeFile(join(EXPORT_DIR, saveAs ?? name), bytes)
  return { name, bytes }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export interface PngReading {
  width: number
  height: number
  /** Share of pixels that are not (near) white. */
  ink: number
  /** Share of non-white pixels in the top tenth, where the title is. */
  titleInk: number
  /** The corner pixel: the background. */
  corner: [number, number, number, number]
}

/** Decodes a PNG in the page (createImageBitmap) and counts its drawn pixels. */
export function readPng(page: Page, bytes: Buffer): Promise<PngReading> {
  return page.evaluate(async (base64) => {
    const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
    const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }))
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d context')
    context.drawImage(bitmap, 0, 0)
    const { data: pixels } = context.getImageData(0, 0, bitmap.width, bitmap.height)
    let inked = 0
    let titleInked = 0
    const titleRows = Math.round(bitmap.height / 10)
    for (let i = 0; i < pixels.length; i += 4) {
      const white =
        (pixels[i] ?? 0) > 240 && (pixels[i + 1] ?? 0) > 240 && (pixels[i + 2] ?? 0) > 240
      if (white) continue
      inked += 1
      if (i / 4 / bitmap.width < titleRows) titleInked += 1
    }
    return {
      width: bitmap.width,
      height: bitmap.height,
      ink: inked / (bitmap.width * bitmap.height),
      titleInk: titleInked / (bitmap.width * titleRows),
      corner: [pixels[0] ?? 0, pixels[1] ?? 0, pixels[2] ?? 0, pixels[3] ?? 0] as [
        number,
        number,
        number,
        number,
      ],
    }
  }, bytes.toString('base64'))
}

export interface SvgReading {
  parseError: string | null
  texts: Array<string>
  title: string
  hasScript: boolean
  hasExternalReference: boolean
  width: string | null
  height: string | null
}

/** Parses an SVG as XML in the page and lists its text. */
export function readSvg(page: Page, text: string): Promise<SvgReading> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
    const error = doc.querySelector('parsererror')
    const all = Array.from(doc.querySelectorAll('*'))
    return {
      parseError: error ? (error.textContent ?? 'parse error') : null,
      texts: Array.from(doc.querySelectorAll('text')).map((t) => t.textContent ?? ''),
      title: doc.querySelector('svg > title')?.textContent ?? '',
      hasScript: all.some((e) => e.localName === 'script' || e.localName === 'foreignObject'),
      hasExternalReference:
        all.some((e) =>
          Array.from(e.attributes).some(
            (a) =>
              /href$/i.test(a.name) || /^on/i.test(a.name) || /url\(\s*['"]?(?!#)/i.test(a.value),
          ),
        ) || /<style|@import/i.test(source),
      width: doc.documentElement.getAttribute('width'),
      height: doc.documentElement.getAttribute('height'),
    }
  }, text)
}

/** RFC 4180: quoted fields, doubled quotes, CRLF records. Returns rows of fields. */
export function parseCsv(text: string): Array<Array<string>> {
  const rows: Array<Array<string>> = []
  let row: Array<string> = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += 1
    } else field += char
  }
  if (field !== '' || row.length > 0) rows.push([...row, field])
  return rows
}

export interface TextLayoutReport {
  texts: number
  /** Pairs of texts whose drawn boxes overlap by more than a pixel each way. */
  overlaps: Array<string>
  /** Texts drawn (partly) outside the image. */
  outside: Array<string>
}

/**
 * Draws an exported SVG in the page with the page's real fonts and measures every text's box:
 * the layout was computed with canvas measurements, this checks the result as drawn.
 */
export function checkSvgTextLayout(page: Page, svgText: string): Promise<TextLayoutReport> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
    const host = document.createElement('div')
    host.style.cssText = 'position:absolute;left:0;top:0;'
    const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement
    // Draw at layout size (1 px = 1 unit) so boxes compare with the viewBox.
    const [, , width = 0, height = 0] = (svg.getAttribute('viewBox') ?? '').split(/\s+/).map(Number)
    svg.setAttribute('width', String(width))
    svg.setAttribute('height', String(height))
    host.append(svg)
    document.body.append(host)
    const origin = svg.getBoundingClientRect()
    const boxes = Array.from(svg.querySelectorAll('text'))
      .filter((t) => (t.textContent ?? '').trim() !== '')
      .map((t) => {
        const r = t.getBoundingClientRect()
        return {
          text: t.textContent ?? '',
          left: r.left - origin.left,
          top: r.top - origin.top,
          right: r.right - origin.left,
          bottom: r.bottom - origin.top,
        }
      })
    const overlaps: Array<string> = []
    // Glyph boxes include the font's ascent and descent: allow a pixel of shared edge.
    const slack = 1.5
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]
        const b = boxes[j]
        if (!a || !b) continue
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left)
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
        if (x > slack && y > slack) overlaps.push(`"${a.text}" × "${b.text}"`)
      }
    }
    const outside = boxes
      .filter(
        (b) => b.left < -0.5 || b.top < -0.5 || b.right > width + 0.5 || b.bottom > height + 0.5,
      )
      .map((b) => `"${b.text}"`)
    host.remove()
    return { texts: boxes.length, overlaps, outside }
  }, svgText)
}

/** One Han character of an exported PNG's title, as drawn. */
export interface GlyphCell {
  char: string
  /** Share of dark pixels in the character's box. */
  ink: number
  /** The ink inside its own bounding box, resampled to GRID × GRID densities (0–1). */
  grid: Array<number>
}

export interface TitleGlyphs {
  cells: Array<GlyphCell>
  /** The font's .notdef glyph (a private-use character no font has), drawn the same way. */
  notdef: GlyphCell
}

/**
 * Reads the Han characters of an exported PNG's title: the SVG exported with it (same layout)
 * is drawn in the page to find where each character is (getExtentOfChar), and that box of the
 * PNG is cut out, thresholded, cropped to its ink and resampled to a small grid of densities.
 * Real glyphs give different grids for different characters; boxes (.notdef) give one grid.
 */
export function readTitleGlyphs(page: Page, png: Buffer, svgText: string): Promise<TitleGlyphs> {
  return page.evaluate(
    async ({ base64, source }) => {
      const GRID = 8
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }))
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const context = canvas.getContext('2d', { willReadFrequently: true })
      if (!context) throw new Error('no 2d context')
      context.drawImage(bitmap, 0, 0)

      const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
      const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement
      const host = document.createElement('div')
      host.style.cssText = 'position:absolute;left:0;top:0;'
      host.append(svg)
      document.body.append(host)
      const viewWidth = Number((svg.getAttribute('viewBox') ?? '').split(/\s+/)[2])
      const scale = bitmap.width / viewWidth
      const han = /\p{Script=Han}/u
      const texts = Array.from(svg.querySelectorAll('text')).filter((t) =>
        han.test(t.textContent ?? ''),
      )
      const size = (t: SVGTextElement) => Number(t.getAttribute('font-size') ?? 0)
      const title = texts.sort((a, b) => size(b) - size(a))[0]
      if (!title) throw new Error('the SVG has no Chinese text')

      /** Dark pixels of a box of `source`, cropped to their bounding box, as a density grid. */
      function cell(
        read: OffscreenCanvasRenderingContext2D,
        char: string,
        x: number,
        y: number,
        width: number,
        height: number,
      ): { char: string; ink: number; grid: Array<number> } {
        const w = Math.max(1, Math.round(width))
        const h = Math.max(1, Math.round(height))
        const pixels = read.getImageData(Math.round(x), Math.round(y), w, h).data
        const dark = (i: number) =>
          0.3 * (pixels[i * 4] ?? 255) +
            0.59 * (pixels[i * 4 + 1] ?? 255) +
            0.11 * (pixels[i * 4 + 2] ?? 255) <
          128
        let count = 0
        let [left, top, right, bottom] = [w, h, -1, -1]
        for (let i = 0; i < w * h; i++) {
          if (!dark(i)) continue
          count += 1
          const [px, py] = [i % w, Math.floor(i / w)]
          left = Math.min(left, px)
          right = Math.max(right, px)
          top = Math.min(top, py)
          bottom = Math.max(bottom, py)
        }
        const grid = new Array<number>(GRID * GRID).fill(0)
        if (count > 0) {
          const [bw, bh] = [right - left + 1, bottom - top + 1]
          const totals = new Array<number>(GRID * GRID).fill(0)
          for (let py = top; py <= bottom; py++)
            for (let px = left; px <= right; px++) {
              const g =
                Math.min(GRID - 1, Math.floor(((py - top) / bh) * GRID)) * GRID +
                Math.min(GRID - 1, Math.floor(((px - left) / bw) * GRID))
              totals[g] = (totals[g] ?? 0) + 1
              if (dark(py * w + px)) grid[g] = (grid[g] ?? 0) + 1
            }
          for (let g = 0; g < grid.length; g++) grid[g] = (grid[g] ?? 0) / (totals[g] || 1)
        }
        return { char, ink: count / (w * h), grid }
      }

      const text = title.textContent ?? ''
      const cells = Array.from(text)
        .map((char, index) => ({ char, index }))
        .filter(({ char }) => han.test(char))
        .map(({ char, index }) => {
          const box = title.getExtentOfChar(index)
          return cell(
            context,
            char,
            box.x * scale,
            box.y * scale,
            box.width * scale,
            box.height * scale,
          )
        })

      // The .notdef glyph in the same font, weight and size: U+E000 is in no font.
      const px = size(title) * scale
      const reference = new OffscreenCanvas(Math.ceil(px * 2), Math.ceil(px * 2))
      const draw = reference.getContext('2d', { willReadFrequently: true })
      if (!draw) throw new Error('no 2d context')
      draw.fillStyle = '#ffffff'
      draw.fillRect(0, 0, reference.width, reference.height)
      draw.fillStyle = '#000000'
      draw.textBaseline = 'top'
      draw.font = `${title.getAttribute('font-weight') ?? 400} ${px}px ${svg.getAttribute('font-family') ?? 'sans-serif'}`
      draw.fillText('\uE000', px / 2, px / 2)
      const notdef = cell(draw, '\uE000', 0, 0, reference.width, reference.height)
      host.remove()
      return { cells, notdef }
    },
    { base64: png.toString('base64'), source: svgText },
  )
}

/** How different two glyph grids are: the mean difference of their densities, 0 to 1. */
export function glyphDistance(a: GlyphCell, b: GlyphCell): number {
  let sum = 0
  for (let i = 0; i < a.grid.length; i++) sum += Math.abs((a.grid[i] ?? 0) - (b.grid[i] ?? 0))
  return sum / Math.max(1, a.grid.length)
}
