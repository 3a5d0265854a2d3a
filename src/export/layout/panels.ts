import type { PanelsChart } from '../figure-spec'
import {
  chooseBySize,
  fontSteps,
  nothingToShow,
  type Candidate,
  type ChartArea,
  type ChartContext,
  type ChartDrawing,
} from './chart'
import {
  categoryGap,
  columnScale,
  drawCategory,
  drawColumn,
  fitCategoryLabels,
  fitValueLabels,
  minPlotHeight,
  type CategoryLabels,
  type ValueLabels,
} from './columns'
import type { Scene } from './scene'
import { lineHeight, wrapText } from './text'
import { COLORS, MIN_CHART_FONT } from './theme'

type Entry = PanelsChart['rows'][number]
type Panel = Entry['panels'][number]

/** Below this a panel's columns and title get cramped; more panels go on another line instead. */
const MIN_PANEL_WIDTH = 150
/** Columns take this share of their slot, and never more than 64 px (wider reads as a block). */
const BAR_SHARE = 0.62
const MAX_BAR_WIDTH = 64

interface PanelPlan {
  panel: Panel
  x: number
  width: number
  slot: number
  values: ValueLabels
  categories: CategoryLabels
  titleLines: Array<string>
  noteLines: Array<string>
}

interface GridLine {
  entry: number
  /** The entry's title, on the first line of its panels only. */
  entryTitle: Array<string>
  panels: Array<PanelPlan>
  titleHeight: number
  categoryHeight: number
  noteHeight: number
}

interface PanelsPlan {
  size: number
  width: number
  lines: Array<GridLine>
  plotHeight: number
  height: number
  /** Panels whose value or category labels are turned (fewer is better). */
  turned: number
}

/**
 * Small multiples: a grid of column charts, one per panel, each row of the spec under its
 * title. Panels of a row with a shared scale use one pixels-per-unit, so heights compare.
 */
export function layoutPanels(chart: PanelsChart, area: ChartArea, ctx: ChartContext): ChartDrawing {
  const entries = chart.rows.filter((entry) => entry.panels.length > 0)
  if (entries.length === 0) return nothingToShow(area, ctx)
  const plan =
    searchPanels(entries, area, area.width, ctx) ??
    // Too many categories for the width even at the smallest type: lay out wider, scale down.
    searchPanels(entries, area, widthForAllLabels(entries), ctx)
  if (!plan) return nothingToShow(area, ctx)
  return {
    draw: (scene) => drawPanels(scene, entries, plan, ctx),
    width: plan.width,
    height: plan.height,
    fits: plan.width <= area.width + 0.5 && plan.height <= area.height + 0.5,
  }
}

/**
 * The first layout that fits, in order of preference: panels at least MIN_PANEL_WIDTH wide,
 * largest type first; then, where the height is short, more and narrower panels per line.
 * Failing all, the shortest layout found (the frame scales it down).
 */
function searchPanels(
  entries: ReadonlyArray<Entry>,
  area: ChartArea,
  width: number,
  ctx: ChartContext,
): PanelsPlan | null {
  const most = Math.max(...entries.map((e) => e.panels.length))
  const roomy = Math.min(
    most,
    Math.max(1, Math.floor((width + gapX(ctx)) / (MIN_PANEL_WIDTH + gapX(ctx)))),
  )
  const sizes = fontSteps(ctx.theme.chart, MIN_CHART_FONT)
  const candidate = (plan: PanelsPlan | null): Candidate<PanelsPlan> | null =>
    plan && {
      plan,
      height: plan.height,
      fits: plan.height <= area.height + 0.5,
      turned: plan.turned,
    }
  // More panels a line means fewer lines: take the most that leave every label room.
  const found = chooseBySize(sizes, (size) => {
    for (let columns = roomy; columns >= 1; columns--) {
      const plan = planPanels(entries, area, size, width, columns, ctx)
      if (plan) return candidate(plan)
    }
    return null
  })
  if (found?.fits) return found.plan
  let shortest = found
  for (let columns = roomy + 1; columns <= most; columns++) {
    const narrow = chooseBySize(sizes, (size) =>
      candidate(planPanels(entries, area, size, width, columns, ctx)),
    )
    if (narrow?.fits) return narrow.plan
    if (narrow && (!shortest || narrow.height < shortest.height)) shortest = narrow
  }
  return shortest?.plan ?? null
}

