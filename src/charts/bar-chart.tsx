import { useId } from 'react'
import {
  Bar,
  CartesianGrid,
  BarChart as RechartsBarChart,
  XAxis,
  YAxis,
  usePlotArea,
  useYAxisScale,
  type BarShapeProps,
  type YAxisTickContentProps,
} from 'recharts'
import { t } from '../i18n/i18n'
import { AXIS_STROKE, GRID_STROKE, XNumberTick } from './chart-axes'
import { ChartMark, ConflictTspans, conflictWidth } from './chart-mark'
import { clamp, estimateTextWidth, niceTicks, truncateToWidth } from './chart-text'
import { ChartRenderersProvider, stableBarShape, stableYTick } from './chart-renderers'
import { ChartTooltip, useChartTooltip } from './chart-tooltip'
import type { ChartValue } from './chart-types'
import { rovingHint, ROVING_ROOT, useRovingFocus } from './roving-focus'
import { markColorVars } from './district-colors'
import { useContainerWidth } from './use-container-width'
import { useStableValue } from './use-stable-value'
import './charts.css'

export interface BarChartProps {
  values: ChartValue[]
  onSelect?: (key: string) => void
  /** Overrides the measured container width. */
  width?: number
  /** Upper end of the value axis, shared between charts that are compared. */
  domainMax?: number
  ariaLabel: string
}

const ROW_HEIGHT = 32
const BAR_THICKNESS = 18
/** Narrow charts put each value label above its bar, so rows are taller and bars thinner. */
const STACKED_ROW_HEIGHT = 44
const STACKED_BAR_THICKNESS = 12
const AXIS_HEIGHT = 28
const TOP = 4
const CATEGORY_FONT = 13
const VALUE_FONT = 13
const LABEL_GAP = 6
const MIN_WIDTH = 240
/** Room after the axis end for half of the last tick label. */
const END_PAD = 18

interface Row {
  key: string
  bar: number | null
}

/**
 * Horizontal bars, one row per value, for comparing districts on one metric. Rows are 32px
 * high, so 16 districts take 544px with the axis; the value label at each bar's end is the value as reported
 * ("80+"), and a value that was not reported has no bar, only the words "not reported".
 */
