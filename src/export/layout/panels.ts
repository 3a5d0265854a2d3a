import type { PanelsChart } from '../figure-spec'
import type { MeasureText } from '../text-measure'
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
  labelGap,
  minPlotHeight,
  shortCategories,
  type Category,
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
/** More panels than this side by side read as a strip rather than a grid: they wrap instead. */
const MAX_PER_LINE = 4
/** Columns take this share of their slot, and never more than 64 px (wider reads as a block). */
const BAR_SHARE = 0.62
const MAX_BAR_WIDTH = 64
/** Edition labels cut to their ordinal ("6th") must buy this much larger type to be chosen. */
const SHORT_LABEL_GAIN = 2

interface PanelPlan {
  panel: Panel
  /** Left edge within its block. */
  x: number
  width: number
  slot: number
  values: ValueLabels
  categories: CategoryLabels
  titleLines: Array<string>
  noteLines: Array<string>
}

/**
 * One row of the spec: its title over its panels, which wrap onto lines within the block's
 * width. A block is never split: its panels share a scale and are read together.
 */
interface BlockPlan {
  entry: number
  /** Left edge within the chart. */
  x: number
  title: Array<string>
  lines: Array<Array<PanelPlan>>
}

/** The heights of one line of panels across the blocks of a band, so their plots line up. */
interface Slot {
  titleHeight: number
  categoryHeight: number
  noteHeight: number
}

/** Blocks side by side: one title area, then lines of panels aligned across the blocks. */
interface Band {
  blocks: Array<BlockPlan>
  titleHeight: number
  slots: Array<Slot>
}

interface PanelsPlan {
  size: number
  width: number
  bands: Array<Band>
  /** Blocks side by side. */
  across: number
  /** Panels a line in a block, at most. */
  columns: number
  plotHeight: number
  height: number
  /** Panels whose value or category labels are turned (fewer is better). */
  turned: number
}

/** How the blocks and panels are arranged, and whether edition labels are cut to ordinals. */
interface Arrangement {
  across: number
  columns: number
  short: boolean
}

/**
 * Label fits remembered for one layout: its searches try the same panel at the same slot and
 * size many times (each label form, each arrangement, each tighter frame), and every panel of a
 * figure usually has the same edition labels.
 */
class LabelMemo {
  private readonly values = new WeakMap<Panel, Map<number, ValueLabels | null>>()
  private readonly categories = new Map<string, Map<number, CategoryLabels | null>>()
  private readonly signatures = new WeakMap<Panel, string>()
  private readonly shortened = new WeakMap<Panel, Array<Category> | null>()

  constructor(private readonly measure: MeasureText) {}

  /** Slots to a thousandth of a pixel and sizes to a tenth make the key. */
  private static key = (slot: number, size: number) =>
    Math.round(slot * 1000) * 1000 + Math.round(size * 10)

  valueLabels(panel: Panel, slot: number, size: number): ValueLabels | null {
    let bySlot = this.values.get(panel)
    if (!bySlot) this.values.set(panel, (bySlot = new Map()))
    const key = LabelMemo.key(slot, size)
    let fitted = bySlot.get(key)
    if (fitted === undefined) {
      fitted = fitValueLabels(panel.values, slot, size, this.measure)
      bySlot.set(key, fitted)
    }
    return fitted
  }

  /** The panel's edition labels cut to ordinals, or null when they cannot be. */
  short(panel: Panel): Array<Category> | null {
    let short = this.shortened.get(panel)
    if (short === undefined) {
      short = shortCategories(categoriesOf(panel))
      this.shortened.set(panel, short)
    }
    return short
  }

  categoryLabels(panel: Panel, slot: number, size: number, short: boolean) {
    let signature = this.signatures.get(panel)
    if (signature === undefined) {
      signature = panel.values.map((v) => `${v.highlight ? 1 : 0}${v.label}`).join('\u0000')
      this.signatures.set(panel, signature)
    }
    const cut = short ? this.short(panel) : null
    const form = `${cut ? 1 : 0}${signature}`
    let bySlot = this.categories.get(form)
    if (!bySlot) this.categories.set(form, (bySlot = new Map()))
    const key = LabelMemo.key(slot, size)
    let fitted = bySlot.get(key)
    if (fitted === undefined) {
      fitted = fitCategoryLabels(cut ?? categoriesOf(panel), slot, size, this.measure)
      bySlot.set(key, fitted)
    }
    return fitted
  }
}

