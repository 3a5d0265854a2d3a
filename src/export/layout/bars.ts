import { t } from '../../i18n/i18n'
import type { BarsChart, FigureValue } from '../figure-spec'
import {
  fontSteps,
  nothingToShow,
  valueLabel,
  type ChartArea,
  type ChartContext,
  type ChartDrawing,
} from './chart'
import type { Scene } from './scene'
import { boxWidth, lineHeight, widest, wrapText } from './text'
import { COLORS, MIN_CHART_FONT, textColorOn } from './theme'

/** The label column never takes more than this share of the width: the bars are the point. */
const LABEL_SHARE = 0.38
/** Row pitch in ems when there is room; fixed-height figures may stretch it up to STRETCH×. */
const NATURAL_PITCH = 2.15
const STRETCH = 2.2

interface BarRow {
  value: FigureValue
  labelLines: Array<string>
  /** The value label, or "not reported". */
  text: string
  textWidth: number
}

interface BarsPlan {
  size: number
  rows: Array<BarRow>
  plotX: number
  plotWidth: number
  pad: number
  /** Pixels per unit of value. */
  scale: number
  /** Labels drawn inside their bar (the bar is long and the label would not fit after it). */
  inside: Array<boolean>
  /** The rightmost pixel any row draws: over the width when even this font cannot fit. */
  extent: number
}

/** Horizontal bars, one row per value in the given order, each with its value at the end. */
export function layoutBars(chart: BarsChart, area: ChartArea, ctx: ChartContext): ChartDrawing {
  if (chart.rows.length === 0) return nothingToShow(area, ctx)
  let plan: BarsPlan | null = null
  for (const size of fontSteps(ctx.theme.chart, MIN_CHART_FONT)) {
    plan = planBars(chart.rows, area.width, size, ctx)
    if (plan.extent > area.width + 0.5) continue
    if (totalHeight(plan, choosePitch(plan, area)) <= area.height + 0.5) break
  }
  if (!plan) return nothingToShow(area, ctx)
  const chosen = plan
  const pitch = choosePitch(chosen, area)
  const height = totalHeight(chosen, pitch)
  const width = Math.max(area.width, chosen.extent)
  return {
    draw: (scene) => drawBars(scene, chosen, pitch),
    width,
    height,
    fits: width <= area.width + 0.5 && height <= area.height + 0.5,
  }
}

/** Label column, plot and value scale for one font size. */
function planBars(
  values: ReadonlyArray<FigureValue>,
  width: number,
  size: number,
  ctx: ChartContext,
): BarsPlan {
  const { measure, theme } = ctx
  const font = { size }
  const cap = width * LABEL_SHARE
  const labelWidth = Math.min(
    cap,
    widest(
      values.map((v) => v.label),
      font,
      measure,
    ),
  )
  const notReported = t('export.figure.notReported')
  const rows = values.map((value) => {
    const text = value.value === null ? notReported : valueLabel(value)
    return {
      value,
      labelLines: wrapText(value.label, labelWidth, rowLabelFont(value, size), measure),
      text,
      textWidth: boxWidth(text, valueFont(value, size), measure),
    }
  })
  // Wrapped labels may be narrower than the cap: the plot starts right after the widest line.
  const labelColumn = Math.max(
    ...rows.map((r) => widest(r.labelLines, rowLabelFont(r.value, size), measure)),
  )
  const plotX = labelColumn + theme.unit * 3
  const plotWidth = width - plotX
  const pad = Math.max(4, size * 0.4)
  const scale = chooseScale(rows, plotWidth, pad)
  const inside = rows.map((r) => fitsInside(r, scale, pad) && !fitsAfter(r, scale, pad, plotWidth))
  const extent = Math.max(
    ...rows.map((r, i) =>
      inside[i] ? plotX + barLength(r, scale) : plotX + barLength(r, scale) + pad + r.textWidth,
    ),
  )
  return { size, rows, plotX, plotWidth, pad, scale, inside, extent }
}

const rowLabelFont = (value: FigureValue, size: number) => ({
  size,
  weight: value.highlight ? (700 as const) : (400 as const),
})
/** Chinese has no italics (a slanted Han character reads as a printing fault). */
const HAN = /\p{Script=Han}/u
const valueFont = (value: FigureValue, size: number) => ({
  size,
  italic: value.value === null && !HAN.test(t('export.figure.notReported')),
})
const barLength = (row: BarRow, scale: number) => (row.value.value ?? 0) * scale
const fitsAfter = (row: BarRow, scale: number, pad: number, plotWidth: number) =>
  barLength(row, scale) + pad + row.textWidth <= plotWidth