export function BarChart({ values, onSelect, width, domainMax, ariaLabel }: BarChartProps) {
  const { ref, width: measured } = useContainerWidth()
  const { tooltip, show, hide, hideSoon, keep } = useChartTooltip()
  const hintId = useId()
  const chartWidth = Math.max(width ?? measured, MIN_WIDTH)

  const labelWidth = clamp(
    Math.max(0, ...values.map((v) => estimateTextWidth(v.label, CATEGORY_FONT))) + 12,
    48,
    chartWidth * 0.36,
  )
  const valueLabelWidth = (v: ChartValue) =>
    estimateTextWidth(v.display, VALUE_FONT, true) + conflictWidth(v.conflict, VALUE_FONT)
  const maxValue = Math.max(0, ...values.map((v) => v.value ?? 0))
  const integer = values.every((v) => v.value === null || Number.isInteger(v.value))
  const available = chartWidth - labelWidth

  // The plot is as wide as it can be while every bar's label still fits after its bar: a long
  // label on a short bar needs no room at the axis end.
  const labelsAfterBars = (top: number) => {
    let plot = available - END_PAD
    for (const v of values) {
      if (v.value === null || v.value <= 0 || top <= 0) continue
      const share = Math.min(1, v.value / top)
      plot = Math.min(plot, (available - LABEL_GAP - valueLabelWidth(v) - 2) / share)
    }
    return plot
  }
  // When that would squeeze the bars below 40% of the space (long amounts on a phone), each
  // label goes above its bar instead and the bars take the whole width.
  const stacked = labelsAfterBars(Math.max(domainMax ?? 0, maxValue)) < available * 0.4
  const plotWidthFor = (top: number) => (stacked ? available - END_PAD : labelsAfterBars(top))
  const rowHeight = stacked ? STACKED_ROW_HEIGHT : ROW_HEIGHT
  const height = TOP + values.length * rowHeight + AXIS_HEIGHT
  const roughPlot = plotWidthFor(Math.max(domainMax ?? 0, maxValue))
  const { top, ticks } = niceTicks(
    Math.max(domainMax ?? 0, maxValue),
    roughPlot < 160 ? 3 : roughPlot < 320 ? 4 : 6,
    integer,
  )
  const plotWidth = plotWidthFor(top)
  const marginRight = available - plotWidth
  const labels = new Map(values.map((v) => [v.key, v.label]))
  const byKey = new Map(values.map((v) => [v.key, v]))
  const data: Row[] = values.map((v) => ({ key: v.key, bar: v.value }))
  const stableData = useStableValue(data)
  const stableTicks = useStableValue(ticks)
  const active = tooltip ? byKey.get(tooltip.key) : undefined
  const roving = useRovingFocus(
    values.flatMap((v, col) => (v.value === null ? [] : [{ key: v.key, row: 0, col }])),
  )
  const markEvents = {
    onSelect,
    onShowTooltip: show,
    onHideTooltip: hide,
    onPointerLeave: hideSoon,
    roving,
    describedBy: hintId,
  }

  const renderBar = (props: BarShapeProps) => {
    const value = values[props.originalDataIndex]
    if (!value || value.value === null) return null
    const barEnd = props.x + Math.max(0, props.width)
    const labelWidthPx = valueLabelWidth(value)
    const middle = props.y + props.height / 2
    const band = { y: middle - rowHeight / 2, height: rowHeight }
    if (stacked) {
      // The label sits above the bar, from the axis; the bar below it.
      const bar = { x: props.x, y: middle, width: props.width, height: STACKED_BAR_THICKNESS }
      const labelEnd = Math.max(barEnd, props.x + labelWidthPx)
      return (
        <ChartMark
          value={value}
          bar={bar}
          hit={{ x: props.x, width: Math.max(0, chartWidth - props.x), ...band }}
          ring={{
            x: props.x - 3,
            y: band.y + 2,
            width: labelEnd - props.x + 6,
            height: rowHeight - 4,
          }}
          anchor={{ x: labelEnd, top: band.y, bottom: middle + STACKED_BAR_THICKNESS }}
          {...markEvents}
        >
          <text
            className="chart-value-label"
            x={props.x + 2}
            y={middle - 5}
            textAnchor="start"
            fontSize={VALUE_FONT}
          >
            {value.display}
            {value.conflict ? <ConflictTspans /> : null}
          </text>
        </ChartMark>
      )
    }
    // A label that would run off the chart goes inside the bar's end, in a readable colour.
    const inside = barEnd + LABEL_GAP + labelWidthPx > chartWidth - 2 && props.width > labelWidthPx
    const labelX = inside ? barEnd - LABEL_GAP : barEnd + LABEL_GAP
    const labelEnd = inside ? barEnd : barEnd + LABEL_GAP + labelWidthPx
    return (
      <ChartMark
        value={value}
        bar={{ x: props.x, y: props.y, width: props.width, height: props.height }}
        hit={{ x: props.x, width: Math.max(0, chartWidth - props.x), ...band }}
        ring={{
          x: props.x - 3,
          y: props.y - 4,
          width: labelEnd - props.x + 6,
          height: props.height + 8,
        }}
        anchor={{ x: labelEnd, top: props.y, bottom: props.y + props.height }}
        {...markEvents}
      >
        <text
          className={`chart-value-label${inside ? ' chart-value-label--inside' : ''}`}
          x={labelX}
          y={middle}
          dy="0.35em"
          textAnchor={inside ? 'end' : 'start'}
          fontSize={VALUE_FONT}
          style={inside ? markColorVars(value.color) : undefined}
        >
          {value.display}
          {value.conflict ? <ConflictTspans /> : null}
        </text>
      </ChartMark>
    )
  }

  const renderCategoryTick = (props: YAxisTickContentProps) => (
    <CategoryTick {...props} labels={labels} room={labelWidth - 10} />
  )

  return (
    <div ref={ref} className="chart chart--bar" {...ROVING_ROOT}>
      <div className="chart__plot" style={{ width: chartWidth, height }}>
        <ChartRenderersProvider value={{ bar: renderBar, yTick: renderCategoryTick }}>
          <RechartsBarChart
            layout="vertical"
            width={chartWidth}
            height={height}
            data={stableData}
            margin={{ top: TOP, right: marginRight, bottom: 0, left: 0 }}
            accessibilityLayer={false}
            role="group"
            aria-label={ariaLabel}
          >
            <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
            <XAxis
              type="number"
              domain={[0, top]}
              ticks={stableTicks}
              interval={0}
              height={AXIS_HEIGHT}
              tick={maxValue > 0 || domainMax !== undefined ? XNumberTick : false}
              tickLine={false}
              tickSize={0}
              tickMargin={6}
              axisLine={{ stroke: AXIS_STROKE }}
            />
            <YAxis
              type="category"
              dataKey="key"
              width={labelWidth}
              interval={0}
              tickLine={false}
              tickSize={0}
              tickMargin={6}
              axisLine={{ stroke: AXIS_STROKE }}
              tick={stableYTick}
            />
            <Bar
              dataKey="bar"
              isAnimationActive={false}
              barSize={stacked ? STACKED_BAR_THICKNESS : BAR_THICKNESS}
              shape={stableBarShape()}
            />
            <NotReportedRows values={values} />
          </RechartsBarChart>
        </ChartRenderersProvider>
        {tooltip && active ? (
          <ChartTooltip
            tooltip={tooltip}
            chartWidth={chartWidth}
            title={active.label}
            value={active.display}
            conflict={active.conflict}
            onSelect={onSelect}
            onPointerEnter={keep}
            onPointerLeave={hideSoon}
          />
        ) : null}
      </div>
      {onSelect ? (
        <p id={hintId} hidden>
          {rovingHint()}
        </p>
      ) : null}
    </div>
  )
}

function CategoryTick({
  x,
  y,
  payload,
  labels,
  room,
}: YAxisTickContentProps & { labels: Map<string, string>; room: number }) {
  const label = labels.get(String(payload.value)) ?? String(payload.value)
  const shown = truncateToWidth(label, room, CATEGORY_FONT)
  return (
    <text
      className="chart-category-text"
      x={x}
      y={y}
      dy="0.35em"
      textAnchor="end"
      fontSize={CATEGORY_FONT}
    >
      {shown !== label ? <title>{label}</title> : null}
      {shown}
    </text>
  )
}

/** "not reported" where a bar would start, in the muted text colour: never a zero bar. */
function NotReportedRows({ values }: { values: ChartValue[] }) {
  const yScale = useYAxisScale()
  const area = usePlotArea()
  if (!yScale || !area) return null
  return (
    <g className="chart-not-reported-rows">
      {values.map((value) => {
        if (value.value !== null) return null
        const y = yScale(value.key, { position: 'middle' })
        if (y === undefined) return null
        return (
          <text
            key={value.key}
            className="chart-not-reported"
            x={area.x + LABEL_GAP}
            y={y}
            dy="0.35em"
            fontSize={VALUE_FONT}
            data-key={value.key}
          >
            {t('charts.notReported')}
          </text>
        )
      })}
    </g>
  )
}
