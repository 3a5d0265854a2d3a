import { useId } from 'react'
import { t } from '../i18n/i18n'
import {
  Bar,
  CartesianGrid,
  BarChart as RechartsBarChart,
  XAxis,
  YAxis,
  type BarShapeProps,
  type XAxisTickContentProps,
} from 'recharts'
import {
  AXIS_STROKE,
  CATEGORY_LINE_HEIGHT,
  GRID_STROKE,
  TICK_FONT,
  XCategoryTick,
  YNumberTick,
} from './chart-axes'
import { ChartMark, ConflictMarker, ConflictTspans, conflictWidth } from './chart-mark'
import { clamp, estimateTextWidth, fitCategoryLabel, formatAxisTick, niceTicks } from './chart-text'
import { ChartRenderersProvider, stableBarShape, stableXTick } from './chart-renderers'
import { ChartTooltip, useChartTooltip } from './chart-tooltip'
import type { ChartValue } from './chart-types'
import { rovingHint, ROVING_ROOT, useRovingFocus } from './roving-focus'
import { Legend } from './legend'
import { useContainerWidth } from './use-container-width'
import { useStableValue } from './use-stable-value'
import './charts.css'

export interface GroupedColumnChartProps {
  /** Groups along the x axis, in order (editions). */
  categories: Array<{ key: string; label: string }>
  /** One bar per series in each group (districts), also the legend. */
  series: Array<{ key: string; label: string; color: string }>
  value: (categoryKey: string, seriesKey: string) => ChartValue
  onSelect?: (key: string) => void
  /** Overrides the measured container width. */
  width?: number
  ariaLabel: string
}

const HEIGHT = 300
const VALUE_FONT = 12
const CATEGORY_FONT = 13
const LABEL_GAP = 4
const VALUE_LINE = 14
/** Narrowest bar that still reads as a bar; below it the chart scrolls sideways instead. */
const MIN_BAR = 4
/** One or two districts should not draw bars as wide as the page. */
const MAX_BAR_WIDTH = 64

/** recharts gives each group 80% of its band (barCategoryGap 10% on each side). */
const GROUP_SHARE = 0.8

/**
 * Grouped columns: for each category (edition), one bar per series (district). Value labels are
 * drawn only where a bar is wide enough for them; otherwise the tooltip and the table carry
 * them. Not reported: no bar. The legend is HTML under the chart and wraps.
 */
