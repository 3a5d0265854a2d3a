import type { TooltipAnchor } from './chart-mark'

interface ChartTooltipProps {
  anchor: TooltipAnchor
  /** Width of the chart in px, to keep the tooltip inside it. */
  chartWidth: number
  title: string
  detail?: string | undefined
  value: string
  conflict: boolean
  hint: boolean
}

/**
 * A hover and focus tooltip in HTML over the chart. Hidden from assistive technology: the bar's
 * accessible name already says the same, and the table has it all.
 */
export function ChartTooltip({
  anchor,
  chartWidth,
  title,
  detail,
  value,
  conflict,
  hint,
}: ChartTooltipProps) {
  const side =
    anchor.x < chartWidth * 0.3 ? 'start' : anchor.x > chartWidth * 0.7 ? 'end' : 'middle'
  // Near the top there is no room above the bar: show the tooltip below it.
  const below = anchor.top < 84
  return (
    <div
      className={`chart-tooltip chart-tooltip--${side}${below ? ' chart-tooltip--below' : ''}`}
      style={{ left: anchor.x, top: below ? anchor.bottom : anchor.top }}
      aria-hidden="true"
      data-testid="chart-tooltip"
    >
      <div className="chart-tooltip__title">{title}</div>
      {detail ? <div className="chart-tooltip__detail">{detail}</div> : null}
      <div className="chart-tooltip__value">{value}</div>
      {conflict ? <div className="chart-tooltip__conflict">⚠ Sources disagree</div> : null}
      {hint ? <div className="chart-tooltip__hint">Click for the evidence</div> : null}
    </div>
  )
}
