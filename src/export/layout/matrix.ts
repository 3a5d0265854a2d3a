import type { FigureValue, MatrixChart } from '../figure-spec'
import {
  NOT_REPORTED_MARK,
  fontSteps,
  nothingToShow,
  valueLabel,
  type ChartArea,
  type ChartContext,
  type ChartDrawing,
} from './chart'
import type { Scene } from './scene'
import { lineHeight, widest, widthForLines, wrapText } from './text'
import { COLORS, MIN_CHART_FONT } from './theme'

/** Light to dark: a cell's shade is its share of the largest value, in fifths. */
export const MATRIX_SHADES = ['#e8f0f8', '#c4d7ec', '#8fb3d9', '#2f6aa8', '#0b3a6e'] as const
/** The label column never takes more than this share of the width. */
const LABEL_SHARE = 0.3
/** White between cells, so the shaded cells read as tiles. */
const CELL_GAP = 2

export function shadeIndex(value: number, max: number): number {
  const share = max > 0 ? value / max : 0
  return Math.min(4, Math.max(0, Math.ceil(share * 5) - 1))
}

interface MatrixPlan {
  size: number
  padX: number
  padY: number
  labelWidth: number
  columnWidths: Array<number>
  cornerLines: Array<string>
  headerLines: Array<Array<string>>
  labelLines: Array<Array<string>>
  cellLines: Array<Array<Array<string>>>
  rowHeights: Array<number>
  headerHeight: number
  width: number
  height: number
}

/** What the cells say, and what the top-left corner says about them (a common unit). */
interface MatrixTexts {
  cells: Array<Array<string>>
  corner: string
}

/** Room inside a cell around its text; `tight` is the last resort of the smallest type. */
const padding = (size: number, tight = false) => ({
  x: tight ? 3 : Math.max(3, size * 0.5),
  y: Math.max(2, size * 0.3),
})
const cellText = (value: FigureValue | undefined) =>
  !value || value.value === null ? NOT_REPORTED_MARK : valueLabel(value)
const headerFont = (size: number) => ({ size, weight: 600 as const })

function fullTexts(chart: MatrixChart, columns: number): MatrixTexts {
  return {
    cells: chart.rows.map((r) => Array.from({ length: columns }, (_, j) => cellText(r.cells[j]))),
    corner: '',
  }
}

/** "US$" 1,234 " million": a number with words or symbols around it. */
const AMOUNT = /^(\D*?)(\d[\d,.]*)(\D*)$/

/**
 * When every reported cell is the same unit around a number ("US$1,234 million", "US$71
 * million"), the table can say the unit once, in its corner, and the cells just the numbers,
 * as printed tables do. Null when the displays differ in any way (another scale word, a
 * qualifier such as "about"): then only the full displays are true.
 */
export function factorUnit(chart: MatrixChart, columns: number): MatrixTexts | null {
  let affix: { prefix: string; suffix: string } | null = null
  for (const row of chart.rows)
    for (const cell of row.cells) {
      if (cell.value === null) continue
      const match = AMOUNT.exec(cell.display.trim())
      if (!match) return null
      const [, prefix = '', , suffix = ''] = match
      affix ??= { prefix, suffix }
      if (affix.prefix !== prefix || affix.suffix !== suffix) return null
    }
  if (!affix) return null
  const unit = `${affix.prefix.trim()} ${affix.suffix.trim()}`.trim()
  if (!/[\p{L}$¥€£%]/u.test(unit)) return null
  const number = (value: FigureValue | undefined) => {
    if (!value || value.value === null) return NOT_REPORTED_MARK
    const digits = AMOUNT.exec(value.display.trim())?.[2] ?? value.display
    return value.conflict ? `${digits} ⚠` : digits
  }
  return {
    cells: chart.rows.map((r) => Array.from({ length: columns }, (_, j) => number(r.cells[j]))),
    corner: unit,
  }
}

/**
 * A table of values: a header of columns, a label and a shaded cell per column in each row.
 * Tries the largest type first, on one line per cell, then two and three lines broken at
 * spaces, then smaller type; the first layout that fits both width and height wins. A unit
 * common to all cells moves to the corner when that fits better; when nothing fits, the
 * shortest table is drawn and the frame scales it down.
 */