/** The chart's context with the layout's remembered label fits. */
interface PanelsContext extends ChartContext {
  memo: LabelMemo
}

/**
 * Small multiples: one block per row of the spec (its title over its panels), each panel a
 * column chart. Panels of a row with a shared scale use one pixels-per-unit, so heights
 * compare. Where the blocks one under another do not fit the height but the width has room,
 * they flow into columns of blocks, each block kept whole.
 */
export function layoutPanels(
  chart: PanelsChart,
  area: ChartArea,
  chartContext: ChartContext,
): ChartDrawing {
  const entries = chart.rows.filter((entry) => entry.panels.length > 0)
  if (entries.length === 0) return nothingToShow(area, chartContext)
  const ctx = { ...chartContext, memo: new LabelMemo(chartContext.measure) }
  const found = searchPanels(entries, area, ctx)
  const plan =
    !found || found.fits || area.retried ? found?.plan : shrunk(entries, area, found.plan, ctx)
  if (!plan) return nothingToShow(area, chartContext)
  return {
    draw: (scene) => drawPanels(scene, entries, plan, chartContext),
    width: plan.width,
    height: plan.height,
    fits: plan.width <= area.width + 0.5 && plan.height <= area.height + 0.5,
  }
}

/** Scales below this are not searched: a chart that needs them is past reading anyway. */
const SMALLEST_SCALE = 0.1

/**
 * The last resort when nothing fits even at the smallest type: a layout for a larger area of
 * the same shape, which the frame then scales down to the area. The largest scale at which a
 * layout fits (within two percent), so the chart still fills the width and height it is given.
 * `missed`, a layout that did not fit, is kept should none be found.
 */
function shrunk(
  entries: ReadonlyArray<Entry>,
  area: ChartArea,
  missed: PanelsPlan,
  ctx: PanelsContext,
): PanelsPlan | null {
  const scaled = (scale: number) => ({
    width: area.width / scale,
    height: area.height / scale,
    fill: area.fill,
  })
  // Whether anything fits is known at the smallest type; the chosen scale then gets the search.
  const fitsAt = (scale: number) => searchPanels(entries, scaled(scale), ctx, true)?.fits === true
  if (!fitsAt(SMALLEST_SCALE)) {
    // So many categories that even this does not fit: as wide as turned labels need.
    const wide = Math.max(area.width / SMALLEST_SCALE, widthForAllLabels(entries))
    return searchPanels(entries, { ...area, width: wide }, ctx)?.plan ?? missed
  }
  let low = SMALLEST_SCALE
  let high = 1
  // Fitting grows with the area: bisect for the largest scale.
  while (high - low > 0.02) {
    const mid = (low + high) / 2
    if (fitsAt(mid)) low = mid
    else high = mid
  }
  return searchPanels(entries, scaled(low), ctx)?.plan ?? missed
}

/**
 * The layout to draw at this area's width, in order of preference:
 * 1. the largest type at which some arrangement fits, panels at least MIN_PANEL_WIDTH wide and
 *    at most MAX_PER_LINE a line, blocks one under another or side by side;
 * 2. the same with edition labels cut to their ordinal, when that buys larger type or level
 *    labels;
 * 3. more and narrower panels a line.
 * A probe tries the smallest type alone and stops at the first layout that fits: enough to
 * learn whether anything does.
 * Failing all, the shortest layout tried, which does not fit.
 */
