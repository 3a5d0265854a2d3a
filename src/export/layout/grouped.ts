import { t } from '../../i18n/i18n'
import type { FigureValue, GroupedChart, MatrixChart } from '../figure-spec'
import {
  chooseBySize,
  fontSteps,
  nothingToShow,
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
import { COLORS, MIN_CHART_FONT } from './theme'

/** Empty room between groups, in column widths: enough to see where an edition ends. */
const GROUP_GAP = 0.8
const MAX_BAR_WIDTH = 64

/** Said under a grouped chart drawn as a table. */
export const shownAsTable = () => t('export.figure.shownAsTable')

interface GroupedPlan {
  size: number
  /** Width of one column's slot. */
  slot: number
  values: ValueLabels
  categories: CategoryLabels
  plotHeight: number
  height: number
}

/** The value of a series at a category; a missing one is drawn as not reported. */
function valueAt(chart: GroupedChart, series: number, category: number): FigureValue {
  const s = chart.series[series]
  const value = s?.values[category]
  if (value) return value
  const c = chart.categories[category]
  return {
    key: `${s?.key ?? series}|${c?.key ?? category}`,
    label: c?.label ?? '',
    value: null,
    display: t('export.figure.notReported'),
    qualifier: null,
    conflict: false,
    color: s?.color ?? COLORS.baseline,
  }
}

/** Values in drawing order: category by category, each with every series. */
const orderedValues = (chart: GroupedChart) =>
  chart.categories.flatMap((_, c) => chart.series.map((_, s) => valueAt(chart, s, c)))

/**
 * Columns grouped by category, one per series in its colour, each with its value above.
 * Returns null when the labels cannot be placed without overlap even at the smallest type:
 * the caller then draws the same data as a table.
 */
export function layoutGrouped(
  chart: GroupedChart,
  area: ChartArea,
  ctx: ChartContext,
): ChartDrawing | null {
  if (chart.categories.length === 0 || chart.series.length === 0) return nothingToShow(area, ctx)
  const values = orderedValues(chart)
  const seriesCount = chart.series.length
  const gap = seriesCount > 1 ? GROUP_GAP : 0
  const slot = area.width / (chart.categories.length * (seriesCount + gap))
  const categories = chart.categories.map((c, i) => ({
    text: c.label,
    bold: chart.series.some((_, s) => valueAt(chart, s, i).highlight === true),
  }))
  // Labels only get harder to place as the type grows: if the smallest fails, all do.
  if (!fitValueLabels(values, slot, MIN_CHART_FONT, ctx.measure)) return null
  const found = chooseBySize(fontSteps(ctx.theme.chart, MIN_CHART_FONT), (size) => {
    const valueLabels = fitValueLabels(values, slot, size, ctx.measure)
    const categoryLabels = fitCategoryLabels(
      categories,
      slot * (seriesCount + gap),
      size,
      ctx.measure,
    )
    if (!valueLabels || !categoryLabels) return null
    const needed = minPlotHeight(values, valueLabels, size)
    const overhead = categoryGap(size) + categoryLabels.height
    const natural = Math.min(320, Math.max(180, area.width * 0.36))
    const room = area.height - overhead
    const plotHeight = Math.max(needed, Math.min(area.fill ? natural * 1.5 : natural, room))
    const height = plotHeight + overhead
    return {
      plan: { size, slot, values: valueLabels, categories: categoryLabels, plotHeight, height },
      height,
      fits: height <= area.height + 0.5,
      turned: (valueLabels.upright ? 1 : 0) + (categoryLabels.upright ? 1 : 0),
    }
  })
  if (!found?.fits) return null
  const plan = found.plan
  return {
    draw: (scene) => drawGrouped(scene, chart, values, categories, plan, gap),
    width: area.width,
    height: plan.height,
    fits: true,
  }
}

function drawGrouped(
  scene: Scene,
  chart: GroupedChart,
  values: ReadonlyArray<FigureValue>,
  categories: ReadonlyArray<{ text: string; bold: boolean }>,
  plan: GroupedPlan,
  gap: number,
): void {
  const { size, slot, plotHeight } = plan
  const seriesCount = chart.series.length
  const baseline = plotHeight
  const scale = columnScale(values, plan.values.extents, plotHeight, size)
  const barWidth = Math.min(MAX_BAR_WIDTH, slot * (seriesCount > 1 ? 0.84 : 0.62))
  const groupWidth = slot * (seriesCount + gap)
  categories.forEach((category, c) => {
    const groupX = c * groupWidth
    for (let s = 0; s < seriesCount; s++) {
      const i = c * seriesCount + s
      const value = values[i]
      if (!value) continue
      drawColumn(scene, value, plan.values.lines[i] ?? [], plan.values.upright, {
        center: groupX + slot * (gap / 2 + s + 0.5),
        barWidth,
        baseline,
        scale,
        size,
        lifted: plan.values.lifted[i] === true,
      })
    }
    drawCategory(scene, category, plan.categories.lines[c] ?? [], plan.categories.upright, {
      center: groupX + groupWidth / 2,
      top: baseline + categoryGap(size),
      size,
    })
  })
  scene.line(0, baseline, groupWidth * categories.length, baseline, COLORS.baseline)
}

/** The same data as a table: a row per series, a column per category. */
export function groupedAsMatrix(chart: GroupedChart): MatrixChart {
  return {
    kind: 'matrix',
    columns: chart.categories.map((c) => c.label),
    rows: chart.series.map((series, s) => ({
      label: series.label,
      cells: chart.categories.map((_, c) => valueAt(chart, s, c)),
    })),
  }
}
