import { useCallback, useEffect, useRef, useState } from 'react'
import { t } from '../i18n/i18n'
import type { TooltipAnchor } from './chart-mark'

/** How a tooltip was opened: the hint names the matching way to open the evidence. */
export type TooltipTrigger = 'pointer' | 'focus'

export interface ShownTooltip extends TooltipAnchor {
  via: TooltipTrigger
}

/**
 * Time for the pointer to cross from a value to its tooltip before the tooltip goes, in ms.
 * Long enough for the few pixels between them, short enough not to linger.
 */
export const TOOLTIP_LEAVE_DELAY_MS = 120

export interface ChartTooltipState {
  tooltip: ShownTooltip | null
  show: (anchor: TooltipAnchor, via: TooltipTrigger) => void
  hide: () => void
  /**
   * The pointer left the value or the tooltip: hide, unless it reaches the tooltip (or the value)
   * first. A tooltip opened by focus stays until focus leaves.
   */
  hideSoon: () => void
  /** The pointer is on the tooltip: keep it. */
  keep: () => void
}

/**
 * A chart's tooltip, meeting WCAG 1.4.13 (content on hover or focus): it stays while the pointer
 * is on its value or on the tooltip itself (hoverable), until the pointer or focus leaves
 * (persistent), and Escape dismisses it wherever focus is (dismissable).
 */
export function useChartTooltip(): ChartTooltipState {
  const [tooltip, setTooltip] = useState<ShownTooltip | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const keep = useCallback(() => clearTimeout(timer.current), [])
  const hide = useCallback(() => {
    clearTimeout(timer.current)
    setTooltip(null)
  }, [])
  const show = useCallback((anchor: TooltipAnchor, via: TooltipTrigger) => {
    clearTimeout(timer.current)
    setTooltip({ ...anchor, via })
  }, [])
  const hideSoon = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = setTimeout(
      () => setTooltip((current) => (current?.via === 'pointer' ? null : current)),
      TOOLTIP_LEAVE_DELAY_MS,
    )
  }, [])

  const shown = tooltip !== null
  useEffect(() => {
    if (!shown) return undefined
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') hide()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [shown, hide])
  useEffect(() => () => clearTimeout(timer.current), [])

  return { tooltip, show, hide, hideSoon, keep }
}

interface ChartTooltipProps {
  tooltip: ShownTooltip
  /** Width of the chart in px, to keep the tooltip inside it. */
  chartWidth: number
  title: string
  detail?: string | undefined
  value: string
  conflict: boolean
  /** Opens the evidence: the tooltip is part of its value, so a click on it does the same. */
  onSelect?: ((key: string) => void) | undefined
  onPointerEnter: () => void
  onPointerLeave: () => void
}

/**
 * A hover and focus tooltip in HTML over the chart. Hidden from assistive technology: the bar's
 * accessible name already says the same, and the table has it all.
 */
export function ChartTooltip({
  tooltip,
  chartWidth,
  title,
  detail,
  value,
  conflict,
  onSelect,
  onPointerEnter,
  onPointerLeave,
}: ChartTooltipProps) {
  const side =
    tooltip.x < chartWidth * 0.3 ? 'start' : tooltip.x > chartWidth * 0.7 ? 'end' : 'middle'
  // Near the top there is no room above the bar: show the tooltip below it.
  const below = tooltip.top < 84
  return (
    <div
      className={`chart-tooltip chart-tooltip--${side}${below ? ' chart-tooltip--below' : ''}${onSelect ? ' chart-tooltip--interactive' : ''}`}
      style={{ left: tooltip.x, top: below ? tooltip.bottom : tooltip.top }}
      aria-hidden="true"
      data-testid="chart-tooltip"
      onMouseEnter={onPointerEnter}
      onMouseLeave={onPointerLeave}
      onClick={onSelect ? () => onSelect(tooltip.key) : undefined}
    >
      <div className="chart-tooltip__title">{title}</div>
      {detail ? <div className="chart-tooltip__detail">{detail}</div> : null}
      <div className="chart-tooltip__value">{value}</div>
      {conflict ? (
        <div className="chart-tooltip__conflict">{t('charts.tooltip.conflict')}</div>
      ) : null}
      {onSelect ? (
        <div className="chart-tooltip__hint">
          {tooltip.via === 'focus'
            ? t('charts.tooltip.hintKeyboard')
            : t('charts.tooltip.hintPointer')}
        </div>
      ) : null}
    </div>
  )
}