export function layoutMatrix(chart: MatrixChart, area: ChartArea, ctx: ChartContext): ChartDrawing {
  const columns = Math.max(chart.columns.length, ...chart.rows.map((r) => r.cells.length))
  if (chart.rows.length === 0 || columns === 0) return nothingToShow(area, ctx)
  let found = searchMatrix(chart, fullTexts(chart, columns), area, ctx)
  const factored = factorUnit(chart, columns)
  if (factored) {
    // The unit said once is worth it when it lets the table fit, or fit with more room.
    const other = searchMatrix(chart, factored, area, ctx)
    if (other && (!found || factoredWins(other, found))) found = other
  }
  const plan =
    found?.plan ??
    planMatrix(chart, fullTexts(chart, columns), area.width, MIN_CHART_FONT, 3, ctx, {
      tight: true,
      force: true,
    })
  if (!plan) return nothingToShow(area, ctx)
  return {
    draw: (scene) => drawMatrix(scene, chart, plan),
    width: plan.width,
    height: plan.height,
    fits: plan.width <= area.width + 0.5 && plan.height <= area.height + 0.5,
  }
}

/** Whether the table with its unit in the corner beats the full one: it wins ties (less ink). */
const factoredWins = (factored: Found, full: Found) =>
  factored.fits !== full.fits
    ? factored.fits
    : factored.fits
      ? factored.plan.size >= full.plan.size
      : factored.plan.height < full.plan.height

interface Found {
  plan: MatrixPlan
  fits: boolean
}

function searchMatrix(
  chart: MatrixChart,
  texts: MatrixTexts,
  area: ChartArea,
  ctx: ChartContext,
): Found | null {
  let shortest: MatrixPlan | null = null
  for (const size of fontSteps(ctx.theme.chart, MIN_CHART_FONT)) {
    // Even one-line rows at this size would be too tall: no need to measure anything.
    const lowest = (chart.rows.length + 1) * (lineHeight(size) + padding(size).y * 2)
    if (lowest > area.height && size > MIN_CHART_FONT) continue
    const attempts = [1, 2, 3].map((maxLines) => ({ maxLines, tight: false }))
    if (size === MIN_CHART_FONT)
      attempts.push({ maxLines: 2, tight: true }, { maxLines: 3, tight: true })
    for (const { maxLines, tight } of attempts) {
      const plan = planMatrix(chart, texts, area.width, size, maxLines, ctx, { tight })
      if (!plan) continue
      if (plan.height <= area.height + 0.5) return { plan, fits: true }
      if (!shortest || plan.height < shortest.height) shortest = plan
    }
  }
  return shortest ? { plan: shortest, fits: false } : null
}

/** The table at one size and line limit; null if it is wider than `width` (unless forced). */
function planMatrix(
  chart: MatrixChart,
  texts: MatrixTexts,
  width: number,
  size: number,
  maxLines: number,
  ctx: ChartContext,
  options: { tight?: boolean; force?: boolean } = {},
): MatrixPlan | null {
  const { measure } = ctx
  const font = { size }
  const cornerFont = { size, fill: COLORS.muted }
  const { x: padX, y: padY } = padding(size, options.tight)
  const lh = lineHeight(size)
  const columns = texts.cells[0]?.length ?? 0
  const header = (j: number) => chart.columns[j] ?? ''
  const natural = Array.from({ length: columns }, (_, j) =>
    Math.max(
      widthForLines(header(j), maxLines, headerFont(size), measure),
      ...texts.cells.map((row) => widthForLines(row[j] ?? '', maxLines, font, measure)),
    ),
  )
  const cellsWidth = natural.reduce((sum, w) => sum + w + padX * 2, 0)
  // Labels start on the figure's left edge, in line with the title, and wrap onto two lines
  // only when the table would not fit otherwise; never wider than LABEL_SHARE of the width.
  const labels = chart.rows.map((r) => r.label)
  const corner = widthForLines(texts.corner, 2, cornerFont, measure)
  const oneLine = Math.max(corner, widest(labels, font, measure))
  const twoLines = Math.max(corner, ...labels.map((l) => widthForLines(l, 2, font, measure)))
  const labelWidth = Math.min(
    width * LABEL_SHARE,
    oneLine,
    Math.max(twoLines, width - cellsWidth - padX),
  )
  const labelLines = labels.map((label) => wrapText(label, labelWidth, font, measure))
  const cornerLines = wrapText(texts.corner, labelWidth, cornerFont, measure)
  const labelColumn =
    Math.max(
      widest(cornerLines, cornerFont, measure),
      ...labelLines.map((l) => widest(l, font, measure)),
    ) + padX
  if (!options.force && labelColumn + cellsWidth > width + 0.5) return null
  const columnWidths = spreadColumns(natural, width - labelColumn, size, padX)
  const textWidth = (j: number) => (columnWidths[j] ?? 0) - padX * 2
  const headerLines = Array.from({ length: columns }, (_, j) =>
    wrapText(header(j), textWidth(j), headerFont(size), measure),
  )
  const cellLines = texts.cells.map((row) =>
    row.map((text, j) => wrapText(text, textWidth(j), font, measure)),
  )
  const headerHeight =
    Math.max(1, cornerLines.length, ...headerLines.map((l) => l.length)) * lh + padY * 2
  const rowHeights = chart.rows.map(
    (_, i) =>
      Math.max(labelLines[i]?.length ?? 1, ...(cellLines[i] ?? []).map((l) => l.length)) * lh +
      padY * 2,
  )
  return {
    size,
    padX,
    padY,
    labelWidth: labelColumn,
    columnWidths,
    cornerLines,
    headerLines,
    labelLines,
    cellLines,
    rowHeights,
    headerHeight,
    width: labelColumn + columnWidths.reduce((a, b) => a + b, 0),
    height: headerHeight + rowHeights.reduce((a, b) => a + b, 0),
  }
}

