import { t } from '../i18n/i18n'
import { toCsv } from './csv'
import { withCjkFonts } from './fonts'
import type { ExportFile } from './download'
import type { FigureSpec } from './figure-spec'
import { layoutFigure, type FigureLayout } from './figure-layout'
import { svgToPng } from './png'
import { figureSize, type PresetId } from './presets'
import { serializeSvg } from './svg-tree'
import { canvasTextMeasurer, estimateTextWidth, type MeasureText } from './text-measure'

/**
 * The export actions on a figure spec: lay it out for a preset in the page's font, then write
 * SVG, PNG or CSV. Everything runs in the browser; nothing is sent anywhere.
 */

export { downloadFile, type ExportFile } from './download'

const FALLBACK_FONT = withCjkFonts("system-ui, 'Segoe UI', Roboto, Arial, 'Noto Sans', sans-serif")
let measurer: { family: string; measure: MeasureText } | null = null

/**
 * The page's font, so the figure looks like the page (computed, not a stylesheet reference),
 * with the CJK fonts before its generic fallback so Chinese is drawn and measured in one of them.
 */
export function pageFontFamily(): string {
  if (typeof document === 'undefined' || !document.body) return FALLBACK_FONT
  const family = getComputedStyle(document.body).fontFamily
  return family ? withCjkFonts(family) : FALLBACK_FONT
}

function measureFor(family: string): MeasureText {
  if (typeof document === 'undefined') return estimateTextWidth
  if (measurer?.family !== family) measurer = { family, measure: canvasTextMeasurer(family) }
  return measurer.measure
}

/** Lays a spec out for a preset; `screenWidth` is the chart's width on the page. */
export function renderFigure(spec: FigureSpec, preset: PresetId, screenWidth = 800): FigureLayout {
  const fontFamily = pageFontFamily()
  return layoutFigure(spec, figureSize(preset, screenWidth), {
    fontFamily,
    measure: measureFor(fontFamily),
  })
}

export function figureSvgFile(
  spec: FigureSpec,
  preset: PresetId,
  screenWidth?: number,
): ExportFile {
  const svg = serializeSvg(renderFigure(spec, preset, screenWidth).svg)
  return {
    blob: new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }),
    fileName: `${spec.fileStem}.svg`,
  }
}

export async function figurePngFile(
  spec: FigureSpec,
  preset: PresetId,
  screenWidth?: number,
): Promise<ExportFile> {
  const layout = renderFigure(spec, preset, screenWidth)
  const blob = await svgToPng(
    serializeSvg(layout.svg),
    Math.round(layout.width * layout.scale),
    Math.round(layout.height * layout.scale),
    { Title: spec.title, Description: spec.subtitle, Source: `${spec.sources} ${spec.built}` },
  )
  return { blob, fileName: `${spec.fileStem}.png` }
}

export function figureCsvFile(spec: FigureSpec): ExportFile {
  return {
    blob: new Blob([toCsv(spec.csv)], { type: 'text/csv;charset=utf-8' }),
    fileName: `${spec.fileStem}.csv`,
  }
}

export type CopyResult = { copied: true } | { copied: false; reason: string }

/**
 * Puts the PNG on the clipboard. Browsers may refuse (no ClipboardItem, no permission, not a
 * secure context): the caller then downloads the file and says why.
 */
export async function copyPngToClipboard(png: Promise<Blob>): Promise<CopyResult> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    png.catch(() => undefined)
    return { copied: false, reason: t('export.copy.unsupported') }
  }
  try {
    // A promise in the ClipboardItem keeps the user gesture alive in Safari while the PNG renders.
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })])
    return { copied: true }
  } catch {
    return { copied: false, reason: t('export.copy.refused') }
  }
}
