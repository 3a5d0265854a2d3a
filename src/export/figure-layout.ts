import { currentLocale } from '../i18n/i18n'
import { LANGUAGE_TAGS } from '../i18n/locale'
import type { FigureChart, FigureSpec } from './figure-spec'
import { layoutBars } from './layout/bars'
import { chartMarks, type ChartArea, type ChartContext, type ChartDrawing } from './layout/chart'
import {
  footerBlock,
  legendBlock,
  marksKey,
  stackBlocks,
  textBlock,
  type Block,
} from './layout/frame'
import { groupedAsMatrix, layoutGrouped, shownAsTable } from './layout/grouped'
import { layoutMatrix } from './layout/matrix'
import { layoutPanels } from './layout/panels'
import { Scene } from './layout/scene'
import { layoutMeasurer } from './layout/text'
import { COLORS, themeFor, type Theme } from './layout/theme'
import type { FigureSize } from './presets'
import { el, type SvgElement } from './svg-tree'
import type { MeasureText } from './text-measure'

export interface LayoutOptions {
  measure: MeasureText
  /** The page's computed font-family, written on the figure so it looks like the page. */
  fontFamily: string
}

/** Where a piece of text was placed, in layout pixels: for overlap and clipping checks. */
export interface TextBox {
  text: string
  x: number
  y: number
  width: number
  height: number
}

export interface FigureLayout {
  svg: SvgElement
  /** Layout size in CSS pixels; the image is width × scale by height × scale. */
  width: number
  height: number
  scale: number
  texts: ReadonlyArray<TextBox>
  /** The chart kind actually drawn: a dense grouped chart is drawn as a matrix. */
  drawnAs: FigureChart['kind']
}

/**
 * Lays a figure out for a size: title, subtitle, legend, chart, notes, footer, on white.
 * Fixed-height sizes give the chart what the frame leaves, tightening the frame when the chart
 * would not fit; fit-content sizes take the chart's natural height, up to the size's maximum.
 */
export function layoutFigure(
  spec: FigureSpec,
  size: FigureSize,
  options: LayoutOptions,
): FigureLayout {
  const measured = { ...options, measure: layoutMeasurer(options.measure) }
  const composed =
    composeAtDensities(spec, spec.chart, [], size, measured) ??
    (spec.chart.kind === 'grouped'
      ? // The table names its rows: the colour legend of the columns has nothing left to key.
        composeAtDensities(
          { ...spec, legend: [] },
          groupedAsMatrix(spec.chart),
          [shownAsTable()],
          size,
          measured,
        )
      : null)
  // Only a grouped chart can refuse a size, and its table never does.
  if (!composed) throw new Error('figure layout: no layout for this chart')
  return render(spec, size, measured, composed)
}

interface Composed {
  chart: FigureChart
  /** Draws the frame and chart; only the attempt that is kept is drawn. */
  draw: (content: Scene) => void
  contentHeight: number
  height: number
  fits: boolean
}

/** Tighter frames are tried only where the height is fixed; a growing figure just grows. */
function composeAtDensities(
  spec: FigureSpec,
  chart: FigureChart,
  extraNotes: ReadonlyArray<string>,
  size: FigureSize,
  options: LayoutOptions,
): Composed | null {
  const densities = size.height === null ? [0] : [0, 1, 2]
  let last: Composed | null = null
  for (const density of densities) {
    const retried = density !== densities.at(-1)
    const theme = themeFor(size.width, density)
    const composed = compose(spec, chart, extraNotes, size, theme, retried, options)
    if (!composed) continue
    last = composed
    if (composed.fits) break
  }
  return last
}

function layoutChart(chart: FigureChart, area: ChartArea, ctx: ChartContext): ChartDrawing | null {
  switch (chart.kind) {
    case 'bars':
      return layoutBars(chart, area, ctx)
    case 'panels':
      return layoutPanels(chart, area, ctx)
    case 'grouped':
      return layoutGrouped(chart, area, ctx)
    case 'matrix':
      return layoutMatrix(chart, area, ctx)
  }
}

interface Frame {
  header: Block
  notes: Block
  footer: Block
  /** Gap between header and chart, chart and notes, notes (or chart) and footer. */
  gaps: { chart: number; notes: number; footer: number }
}

