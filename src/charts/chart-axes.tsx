import type { XAxisTickContentProps, YAxisTickContentProps } from 'recharts'
import { formatAxisTick } from './chart-text'

/** Axis text size in px: never below 12 (readable when printed). */
export const TICK_FONT = 12
/** Light grid and axis lines; the literal values keep them in an exported SVG. */
export const GRID_STROKE = '#e4e7eb'
export const AXIS_STROKE = '#9aa5b1'
export const CATEGORY_LINE_HEIGHT = 15

/** A value tick under a horizontal value axis: "0", "30K", "1.2M". */
export function XNumberTick({ x, y, payload }: XAxisTickContentProps) {
  return (
    <text className="chart-axis-text" x={x} y={y} dy="1em" textAnchor="middle" fontSize={TICK_FONT}>
      {formatAxisTick(Number(payload.value))}
    </text>
  )
}

/** A value tick left of a vertical value axis. */
export function YNumberTick({ x, y, payload }: YAxisTickContentProps) {
  return (
    <text className="chart-axis-text" x={x} y={y} dy="0.35em" textAnchor="end" fontSize={TICK_FONT}>
      {formatAxisTick(Number(payload.value))}
    </text>
  )
}

/**
 * A category under a column or group: one or two lines (the second, e.g. the year, muted),
 * bold when highlighted. `full` is the whole label, given as a tooltip when it was shortened.
 */
export function XCategoryTick({
  x,
  y,
  lines,
  full,
  fontSize,
  highlighted = false,
}: {
  x: number
  y: number
  lines: string[]
  full: string
  fontSize: number
  highlighted?: boolean
}) {
  const shortened = lines.join(' ') !== full && lines.join(' (') + ')' !== full
  return (
    <text
      className={`chart-category-text${highlighted ? ' chart-category-text--highlight' : ''}`}
      x={x}
      y={y}
      textAnchor="middle"
      fontSize={fontSize}
    >
      {shortened ? <title>{full}</title> : null}
      {lines.map((line, index) => (
        <tspan
          key={index}
          x={x}
          dy={index === 0 ? '1em' : CATEGORY_LINE_HEIGHT}
          className={index > 0 ? 'chart-category-text__detail' : undefined}
        >
          {line}
        </tspan>
      ))}
    </text>
  )
}