/** A width at which turned labels at the smallest size fit every category of every panel. */
function widthForAllLabels(entries: ReadonlyArray<Entry>): number {
  const categories = Math.max(1, ...entries.flatMap((e) => e.panels.map((p) => p.values.length)))
  return categories * (lineHeight(MIN_CHART_FONT) + 4)
}

const gapX = (ctx: ChartContext) => ctx.theme.unit * 6
const entryTitleFont = (size: number) => ({ size: size + 1, weight: 700 as const })
const panelTitleFont = (size: number) => ({ size, weight: 600 as const })
const noteFont = (size: number, ctx: ChartContext) => ({ size: Math.min(ctx.theme.note, size) })

/** The grid at one font size and column count; null when some labels cannot fit. */
function planPanels(
  entries: ReadonlyArray<Entry>,
  area: ChartArea,
  size: number,
  width: number,
  columns: number,
  ctx: ChartContext,
): PanelsPlan | null {
  const most = Math.max(...entries.map((e) => e.panels.length))
  // Balance the lines: five panels at four a line read better as 3 + 2 than 4 + 1.
  const balanced = Math.ceil(most / Math.ceil(most / columns))
  const lines = gridLines(entries, balanced, size, width, ctx)
  return lines ? sizePlot(lines, entries, area, size, width, ctx) : null
}

function gridLines(
  entries: ReadonlyArray<Entry>,
  columns: number,
  size: number,
  width: number,
  ctx: ChartContext,
): Array<GridLine> | null {
  const { measure, theme } = ctx
  const panelWidth = (width - (columns - 1) * gapX(ctx)) / columns
  const lines: Array<GridLine> = []
  for (const [entryIndex, entry] of entries.entries()) {
    for (let start = 0; start < entry.panels.length; start += columns) {
      const panels: Array<PanelPlan> = []
      for (const [i, panel] of entry.panels.slice(start, start + columns).entries()) {
        const count = Math.max(1, panel.values.length)
        const slot = panelWidth / count
        const values = fitValueLabels(panel.values, slot, size, measure)
        const categories = fitCategoryLabels(
          panel.values.map((v) => ({ text: v.label, bold: v.highlight === true })),
          slot,
          size,
          measure,
        )
        if (!values || !categories) return null
        const titleRoom = panelWidth - theme.swatch - theme.unit * 2
        panels.push({
          panel,
          x: i * (panelWidth + gapX(ctx)),
          width: panelWidth,
          slot,
          values,
          categories,
          titleLines: wrapText(panel.title, titleRoom, panelTitleFont(size), measure),
          noteLines: wrapText(panel.note ?? '', panelWidth, noteFont(size, ctx), measure),
        })
      }
      const most = (f: (p: PanelPlan) => number) => Math.max(0, ...panels.map(f))
      lines.push({
        entry: entryIndex,
        entryTitle: start === 0 ? wrapText(entry.title, width, entryTitleFont(size), measure) : [],
        panels,
        titleHeight: most((p) => p.titleLines.length) * lineHeight(size),
        categoryHeight: most((p) => p.categories.height),
        noteHeight: most((p) => p.noteLines.length) * lineHeight(noteFont(size, ctx).size),
      })
    }
  }
  return lines
}

/** Vertical spacing around one grid line, everything but the plot itself. */
function lineOverhead(line: GridLine, index: number, size: number, ctx: ChartContext): number {
  const u = ctx.theme.unit
  let height = 0
  if (index > 0) height += line.entryTitle.length > 0 ? u * 8 : u * 5
  if (line.entryTitle.length > 0)
    height += line.entryTitle.length * lineHeight(entryTitleFont(size).size) + u * 2
  if (line.titleHeight > 0) height += line.titleHeight + u * 2
  height += categoryGap(size) + line.categoryHeight
  if (line.noteHeight > 0) height += u * 2 + line.noteHeight
  return height
}

