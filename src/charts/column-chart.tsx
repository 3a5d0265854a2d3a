import { useId } from 'react'
import {
  Bar,
  CartesianGrid,
  BarChart as RechartsBarChart,
  XAxis,
  YAxis,
  usePlotArea,
  useXAxisScale,
  type BarShapeProps,
  type XAxisTickContentProps,
} from 'recharts'
import { t } from '../i18n/i18n'
import {
  AXIS_STROKE,
  CATEGORY_LINE_HEIGHT,
  GRID_STROKE,
  TICK_FONT,
  XCategoryTick,
  YNumberTick,
} from './chart-axes'
import { ChartMark, ConflictMarker, ConflictTspans, conflictWidth } from './chart-mark'
import {
  clamp,
  estimateTextWidth,
  fitCategoryLabel,
  fitValueLabel,
  formatAxisTick,
  niceTicks,
} from './chart-text'
import { ChartRenderersProvider, stableBarShape, stableXTick } from './chart-renderers'
import { ChartTooltip, useChartTooltip } from './chart-tooltip'
import type { ChartValue } from './chart-types'
import { rovingHint, ROVING_ROOT, useRovingFocus } from './roving-focus'
import { useContainerWidth } from './use-container-width'
import { useStableValue } from './use-stable-value'
import './charts.css'

export interface ColumnChartProps {
  /** One column per category, in order (e.g. editions). */
  values: ChartValue[]
  onSelect?: (key: string) => void
  /** Overrides the measured container width. */
  width?: number
  height?: number
  /** Upper end of the value axis, shared by small multiples. */
  domainMax?: number
  /** One category to mark: an outline around its column and its label in bold. */
  highlightKey?: string
  ariaLabel: string
  /** Small multiples: shorter, smaller text, short category labels ("6th"). */
  compact?: boolean
}

/** The height of a compact chart (small multiples) unless one is given. */
export const COMPACT_COLUMN_HEIGHT = 200
const MIN_WIDTH = 160
const VALUE_LINE_HEIGHT = 14
const LABEL_GAP = 5

/**
 * Vertical columns along ordered categories: one district's metric across editions, or a small
 * multiple in a comparison. Category labels break over two lines or shorten ("6th") rather than
 * overlap; value labels show what was reported ("80+") where they fit, and the tooltip and the
 * table always have them.
 */