const fitsInside = (row: BarRow, scale: number, pad: number) =>
  row.textWidth + 2 * pad <= barLength(row, scale)

/**
 * The largest scale at which every value label fits, after its bar or inside it. All labels
 * after their bars reads best, so that wins unless it would cost more than 30% of the length.
 */
function chooseScale(rows: ReadonlyArray<BarRow>, plotWidth: number, pad: number): number {
  const positive = rows.filter((r) => (r.value.value ?? 0) > 0)
  if (positive.length === 0) return 0
  const max = Math.max(...positive.map((r) => r.value.value ?? 0))
  const full = plotWidth / max
  const after = (r: BarRow) => (plotWidth - pad - r.textWidth) / (r.value.value ?? 1)
  const allAfter = Math.min(full, ...positive.map(after))
  if (allAfter >= full * 0.7) return Math.max(0, allAfter)
  const feasible = (scale: number) =>
    positive.every((r) => fitsAfter(r, scale, pad, plotWidth) || fitsInside(r, scale, pad))
  const candidates = [full, ...positive.map(after)].filter((s) => s > allAfter && s <= full)
  const best = Math.max(0, allAfter, ...candidates.filter(feasible))
  // A label wider than the whole plot fits nowhere: keep the bars visible, the frame scales down.
  return best > 0 ? best : full * 0.5
}

const naturalPitch = (size: number) => size * NATURAL_PITCH
/** Value labels of neighbouring rows must not touch: a row is at least a line box and 2 px. */
const minPitch = (size: number) => lineHeight(size) + 2
const rowHeight = (row: BarRow, pitch: number, size: number) =>
  Math.max(pitch, row.labelLines.length * lineHeight(size) + size * 0.5)
const totalHeight = (plan: BarsPlan, pitch: number) =>
  plan.rows.reduce((sum, row) => sum + rowHeight(row, pitch, plan.size), 0)

/** Natural pitch, stretched to fill a fixed height or squeezed to fit a small one. */
function choosePitch(plan: BarsPlan, area: ChartArea): number {
  const natural = naturalPitch(plan.size)
  const low = minPitch(plan.size)
  const high = area.fill ? natural * STRETCH : natural
  if (totalHeight(plan, high) <= area.height) {
    if (!area.fill) return high
  } else if (totalHeight(plan, low) > area.height) return low
  // Heights grow with the pitch: search for the largest pitch that fits.
  let a = low
  let b = high
  for (let i = 0; i < 20; i++) {
    const mid = (a + b) / 2
    if (totalHeight(plan, mid) <= area.height) a = mid
    else b = mid
  }
  return a
}

function drawBars(scene: Scene, plan: BarsPlan, pitch: number): void {
  const { size, plotX, pad, scale } = plan
  const lh = lineHeight(size)
  const barHeight = Math.min(pitch - 2, Math.max(pitch * 0.62, size * 0.9))
  let y = 0
  plan.rows.forEach((row, i) => {
    const height = rowHeight(row, pitch, size)
    const center = y + height / 2
    const labelTop = center - (row.labelLines.length * lh) / 2
    scene.lines(row.labelLines, 0, labelTop, { ...rowLabelFont(row.value, size) })
    const length = barLength(row, scale)
    scene.rect(plotX, center - barHeight / 2, length, barHeight, {
      fill: row.value.color,
      stroke: row.value.highlight ? COLORS.text : undefined,
      'stroke-width': row.value.highlight ? 2 : undefined,
    })
    const textTop = center - lh / 2
    if (row.value.value === null)
      scene.text(row.text, plotX + pad, textTop, {
        ...valueFont(row.value, size),
        fill: COLORS.muted,
      })
    else if (plan.inside[i])
      scene.text(row.text, plotX + length - pad, textTop, {
        size,
        anchor: 'end',
        fill: textColorOn(row.value.color),
      })
    else scene.text(row.text, plotX + length + pad, textTop, { size })
    y += height
  })
  scene.line(plotX, 0, plotX, y, COLORS.baseline)
}