function searchPanels(
  entries: ReadonlyArray<Entry>,
  area: ChartArea,
  ctx: PanelsContext,
  probe = false,
): { plan: PanelsPlan; fits: boolean } | null {
  const { width } = area
  const sizes = probe ? [MIN_CHART_FONT] : fontSteps(ctx.theme.chart, MIN_CHART_FONT)
  const most = Math.max(...entries.map((e) => e.panels.length))
  const shortForm = entries.some((e) => e.panels.some((p) => ctx.memo.short(p) !== null))
  let shortest: PanelsPlan | null = null
  const search = (short: boolean, narrow: boolean) =>
    chooseBySize(sizes, (size) => {
      const options: Array<Candidate<PanelsPlan>> = []
      for (const across of blockCounts(entries.length, width, ctx)) {
        const room = perLine(blockWidth(width, across, ctx), most, ctx)
        const counts = narrow
          ? Array.from({ length: most - room }, (_, i) => room + 1 + i)
          : Array.from({ length: room }, (_, i) => room - i)
        // Five a line at most balance to 3 + 3 like three do: each arrangement once.
        for (const columns of new Set(counts.map((c) => balanced(most, c)))) {
          const arrangement = { across, columns, short }
          // Plans that cannot fit are needed only as a fallback; one is enough.
          if (shortest && leastHeight(entries, size, arrangement, ctx) > area.height + 0.5) continue
          const plan = planPanels(entries, area, size, arrangement, ctx)
          if (!plan) continue
          if (!shortest || plan.height < shortest.height) shortest = plan
          const option = candidate(plan, area)
          if (probe && option.fits) return option
          options.push(option)
        }
      }
      return bestOf(options, area, narrow)
    })

  // Cut labels only where they buy larger type, or level labels at the same size.
  const labelled = (narrow: boolean) => {
    const full = search(false, narrow)
    const generous = full?.fits && (probe || full.plan.size + SHORT_LABEL_GAIN > (sizes[0] ?? 0))
    const short = shortForm && !generous ? search(true, narrow) : null
    if (!short?.fits) return full?.fits ? full.plan : null
    if (!full?.fits) return short.plan
    const larger = short.plan.size >= full.plan.size + SHORT_LABEL_GAIN
    const level = short.plan.size >= full.plan.size && short.turned < full.turned
    return larger || level ? short.plan : full.plan
  }
  const fitting = labelled(false) ?? labelled(true)
  if (fitting) return { plan: fitting, fits: true }
  const last = shortest as PanelsPlan | null
  return last && { plan: last, fits: false }
}

const candidate = (plan: PanelsPlan, area: ChartArea): Candidate<PanelsPlan> => ({
  plan,
  height: plan.height,
  fits: plan.height <= area.height + 0.5,
  turned: plan.turned,
})

/**
 * The best of the arrangements tried at one size: one that fits, then the fewest turned labels.
 * Then, on a fixed height, the tallest plots (blocks side by side leave each more height); on a
 * growing figure, the least height beyond the width (a chart much taller than wide reads badly).
 * Then fewer blocks side by side; then more panels a line (fewer, when they are narrow).
 * With none fitting, the shortest.
 */
function bestOf(
  options: ReadonlyArray<Candidate<PanelsPlan>>,
  area: ChartArea,
  narrow: boolean,
): Candidate<PanelsPlan> | null {
  const fitting = options.filter((o) => o.fits)
  if (fitting.length === 0)
    return options.reduce<Candidate<PanelsPlan> | null>(
      (best, o) => (!best || o.height < best.height ? o : best),
      null,
    )
  const tallness = (o: Candidate<PanelsPlan>) =>
    area.fill ? -o.plan.plotHeight : Math.max(0, o.height - area.width)
  return fitting.reduce((best, o) => {
    if (o.turned !== best.turned) return o.turned < best.turned ? o : best
    const a = tallness(o)
    const b = tallness(best)
    if (Math.abs(a - b) > 0.5) return a < b ? o : best
    if (o.plan.across !== best.plan.across) return o.plan.across < best.plan.across ? o : best
    const wider = narrow ? o.plan.columns < best.plan.columns : o.plan.columns > best.plan.columns
    return wider ? o : best
  })
}

/** A width at which turned labels at the smallest size fit every category of every panel. */
function widthForAllLabels(entries: ReadonlyArray<Entry>): number {
  const categories = Math.max(1, ...entries.flatMap((e) => e.panels.map((p) => p.values.length)))
  return categories * (lineHeight(MIN_CHART_FONT) + 4)
}