export function ColumnChart({
  values,
  onSelect,
  width,
  height,
  domainMax,
  highlightKey,
  ariaLabel,
  compact = false,
}: ColumnChartProps) {
  // A given width (small multiples measure their own box) spares a second render.
  const { ref, width: measured } = useContainerWidth(undefined, width === undefined)
  const { tooltip, show, hide, hideSoon, keep } = useChartTooltip()
  const hintId = useId()
  const chartWidth = Math.max(width ?? measured, MIN_WIDTH)
  const chartHeight = Math.max(height ?? (compact ? COMPACT_COLUMN_HEIGHT : 280), 120)
  const categoryFont = compact ? TICK_FONT : 13
  const valueFont = compact ? 12 : 13

  const maxValue = Math.max(0, ...values.map((v) => v.value ?? 0))
  const integer = values.every((v) => v.value === null || Number.isInteger(v.value))
  const { top, ticks } = niceTicks(
    Math.max(domainMax ?? 0, maxValue),
    chartHeight < 220 ? 3 : 5,
    integer,
  )
  const yAxisWidth = clamp(
    Math.max(...ticks.map((t) => estimateTextWidth(formatAxisTick(t), TICK_FONT))) + 8,
    compact ? 20 : 28,
    60,
  )
  const plotWidth = chartWidth - yAxisWidth - 4
  const band = plotWidth / Math.max(values.length, 1)

  const categoryLines = values.map((v) =>
    fitCategoryLabel(v.label, band - 6, categoryFont, compact),
  )
  // Labels that do not fit even shortened are thinned out: every second, third, ... is shown
  // (and always the highlighted one).
  const widest = Math.max(
    0,
    ...categoryLines.map((lines) =>
      Math.max(...lines.map((line) => estimateTextWidth(line, categoryFont))),
    ),
  )
  const labelStep = Math.max(1, Math.ceil((widest + 2) / Math.max(band, 1)))
  const highlightIndex = values.findIndex((v) => v.key === highlightKey)
  const showsCategoryLabel = (index: number) => {
    if (index === highlightIndex) return true
    // Thinned labels make way for the highlighted one.
    if (highlightIndex >= 0 && Math.abs(index - highlightIndex) < labelStep) return false
    return index % labelStep === 0
  }
  const axisHeight =
    Math.max(1, ...categoryLines.map((lines) => lines.length)) * CATEGORY_LINE_HEIGHT + 10

  // A value label with its ⚠ on the same line; else the label alone with a triangle above it;
  // else the triangle alone (the tooltip and the table have the value).
  const valueLabels = new Map<string, { lines: string[] | null; markerAbove: boolean }>(
    values.map((v) => {
      const room = band - 2
      const inline = fitValueLabel(v.display, room, valueFont, conflictWidth(v.conflict, valueFont))
      if (inline || !v.conflict) return [v.key, { lines: inline, markerAbove: false }] as const
      const alone = fitValueLabel(v.display, room, valueFont)
      // At most two rows over a column: a two-line label leaves no room for the triangle.
      const lines = alone?.length === 1 ? alone : null
      return [v.key, { lines, markerAbove: true }] as const
    }),
  )
  const labelRows = Math.max(
    0,
    ...values.map((v) => {
      if (v.value === null) return 0
      const label = valueLabels.get(v.key)
      return (label?.lines?.length ?? 0) + (label?.markerAbove ? 1 : 0)
    }),
  )
  // Small multiples share domainMax: they must share the plot's height too, so the room for
  // labels is fixed (two rows) rather than fitted to this chart's labels.
  const marginTop = 8 + (domainMax !== undefined ? 2 : labelRows) * VALUE_LINE_HEIGHT
  const plotTop = marginTop
  const plotHeight = chartHeight - marginTop - axisHeight
  const baseline = plotTop + plotHeight

  const byKey = new Map(values.map((v) => [v.key, v]))
  const indexByKey = new Map(values.map((v, index) => [v.key, index]))
  const data = values.map((v) => ({ key: v.key, bar: v.value }))
  const stableData = useStableValue(data)
  const stableTicks = useStableValue(ticks)
  const active = tooltip ? byKey.get(tooltip.key) : undefined
  const roving = useRovingFocus(
    values.flatMap((v, col) => (v.value === null ? [] : [{ key: v.key, row: 0, col }])),
    highlightKey,
  )

  const renderBar = (props: BarShapeProps) => {
    const value = values[props.originalDataIndex]
    if (!value || value.value === null) return null
    const center = props.x + props.width / 2
    const { lines = null, markerAbove = false } = valueLabels.get(value.key) ?? {}
    const textTop = props.y - LABEL_GAP - (lines?.length ?? 0) * VALUE_LINE_HEIGHT
    const labelTop = textTop - (markerAbove ? VALUE_LINE_HEIGHT : 0)
    return (
      <ChartMark
        value={value}
        bar={{ x: props.x, y: props.y, width: props.width, height: props.height }}
        hit={{ x: center - band / 2, y: plotTop, width: band, height: plotHeight }}
        ring={{
          x: props.x - 4,
          y: Math.min(labelTop, props.y) - 3,
          width: props.width + 8,
          height: baseline - Math.min(labelTop, props.y) + 6,
        }}
        anchor={{ x: center, top: labelTop, bottom: props.y + 12 }}
        highlighted={value.key === highlightKey}
        onSelect={onSelect}
        onShowTooltip={show}
        onHideTooltip={hide}
        onPointerLeave={hideSoon}
        roving={roving}
        describedBy={hintId}
      >
        {lines ? (
          <text
            className="chart-value-label"
            x={center}
            y={props.y - LABEL_GAP - (lines.length - 1) * VALUE_LINE_HEIGHT}
            textAnchor="middle"
            fontSize={valueFont}
          >
            {lines.map((line, index) => (
              <tspan key={index} x={center} dy={index === 0 ? 0 : VALUE_LINE_HEIGHT}>
                {line}
                {value.conflict && index === lines.length - 1 ? (
                  <ConflictTspans glyph={!markerAbove} />
                ) : null}
              </tspan>
            ))}
          </text>
        ) : null}
        {value.conflict && (markerAbove || !lines) ? (
          <ConflictMarker
            x={center}
            y={(lines ? textTop + 2 : props.y) - LABEL_GAP}
            width={Math.min(props.width, 12)}
          />
        ) : null}
      </ChartMark>
    )
  }

  const renderCategoryTick = (props: XAxisTickContentProps) => {
    const index = indexByKey.get(String(props.payload.value)) ?? 0
    const value = values[index]
    if (!value) return <g />
    if (!showsCategoryLabel(index)) return <g />
    return (
      <XCategoryTick
        x={Number(props.x)}
        y={Number(props.y)}
        lines={categoryLines[index] ?? [value.label]}
        full={value.label}
        fontSize={categoryFont}
        highlighted={value.key === highlightKey}
      />
    )
  }

  return (
    <div
      ref={ref}
      className={`chart chart--column${compact ? ' chart--compact' : ''}`}
      {...ROVING_ROOT}
    >
      <div className="chart__plot" style={{ width: chartWidth, height: chartHeight }}>
        <ChartRenderersProvider value={{ bar: renderBar, xTick: renderCategoryTick }}>
          <RechartsBarChart
            width={chartWidth}
            height={chartHeight}
            data={stableData}
            margin={{ top: marginTop, right: 4, bottom: 0, left: 0 }}
            barCategoryGap="22%"
            accessibilityLayer={false}
            role="group"
            aria-label={ariaLabel}
          >
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis
              type="category"
              dataKey="key"
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
              tick={maxValue > 0 || domainMax !== undefined ? YNumberTick : false}
              tickLine={false}
              tickSize={0}
              tickMargin={6}
              axisLine={false}
            />
            <Bar dataKey="bar" isAnimationActive={false} maxBarSize={56} shape={stableBarShape()} />
            <NotReportedColumns values={values} band={band} fontSize={valueFont} />
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

/**
 * "not reported" standing in an empty column: across it when there is room, else turned to read
 * upwards from the baseline. Never a zero-height bar.
 */
function NotReportedColumns({
  values,
  band,
  fontSize,
}: {
  values: ChartValue[]
  band: number
  fontSize: number
}) {
  const xScale = useXAxisScale()
  const area = usePlotArea()
  if (!xScale || !area) return null
  const textWidth = estimateTextWidth(t('charts.notReported'), fontSize)
  const across = textWidth <= band - 4
  const upright = !across && textWidth <= area.height - 8
  const baseline = area.y + area.height
  return (
    <g className="chart-not-reported-columns">
      {values.map((value) => {
        if (value.value !== null) return null
        const x = xScale(value.key, { position: 'middle' })
        if (x === undefined) return null
        if (across) {
          return (
            <text
              key={value.key}
              className="chart-not-reported"
              x={x}
              y={baseline - 8}
              textAnchor="middle"
              fontSize={fontSize}
              data-key={value.key}
            >
              {t('charts.notReported')}
            </text>
          )
        }
        if (upright) {
          return (
            <text
              key={value.key}
              className="chart-not-reported"
              x={x}
              y={baseline - 6}
              dy="0.35em"
              transform={`rotate(-90 ${x} ${baseline - 6})`}
              fontSize={fontSize}
              data-key={value.key}
            >
              {t('charts.notReported')}
            </text>
          )
        }
        return (
          <text
            key={value.key}
            className="chart-not-reported"
            x={x}
            y={baseline - 4}
            textAnchor="middle"
            fontSize={fontSize}
            data-key={value.key}
          >
            <tspan aria-hidden="true">–</tspan>
            <tspan fontSize={0} fillOpacity={0}>
              {` ${t('charts.notReported')}`}
            </tspan>
          </text>
        )
      })}
    </g>
  )
}