/** One plot height for every panel (small multiples line up), natural or fitted to the area. */
function sizePlot(
  lines: Array<GridLine>,
  entries: ReadonlyArray<Entry>,
  area: ChartArea,
  size: number,
  width: number,
  ctx: ChartContext,
): PanelsPlan {
  const overhead = lines.reduce((sum, line, i) => sum + lineOverhead(line, i, size, ctx), 0)
  const needed = Math.max(
    ...lines.flatMap((line) =>
      line.panels.map((p) => minPlotHeight(p.panel.values, p.values.extents, size)),
    ),
  )
  const single = entries.length === 1 && lines.length === 1 && lines[0]?.panels.length === 1
  const panelWidth = lines[0]?.panels[0]?.width ?? width
  const natural = single
    ? Math.min(320, Math.max(160, width * 0.36))
    : Math.min(200, Math.max(100, panelWidth * 0.6))
  const room = (area.height - overhead) / lines.length
  const plotHeight = area.fill
    ? Math.max(needed, Math.min(natural * 1.5, room))
    : Math.max(needed, Math.min(natural, room))
  const turned = lines
    .flatMap((line) => line.panels)
    .reduce((n, p) => n + (p.values.upright ? 1 : 0) + (p.categories.upright ? 1 : 0), 0)
  return { size, width, lines, plotHeight, height: overhead + lines.length * plotHeight, turned }
}

function drawPanels(
  scene: Scene,
  entries: ReadonlyArray<Entry>,
  plan: PanelsPlan,
  ctx: ChartContext,
): void {
  const { size, plotHeight } = plan
  const u = ctx.theme.unit
  // Pixels per unit: one per entry when its panels share a scale, else one per panel.
  const shared = new Map<number, number>()
  entries.forEach((entry, index) => {
    if (!entry.sharedScale) return
    const panels = plan.lines.filter((l) => l.entry === index).flatMap((l) => l.panels)
    shared.set(
      index,
      columnScale(
        panels.flatMap((p) => p.panel.values),
        panels.flatMap((p) => p.values.extents),
        plotHeight,
        size,
      ),
    )
  })
  let y = 0
  plan.lines.forEach((line, index) => {
    if (index > 0) y += line.entryTitle.length > 0 ? u * 8 : u * 5
    if (line.entryTitle.length > 0)
      y += scene.lines(line.entryTitle, 0, y, entryTitleFont(size)) + u * 2
    const titleTop = y
    if (line.titleHeight > 0) y += line.titleHeight + u * 2
    const baseline = y + plotHeight
    const categoryTop = baseline + categoryGap(size)
    const noteTop = categoryTop + line.categoryHeight + u * 2
    for (const p of line.panels) {
      drawPanelTitle(scene, p, titleTop, size, ctx)
      const scale =
        shared.get(line.entry) ?? columnScale(p.panel.values, p.values.extents, plotHeight, size)
      p.panel.values.forEach((value, i) => {
        const center = p.x + p.slot * (i + 0.5)
        drawColumn(scene, value, p.values.lines[i] ?? [], p.values.upright, {
          center,
          barWidth: Math.min(MAX_BAR_WIDTH, p.slot * BAR_SHARE),
          baseline,
          scale,
          size,
        })
        drawCategory(
          scene,
          { text: value.label, bold: value.highlight === true },
          p.categories.lines[i] ?? [],
          p.categories.upright,
          { center, top: categoryTop, size },
        )
      })
      scene.line(p.x, baseline, p.x + p.width, baseline, COLORS.baseline)
      scene.lines(p.noteLines, p.x, noteTop, { ...noteFont(size, ctx), fill: COLORS.muted })
    }
    y = categoryTop + line.categoryHeight
    if (line.noteHeight > 0) y = noteTop + line.noteHeight
  })
}

function drawPanelTitle(
  scene: Scene,
  p: PanelPlan,
  top: number,
  size: number,
  ctx: ChartContext,
): void {
  if (p.titleLines.length === 0) return
  const { swatch, unit } = ctx.theme
  scene.rect(p.x, top + (lineHeight(size) - swatch) / 2, swatch, swatch, {
    fill: p.panel.color,
    rx: 2,
  })
  scene.lines(p.titleLines, p.x + swatch + unit * 2, top, panelTitleFont(size))
}