/**
 * Column widths from their text: equal when equal widths fit (a table of editions reads more
 * calmly), widened into spare room up to about nine ems a cell, never narrower than the text.
 */
function spreadColumns(
  natural: ReadonlyArray<number>,
  room: number,
  size: number,
  padX: number,
): Array<number> {
  const padded = natural.map((w) => w + padX * 2)
  const uniform = Math.max(...padded)
  const base = uniform * padded.length <= room ? padded.map(() => uniform) : padded
  const total = base.reduce((a, b) => a + b, 0)
  if (total >= room) return base
  const cap = Math.max(uniform, size * 9)
  const extra = (room - total) / base.length
  return base.map((w) => Math.max(w, Math.min(cap, w + extra)))
}

function drawMatrix(scene: Scene, chart: MatrixChart, plan: MatrixPlan): void {
  const { size, padY, labelWidth, columnWidths } = plan
  const lh = lineHeight(size)
  const max = Math.max(0, ...chart.rows.flatMap((r) => r.cells.map((c) => c.value ?? 0)))
  const columnX = (j: number) => labelWidth + columnWidths.slice(0, j).reduce((a, b) => a + b, 0)
  // Headers sit on the rule under them, so one- and two-line headers share a baseline.
  scene.lines(plan.cornerLines, 0, plan.headerHeight - padY - plan.cornerLines.length * lh, {
    size,
    fill: COLORS.muted,
  })
  plan.headerLines.forEach((lines, j) => {
    const center = columnX(j) + (columnWidths[j] ?? 0) / 2
    const top = plan.headerHeight - padY - lines.length * lh
    scene.lines(lines, center, top, { ...headerFont(size), anchor: 'middle' })
  })
  scene.line(0, plan.headerHeight, plan.width, plan.headerHeight, COLORS.baseline)
  let y = plan.headerHeight
  chart.rows.forEach((row, i) => {
    const height = plan.rowHeights[i] ?? 0
    const labelLines = plan.labelLines[i] ?? []
    scene.lines(labelLines, 0, y + (height - labelLines.length * lh) / 2, { size })
    columnWidths.forEach((columnWidth, j) => {
      const value = row.cells[j]
      const lines = plan.cellLines[i]?.[j] ?? []
      const x = columnX(j)
      const shade =
        value && value.value !== null ? MATRIX_SHADES[shadeIndex(value.value, max)] : null
      scene.rect(x + CELL_GAP / 2, y + CELL_GAP / 2, columnWidth - CELL_GAP, height - CELL_GAP, {
        fill: shade ?? COLORS.background,
        stroke: shade ? undefined : COLORS.emptyBorder,
        'stroke-width': shade ? undefined : 1,
      })
      const dark = shade === MATRIX_SHADES[3] || shade === MATRIX_SHADES[4]
      scene.lines(lines, x + columnWidth / 2, y + (height - lines.length * lh) / 2, {
        size,
        anchor: 'middle',
        fill: shade ? (dark ? COLORS.onDark : COLORS.text) : COLORS.muted,
      })
    })
    y += height
  })
}