const gapX = (ctx: ChartContext) => ctx.theme.unit * 6
/** Between blocks side by side: wider than between panels, so each block reads as one. */
const blockGap = (ctx: ChartContext) => ctx.theme.unit * 10
const entryTitleFont = (size: number) => ({ size: size + 1, weight: 700 as const })
const panelTitleFont = (size: number) => ({ size, weight: 600 as const })
const noteFont = (size: number, ctx: ChartContext) => ({ size: Math.min(ctx.theme.note, size) })

const blockWidth = (width: number, across: number, ctx: ChartContext) =>
  (width - (across - 1) * blockGap(ctx)) / across

/** Panels a line in a block this wide: as many as keep MIN_PANEL_WIDTH, at most MAX_PER_LINE. */
const perLine = (width: number, most: number, ctx: ChartContext) =>
  Math.min(
    most,
    MAX_PER_LINE,
    Math.max(1, Math.floor((width + gapX(ctx)) / (MIN_PANEL_WIDTH + gapX(ctx)))),
  )

/** Balances items over lines: five at four a line read better as 3 + 2 than 4 + 1. */
const balanced = (items: number, perLineAtMost: number) =>
  Math.ceil(items / Math.ceil(items / Math.max(1, perLineAtMost)))

/**
 * How many blocks may stand side by side: one, or more where each block still holds a panel
 * of MIN_PANEL_WIDTH; balanced, so six blocks go 3 + 3 rather than 4 + 2.
 */
function blockCounts(entries: number, width: number, ctx: ChartContext): Array<number> {
  const counts = new Set<number>([1])
  for (let across = 2; across <= entries; across++)
    if (blockWidth(width, across, ctx) >= MIN_PANEL_WIDTH) counts.add(balanced(entries, across))
  return [...counts]
}

const categoriesOf = (panel: Panel): Array<Category> =>
  panel.values.map((v) => ({ text: v.label, bold: v.highlight === true }))

/**
 * A height no layout of this arrangement goes below, found without measuring a label: every
 * band's title and gaps, and for each line of panels its title, one line of categories and the
 * least plot.
 */
function leastHeight(
  entries: ReadonlyArray<Entry>,
  size: number,
  arrangement: Arrangement,
  ctx: ChartContext,
): number {
  const u = ctx.theme.unit
  const { across, columns } = arrangement
  const line = lineHeight(size)
  let height = 0
  for (let start = 0; start < entries.length; start += across) {
    const end = Math.min(entries.length, start + across)
    let titled = false
    let depth = 0
    for (let e = start; e < end; e++) {
      const entry = entries[e]
      if (!entry) continue
      titled ||= entry.title.trim() !== ''
      depth = Math.max(depth, Math.ceil(entry.panels.length / columns))
    }
    if (start > 0) height += titled ? u * 8 : u * 5
    if (titled) height += lineHeight(entryTitleFont(size).size) + u * 2
    for (let index = 0; index < depth; index++) {
      let named = false
      for (let e = start; e < end && !named; e++) {
        const panels = entries[e]?.panels ?? []
        const last = Math.min(panels.length, (index + 1) * columns)
        for (let i = index * columns; i < last && !named; i++)
          named = (panels[i]?.title.trim() ?? '') !== ''
      }
      if (index > 0) height += u * 5
      if (named) height += line + u * 2
      height += categoryGap(size) + line + line + labelGap(size)
    }
  }
  return height
}