function frameFor(
  spec: FigureSpec,
  chart: FigureChart,
  extraNotes: ReadonlyArray<string>,
  width: number,
  theme: Theme,
  measure: MeasureText,
): Frame {
  const u = theme.unit
  const title = textBlock(spec.title, width, { size: theme.title, weight: 700 }, measure)
  const subtitle = textBlock(
    spec.subtitle,
    width,
    { size: theme.subtitle, fill: COLORS.muted },
    measure,
  )
  const legend = legendBlock(spec.legend, width, theme, measure)
  const header = stackBlocks([stackBlocks([title, subtitle], u * 1.5), legend], u * 4)
  const key = marksKey(chartMarks(chart), spec.notes)
  const noteStyle = { size: theme.note, fill: COLORS.muted }
  const notes = stackBlocks(
    [...(key ? [key] : []), ...spec.notes, ...extraNotes].map((n) =>
      textBlock(n, width, noteStyle, measure),
    ),
    u,
  )
  return {
    header,
    notes,
    footer: footerBlock(spec.sources, spec.built, width, theme, measure),
    gaps: { chart: u * 6, notes: u * 4, footer: u * 5 },
  }
}

/** One attempt at a theme's density; null when a grouped chart cannot be drawn at this size. */
function compose(
  spec: FigureSpec,
  chart: FigureChart,
  extraNotes: ReadonlyArray<string>,
  size: FigureSize,
  theme: Theme,
  retried: boolean,
  options: LayoutOptions,
): Composed | null {
  const { measure } = options
  const margin = theme.margin
  const width = size.width - margin * 2
  const frame = frameFor(spec, chart, extraNotes, width, theme, measure)
  const { header, notes, footer, gaps } = frame
  const frameHeight =
    margin * 2 +
    header.height +
    (header.height > 0 ? gaps.chart : 0) +
    (notes.height > 0 ? gaps.notes + notes.height : 0) +
    gaps.footer +
    footer.height
  const limit = size.height ?? size.maxHeight
  // A frame that leaves the chart almost nothing still gives it a quarter: the whole figure is
  // then scaled down to the limit rather than losing the chart.
  const area = {
    width,
    height: Math.max(limit - frameHeight, limit * 0.25),
    fill: size.height !== null,
    retried,
  }
  const drawing = layoutChart(chart, area, { measure, theme })
  if (!drawing) return null
  // Last resort when even the smallest type does not fit: shrink the drawing, keep every label.
  const chartScale = drawing.fits
    ? 1
    : Math.min(1, width / drawing.width, area.height / drawing.height)
  const chartHeight = drawing.height * chartScale

  const chartTop = margin + header.height + (header.height > 0 ? gaps.chart : 0)
  const body = chartHeight + (notes.height > 0 ? gaps.notes + notes.height : 0)
  const natural = chartTop + body + gaps.footer + footer.height + margin
  const height = size.height ?? Math.min(size.maxHeight, Math.ceil(natural))
  // On a fixed page the footer sits at the bottom. A short chart moves down by a third of the
  // room left over, to the optical centre, rather than leaving one hole under it.
  const footerTop = Math.max(natural - margin - footer.height, height - margin - footer.height)
  const y = chartTop + Math.max(0, (footerTop - gaps.footer - chartTop - body) / 3)
  const draw = (content: Scene) => {
    header.draw(content, margin, margin)
    const part = new Scene(measure)
    drawing.draw(part)
    content.place(part, margin, y, chartScale)
    notes.draw(content, margin, y + chartHeight + gaps.notes)
    footer.draw(content, margin, footerTop)
  }
  const contentHeight = footerTop + footer.height + margin
  return {
    chart,
    draw,
    contentHeight,
    height,
    fits: drawing.fits && contentHeight <= height + 0.5,
  }
}

function render(
  spec: FigureSpec,
  size: FigureSize,
  options: LayoutOptions,
  composed: Composed,
): FigureLayout {
  const { width, scale } = size
  const { height } = composed
  const page = new Scene(options.measure)
  page.rect(0, 0, width, height, { fill: COLORS.background })
  const content = new Scene(options.measure)
  composed.draw(content)
  if (composed.contentHeight > height + 0.5) {
    // Nothing else made it fit (absurdly long titles, hundreds of rows): scale it all down,
    // centred, so nothing is clipped.
    const shrink = height / composed.contentHeight
    page.place(content, (width - width * shrink) / 2, 0, shrink)
  } else {
    page.nodes.push(...content.nodes)
    page.texts.push(...content.texts)
  }
  const svg = el(
    'svg',
    {
      width: width * scale,
      height: height * scale,
      viewBox: `0 0 ${width} ${height}`,
      // The language picks the glyph forms of Han characters (Simplified Chinese, not Japanese).
      lang: LANGUAGE_TAGS[currentLocale()],
      'font-family': options.fontFamily,
    },
    [el('title', {}, [spec.title]), el('desc', {}, [spec.subtitle]), ...page.nodes],
  )
  return { svg, width, height, scale, texts: page.texts, drawnAs: composed.chart.kind }
}
