import type { KeyboardEvent, ReactNode } from 'react'
import { t } from '../i18n/i18n'
import type { TooltipTrigger } from './chart-tooltip'
import { markColorVars } from './district-colors'
import type { ChartValue } from './chart-types'
import type { RovingFocus } from './roving-focus'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Where a tooltip points, in chart pixels: above `top`, or below `bottom` when there is no room
 * above (a bar's end for horizontal bars, a column's top for columns).
 */
export interface TooltipAnchor {
  key: string
  x: number
  top: number
  bottom: number
}

interface ChartMarkProps {
  value: ChartValue
  /** The bar itself; zero height or width for a reported zero. */
  bar: Box
  /** The area that takes the pointer: the whole row or column slot, so thin bars are easy to hit. */
  hit: Box
  /** Drawn around bar and label when focused by keyboard. */
  ring: Box
  anchor: Omit<TooltipAnchor, 'key'>
  onSelect?: ((key: string) => void) | undefined
  onShowTooltip: (anchor: TooltipAnchor, via: TooltipTrigger) => void
  onHideTooltip: () => void
  /** The pointer left: the tooltip goes unless the pointer reaches it. */
  onPointerLeave: () => void
  /** The chart's roving tabindex: one Tab stop, arrow keys between values. */
  roving: RovingFocus
  /** Id of the keyboard help, the value's description. */
  describedBy?: string | undefined
  highlighted?: boolean
  /** Value label and conflict mark. */
  children?: ReactNode
}

/**
 * One reported value as SVG: a bar that is a button when the chart can open evidence (role,
 * Enter and Space; one Tab stop per chart, arrow keys between its bars), and an image with the
 * value's description when it cannot.
 */
export function ChartMark({
  value,
  bar,
  hit,
  ring,
  anchor,
  onSelect,
  onShowTooltip,
  onHideTooltip,
  onPointerLeave,
  roving,
  describedBy,
  highlighted = false,
  children,
}: ChartMarkProps) {
  const handleKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Escape') {
      onHideTooltip()
      return
    }
    if (!onSelect) return
    if (roving.onKeyDown(event, value.key)) return
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault()
      onSelect(value.key)
    }
  }
  const interactive = onSelect !== undefined
  return (
    <g
      className={`chart-mark${interactive ? ' chart-mark--interactive' : ''}`}
      role={interactive ? 'button' : 'img'}
      tabIndex={interactive ? (roving.tabbableKey === value.key ? 0 : -1) : undefined}
      aria-label={value.description}
      aria-describedby={interactive ? describedBy : undefined}
      data-key={value.key}
      onClick={interactive ? () => onSelect(value.key) : undefined}
      onKeyDown={handleKeyDown}
      onMouseEnter={() => onShowTooltip({ key: value.key, ...anchor }, 'pointer')}
      onMouseLeave={onPointerLeave}
      onFocus={() => {
        if (interactive) roving.onFocus(value.key)
        onShowTooltip({ key: value.key, ...anchor }, 'focus')
      }}
      onBlur={onHideTooltip}
    >
      <rect className="chart-mark__hit" {...hit} fill="transparent" />
      <rect
        className="chart-mark__bar"
        x={bar.x}
        y={bar.y}
        width={Math.max(0, bar.width)}
        height={Math.max(0, bar.height)}
        fill={value.color}
        style={markColorVars(value.color)}
      />
      {highlighted ? (
        <rect
          className="chart-mark__highlight"
          x={bar.x - 2}
          y={bar.y - 2}
          width={Math.max(0, bar.width) + 4}
          height={Math.max(0, bar.height) + 4}
          fill="none"
          stroke="#1f2933"
          strokeWidth={2}
        />
      ) : null}
      <rect className="chart-mark__focus-outer" {...ring} fill="none" rx={3} />
      <rect className="chart-mark__focus-inner" {...ring} fill="none" rx={3} />
      {children}
    </g>
  )
}

/**
 * The conflict mark inside an SVG label: a "⚠" (text presentation, not the emoji; left out when a
 * ConflictMarker is drawn instead) and the words "sources disagree" for assistive technology,
 * kept out of sight by size and opacity so an exported SVG without the stylesheet hides them too.
 */
export function ConflictTspans({ glyph = true }: { glyph?: boolean }) {
  return (
    <>
      {glyph ? (
        <tspan className="chart-conflict" dx={4} aria-hidden="true">
          {'⚠\uFE0E'}
        </tspan>
      ) : null}
      <tspan className="chart-sr-svg" fontSize={0} fillOpacity={0}>
        {` ${t('charts.conflict.spoken')}`}
      </tspan>
    </>
  )
}

/** Width of the conflict mark in px at `fontSize`, for layout. */
export function conflictWidth(conflict: boolean, fontSize: number): number {
  return conflict ? fontSize * 1.3 + 4 : 0
}

/** A small triangle over a column too narrow for "⚠": a shape, so not colour alone. */
export function ConflictMarker({ x, y, width }: { x: number; y: number; width: number }) {
  const half = Math.max(width, 6) / 2
  return (
    <path
      className="chart-conflict-marker"
      d={`M${x - half},${y} L${x + half},${y} L${x},${y - half * 1.6} Z`}
      aria-hidden="true"
    />
  )
}
