import { t } from '../../i18n/i18n'
import type { FigureChart, FigureValue } from '../figure-spec'
import type { MeasureText } from '../text-measure'
import type { Scene } from './scene'
import { lineHeight, wrapText } from './text'
import { COLORS, type Theme } from './theme'

/** The room a chart gets inside the frame, in layout pixels. */
export interface ChartArea {
  width: number
  /** The most height the chart may take. */
  height: number
  /**
   * True for fixed-height presets: the chart may grow into all of `height` (within reason).
   * False: it takes its natural height, shrinking only to stay within `height`.
   */
  fill: boolean
  /**
   * True when the frame will try again with more room if the chart does not fit: the chart may
   * then skip its costly last resort (a layout to be scaled down) and just say it does not fit.
   */
  retried?: boolean
}

export interface ChartContext {
  measure: MeasureText
  theme: Theme
}

/**
 * A chart laid out, ready to draw at the origin of a scene. Drawing waits until the frame has
 * chosen among its attempts, so layouts that are not kept cost no SVG.
 */
export interface ChartDrawing {
  draw: (scene: Scene) => void
  width: number
  height: number
  /**
   * False when even the smallest type and tightest spacing could not keep the chart inside its
   * area; the frame then scales the drawing down (a last resort that keeps every label).
   */
  fits: boolean
}

/** A value's label as drawn: its display, with the conflict mark when sources disagree. */
export const valueLabel = (value: FigureValue) =>
  value.conflict ? `${value.display} ⚠` : value.display

/** The mark drawn for a value that was not reported, where a bar or a number would be. */
export const NOT_REPORTED_MARK = '—'

/** Every value a chart draws, whatever its kind. */
export function chartValues(chart: FigureChart): Array<FigureValue> {
  switch (chart.kind) {
    case 'bars':
      return chart.rows
    case 'panels':
      return chart.rows.flatMap((row) => row.panels.flatMap((panel) => panel.values))
    case 'grouped':
      return chart.series.flatMap((series) => series.values)
    case 'matrix':
      return chart.rows.flatMap((row) => row.cells)
  }
}

/** Which marks a chart draws, so the frame can explain exactly those and no others. */
export function chartMarks(chart: FigureChart): { conflict: boolean; notReported: boolean } {
  const values = chartValues(chart)
  return {
    conflict: values.some((v) => v.conflict),
    // Bars spell "not reported" out in the row; the other kinds draw the dash, which needs a key.
    notReported: chart.kind !== 'bars' && values.some((v) => v.value === null),
  }
}

/** Font sizes to try, largest first, from the theme's chart size down to the minimum. */
export function fontSteps(start: number, minimum: number): Array<number> {
  const steps: Array<number> = []
  for (let size = start; size > minimum; size -= 1) steps.push(Math.round(size * 10) / 10)
  steps.push(minimum)
  return steps
}

/** An empty chart still says so rather than leaving a hole in the figure. */
export function nothingToShow(area: ChartArea, ctx: ChartContext): ChartDrawing {
  const style = { size: ctx.theme.chart, italic: true, fill: COLORS.muted }
  const lines = wrapText(t('export.figure.noValues'), area.width, style, ctx.measure)
  const height = lines.length * lineHeight(style.size)
  return {
    draw: (scene) => void scene.lines(lines, 0, 0, style),
    width: area.width,
    height,
    fits: height <= area.height,
  }
}

/** A layout tried at one type size. */
export interface Candidate<T> {
  plan: T
  height: number
  fits: boolean
  /** How many groups of labels had to be turned to read upwards. */
  turned: number
}

/** A chart may go this many sizes below its starting type to keep its labels level. */
const LEVEL_LABEL_STEPS = 4

/**
 * Tries layouts from the largest type down and takes the first that fits, except that within
 * the first few sizes one with fewer turned labels wins: level labels a size smaller read
 * better than turned ones. Failing all, the shortest layout tried (it does not fit).
 */
export function chooseBySize<T>(
  sizes: ReadonlyArray<number>,
  attempt: (size: number) => Candidate<T> | null,
): Candidate<T> | null {
  const comfortable = (sizes[0] ?? 0) - LEVEL_LABEL_STEPS
  let best: Candidate<T> | null = null
  let shortest: Candidate<T> | null = null
  for (const size of sizes) {
    const candidate = attempt(size)
    if (!candidate) continue
    if (!shortest || candidate.height < shortest.height) shortest = candidate
    if (!candidate.fits) continue
    if (size < comfortable) return best ?? candidate
    if (candidate.turned === 0) return candidate
    if (!best || candidate.turned < best.turned) best = candidate
  }
  return best ?? shortest
}