/** The grid at one font size and arrangement; null when some labels cannot fit. */
function planPanels(
  entries: ReadonlyArray<Entry>,
  area: ChartArea,
  size: number,
  arrangement: Arrangement,
  ctx: PanelsContext,
): PanelsPlan | null {
  const { across } = arrangement
  const { width } = area
  const most = Math.max(...entries.map((e) => e.panels.length))
  const columns = balanced(most, arrangement.columns)
  const inner = blockWidth(width, across, ctx)
  const blocks: Array<BlockPlan> = []
  for (const [index, entry] of entries.entries()) {
    const block = planBlock(entry, index, inner, columns, size, arrangement.short, ctx)
    if (!block) return null
    blocks.push(block)
  }
  const bands: Array<Band> = []
  for (let start = 0; start < blocks.length; start += across) {
    const inBand = blocks.slice(start, start + across)
    inBand.forEach((block, i) => (block.x = i * (inner + blockGap(ctx))))
    let titleLines = 0
    const slots: Array<Slot> = []
    for (const block of inBand) {
      titleLines = Math.max(titleLines, block.title.length)
      block.lines.forEach((line, index) => {
        const slot = (slots[index] ??= { titleHeight: 0, categoryHeight: 0, noteHeight: 0 })
        for (const p of line) {
          slot.titleHeight = Math.max(slot.titleHeight, p.titleLines.length * lineHeight(size))
          slot.categoryHeight = Math.max(slot.categoryHeight, p.categories.height)
          const notes = p.noteLines.length * lineHeight(noteFont(size, ctx).size)
          slot.noteHeight = Math.max(slot.noteHeight, notes)
        }
      })
    }
    const titleHeight = titleLines * lineHeight(entryTitleFont(size).size)
    bands.push({ blocks: inBand, titleHeight, slots })
  }
  return sizePlot(bands, entries, area, size, { across, columns }, ctx)
}