export function GroupedColumnChart({
  categories,
  series,
  value,
  onSelect,
  width,
  ariaLabel,
}: GroupedColumnChartProps) {
  const { ref, width: measured } = useContainerWidth()
  const { tooltip, show, hide, hideSoon, keep } = useChartTooltip()
  const hintId = useId()

  const cells = categories.map((category) =>
    series.map((s) => ({ category, series: s, value: value(category.key, s.key) })),
  )
  const flat = cells.flat()
  const maxValue = Math.max(0, ...flat.map((cell) => cell.value.value ?? 0))
  const integer = flat.every(
    (cell) => cell.value.value === null || Number.isInteger(cell.value.value),
  )
  const { top, ticks } = niceTicks(maxValue, 5, integer)
  const yAxisWidth = clamp(
    Math.max(...ticks.map((t) => estimateTextWidth(formatAxisTick(t), TICK_FONT))) + 8,
    28,
    60,
  )

  const groups = Math.max(categories.length, 1)
  const bars = Math.max(series.length, 1)
  const minBand = (bars * MIN_BAR + (bars - 1)) / GROUP_SHARE
  const minWidth = yAxisWidth + 4 + groups * Math.ceil(minBand)
  const available = width ?? measured
  const chartWidth = Math.max(available, minWidth, 200)
  const plotWidth = chartWidth - yAxisWidth - 4
  const band = plotWidth / groups
  // Bars share the group's width with 1px gaps.
  const barWidth = Math.min(MAX_BAR_WIDTH, (band * GROUP_SHARE - (bars - 1)) / bars)

  const categoryLines = categories.map((c) => fitCategoryLabel(c.label, band - 6, CATEGORY_FONT))
  const axisHeight =
    Math.max(1, ...categoryLines.map((lines) => lines.length)) * CATEGORY_LINE_HEIGHT + 10
  const showsLabel = (v: ChartValue) =>
    v.value !== null &&
    estimateTextWidth(v.display, VALUE_FONT, true) + conflictWidth(v.conflict, VALUE_FONT) <=
      barWidth + 2
  const anyLabel = flat.some((cell) => showsLabel(cell.value) || cell.value.conflict)
  const marginTop = anyLabel ? 26 : 10
  const plotHeight = HEIGHT - marginTop - axisHeight
  const baseline = marginTop + plotHeight

  const data = categories.map((category, index) => {
    // Series by position ("s0", "s1", ...): a district id could be any string, even "category".
    const row: Record<string, string | number | null> = { category: category.key }
    for (const [seriesIndex, cell] of (cells[index] ?? []).entries()) {
      row[`s${seriesIndex}`] = cell.value.value
    }
    return row
  })
  const categoryIndex = new Map(categories.map((c, index) => [c.key, index]))
  const stableData = useStableValue(data)
  const stableTicks = useStableValue(ticks)
  const active = tooltip ? flat.find((cell) => cell.value.key === tooltip.key) : undefined
  // Left and Right along the editions within a district, Up and Down across districts.
  const roving = useRovingFocus(
    cells.flatMap((group, col) =>
      group.flatMap((cell, row) =>
        cell.value.value === null ? [] : [{ key: cell.value.key, row, col }],
      ),
    ),
  )

  const renderBar = (props: BarShapeProps, seriesIndex: number) => {
    const cell = cells[props.originalDataIndex]?.[seriesIndex]
    if (!cell || cell.value.value === null) return null
    const v = cell.value
    const center = props.x + props.width / 2
    const labelled = showsLabel(v)
    const labelTop = props.y - LABEL_GAP - (labelled || v.conflict ? VALUE_LINE : 0)
    return (
      <ChartMark
        value={v}
        bar={{ x: props.x, y: props.y, width: props.width, height: props.height }}
        hit={{ x: props.x - 0.5, y: marginTop, width: props.width + 1, height: plotHeight }}
        ring={{
          x: props.x - 3,
          y: labelTop - 3,
          width: props.width + 6,
          height: baseline - labelTop + 6,
        }}
        anchor={{ x: center, top: labelTop, bottom: props.y + 12 }}
        onSelect={onSelect}
        onShowTooltip={show}
        onHideTooltip={hide}
        onPointerLeave={hideSoon}
        roving={roving}
        describedBy={hintId}
      >
        {labelled ? (
          <text
            className="chart-value-label"
            x={center}
            y={props.y - LABEL_GAP}
            textAnchor="middle"
            fontSize={VALUE_FONT}
          >
            {v.display}
            {v.conflict ? <ConflictTspans /> : null}
          </text>
        ) : v.conflict ? (
          <ConflictMarker x={center} y={props.y - LABEL_GAP} width={props.width} />
        ) : null}
      </ChartMark>
    )
  }

  const renderCategoryTick = (props: XAxisTickContentProps) => {
    const index = categoryIndex.get(String(props.payload.value)) ?? 0
    const category = categories[index]
    if (!category) return <g />
    return (
      <XCategoryTick
        x={Number(props.x)}
        y={Number(props.y)}
        lines={categoryLines[index] ?? [category.label]}
        full={category.label}
        fontSize={CATEGORY_FONT}
      />
    )
  }

  return (
    <div className="chart chart--grouped" {...ROVING_ROOT}>
      <div ref={ref} className="chart--scroll">
        <div className="chart__plot" style={{ width: chartWidth, height: HEIGHT }}>
          <ChartRenderersProvider value={{ bar: renderBar, xTick: renderCategoryTick }}>
            <RechartsBarChart
              width={chartWidth}
              height={HEIGHT}
              data={stableData}
              margin={{ top: marginTop, right: 4, bottom: 0, left: 0 }}
              barCategoryGap="10%"
              barGap={1}
              accessibilityLayer={false}
              role="group"
              aria-label={ariaLabel}
            >
              <CartesianGrid vertical={false} stroke={GRID_STROKE} />
              <XAxis
                type="category"
                dataKey="category"
                height={axisHeight}
                interval={0}
                tickLine={false}
                tickSize={0}
                tickMargin={6}
                axisLine={{ stroke: AXIS_STROKE }}
                tick={stableXTick}
              />
              <YAxis
                type="number"
                width={yAxisWidth}
                domain={[0, top]}
                ticks={stableTicks}
                interval={0}
                tick={maxValue > 0 ? YNumberTick : false}
                tickLine={false}
                tickSize={0}
                tickMargin={6}
                axisLine={false}
              />
              {series.map((s, index) => (
                <Bar
                  key={s.key}
                  dataKey={`s${index}`}
                  name={s.label}
                  fill={s.color}
                  isAnimationActive={false}
                  maxBarSize={MAX_BAR_WIDTH}
                  shape={stableBarShape(index)}
                />
              ))}
            </RechartsBarChart>
          </ChartRenderersProvider>
          {tooltip && active ? (
            <ChartTooltip
              tooltip={tooltip}
              chartWidth={chartWidth}
              title={active.series.label}
              detail={active.category.label}
              value={active.value.display}
              conflict={active.value.conflict}
              onSelect={onSelect}
              onPointerEnter={keep}
              onPointerLeave={hideSoon}
            />
          ) : null}
        </div>
      </div>
      {chartWidth > available + 1 ? (
        <p className="chart-scroll-hint">
          <span aria-hidden="true">↔ </span>
          {t('charts.grouped.scrollHint')}
        </p>
      ) : null}
      <Legend items={series} />
      {onSelect ? (
        <p id={hintId} hidden>
          {rovingHint()}
        </p>
      ) : null}
    </div>
  )
}