function planBlock(
  entry: Entry,
  index: number,
  width: number,
  columns: number,
  size: number,
  short: boolean,
  ctx: PanelsContext,
): BlockPlan | null {
  const { measure, theme } = ctx
  const panelWidth = (width - (columns - 1) * gapX(ctx)) / columns
  const lines: Array<Array<PanelPlan>> = []
  for (let start = 0; start < entry.panels.length; start += columns) {
    const line: Array<PanelPlan> = []
    for (const [i, panel] of entry.panels.slice(start, start + columns).entries()) {
      const slot = panelWidth / Math.max(1, panel.values.length)
      const values = ctx.memo.valueLabels(panel, slot, size)
      const categories = ctx.memo.categoryLabels(panel, slot, size, short)
      if (!values || !categories) return null
      const titleRoom = panelWidth - theme.swatch - theme.unit * 2
      line.push({
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
    lines.push(line)
  }
  return {
    entry: index,
    x: 0,
    title: wrapText(entry.title, width, entryTitleFont(size), measure),
    lines,
  }
}

/** Vertical spacing in a band, everything but the plots: they are `slots.length` plots tall. */
function bandOverhead(band: Band, index: number, size: number, ctx: ChartContext): number {
  const u = ctx.theme.unit
  let height = 0
  if (index > 0) height += band.titleHeight > 0 ? u * 8 : u * 5
  if (band.titleHeight > 0) height += band.titleHeight + u * 2
  band.slots.forEach((slot, line) => {
    if (line > 0) height += u * 5
    if (slot.titleHeight > 0) height += slot.titleHeight + u * 2
    height += categoryGap(size) + slot.categoryHeight
    if (slot.noteHeight > 0) height += u * 2 + slot.noteHeight
  })
  return height
}

const panelsOfPlan = (bands: ReadonlyArray<Band>) =>
  bands.flatMap((band) => band.blocks.flatMap((block) => block.lines.flat()))

/** One plot height for every panel (small multiples line up), natural or fitted to the area. */
function sizePlot(
  bands: Array<Band>,
  entries: ReadonlyArray<Entry>,
  area: ChartArea,
  size: number,
  arrangement: { across: number; columns: number },
  ctx: ChartContext,
): PanelsPlan {
  const { width } = area
  const overhead = bands.reduce((sum, band, i) => sum + bandOverhead(band, i, size, ctx), 0)
  const panels = panelsOfPlan(bands)
  const plots = bands.reduce((sum, band) => sum + band.slots.length, 0)
  const needed = Math.max(...panels.map((p) => minPlotHeight(p.panel.values, p.values, size)))
  const single = entries.length === 1 && panels.length === 1
  const panelWidth = panels[0]?.width ?? width
  const natural = single
    ? Math.min(320, Math.max(160, width * 0.36))
    : Math.min(200, Math.max(100, panelWidth * 0.6))
  const room = (area.height - overhead) / plots
  const plotHeight = area.fill
    ? Math.max(needed, Math.min(natural * 1.5, room))
    : Math.max(needed, Math.min(natural, room))
  const turned = panels.reduce(
    (n, p) => n + (p.values.upright ? 1 : 0) + (p.categories.upright ? 1 : 0),
    0,
  )
  const height = overhead + plots * plotHeight
  return { size, width, bands, ...arrangement, plotHeight, height, turned }
}

function drawPanels(
  scene: Scene,
  entries: ReadonlyArray<Entry>,
  plan: PanelsPlan,
  ctx: ChartContext,
): void {
  const { size, plotHeight } = plan
  const u = ctx.theme.unit
  const blocks = plan.bands.flatMap((band) => band.blocks)
  // Pixels per unit: one per entry when its panels share a scale, else one per panel.
  const shared = new Map<number, number>()
  for (const block of blocks) {
    if (!entries[block.entry]?.sharedScale) continue
    const panels = block.lines.flat()
    shared.set(
      block.entry,
      columnScale(
        panels.flatMap((p) => p.panel.values),
        panels.flatMap((p) => p.values.extents),
        plotHeight,
        size,
      ),
    )
  }
  let y = 0
  plan.bands.forEach((band, index) => {
    if (index > 0) y += band.titleHeight > 0 ? u * 8 : u * 5
    if (band.titleHeight > 0) {
      for (const block of band.blocks) scene.lines(block.title, block.x, y, entryTitleFont(size))
      y += band.titleHeight + u * 2
    }
    band.slots.forEach((slot, line) => {
      if (line > 0) y += u * 5
      const titleTop = y
      if (slot.titleHeight > 0) y += slot.titleHeight + u * 2
      const baseline = y + plotHeight
      const categoryTop = baseline + categoryGap(size)
      const noteTop = categoryTop + slot.categoryHeight + u * 2
      for (const block of band.blocks)
        for (const p of block.lines[line] ?? []) {
          const scale =
            shared.get(block.entry) ??
            columnScale(p.panel.values, p.values.extents, plotHeight, size)
          const at = { titleTop, baseline, categoryTop, noteTop, scale, size }
          drawPanel(scene, p, block.x, at, ctx)
        }
      y = categoryTop + slot.categoryHeight
      if (slot.noteHeight > 0) y = noteTop + slot.noteHeight
    })
  })
}

/** Where a line of panels is drawn: tops of its parts, its baseline, its scale and type size. */
interface PanelPlace {
  titleTop: number
  baseline: number
  categoryTop: number
  noteTop: number
  scale: number
  size: number
}

function drawPanel(
  scene: Scene,
  p: PanelPlan,
  left: number,
  at: PanelPlace,
  ctx: ChartContext,
): void {
  const { size } = at
  const x = left + p.x
  drawPanelTitle(scene, p, x, at.titleTop, size, ctx)
  p.panel.values.forEach((value, i) => {
    const center = x + p.slot * (i + 0.5)
    drawColumn(scene, value, p.values.lines[i] ?? [], p.values.upright, {
      center,
      barWidth: Math.min(MAX_BAR_WIDTH, p.slot * BAR_SHARE),
      baseline: at.baseline,
      scale: at.scale,
      size,
      lifted: p.values.lifted[i] === true,
    })
    drawCategory(
      scene,
      { text: value.label, bold: value.highlight === true },
      p.categories.lines[i] ?? [],
      p.categories.upright,
      { center, top: at.categoryTop, size },
    )
  })
  scene.line(x, at.baseline, x + p.width, at.baseline, COLORS.baseline)
  scene.lines(p.noteLines, x, at.noteTop, { ...noteFont(size, ctx), fill: COLORS.muted })
}

function drawPanelTitle(
  scene: Scene,
  p: PanelPlan,
  x: number,
  top: number,
  size: number,
  ctx: ChartContext,
): void {
  if (p.titleLines.length === 0) return
  const { swatch, unit } = ctx.theme
  scene.rect(x, top + (lineHeight(size) - swatch) / 2, swatch, swatch, {
    fill: p.panel.color,
    rx: 2,
  })
  scene.lines(p.titleLines, x + swatch + unit * 2, top, panelTitleFont(size))
}
