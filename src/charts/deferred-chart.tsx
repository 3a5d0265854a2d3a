import { Suspense, useCallback, useState, useSyncExternalStore, type ReactNode } from 'react'
import { flushSync } from 'react-dom'
import { DEFAULT_CHART_WIDTH } from './use-container-width'
import './charts.css'

/**
 * How far beyond the viewport a chart is drawn ahead of scrolling, in px: about three rows of
 * small multiples, so a chart is drawn before it is scrolled into view.
 */
export const DRAW_AHEAD_PX = 600
/** The IntersectionObserver margin for DRAW_AHEAD_PX above and below the screen. */
const DRAW_AHEAD_MARGIN = `${DRAW_AHEAD_PX}px 0px`

export interface DeferredChartProps {
  /** The chart's height: the placeholder takes it, so nothing moves when the chart is drawn. */
  height: number
  /** Draws the chart at the container's width (whole pixels; 640 where nothing has a layout). */
  children: (width: number) => ReactNode
}

interface Placement {
  near: boolean
  width: number | null
}

/**
 * A chart that is drawn only when it is in or near the viewport, and stays drawn from then on; a
 * page of dozens of small multiples then draws only the few on screen when it changes. Until
 * then an empty box of the chart's height holds its place. Where there is no layout to look at
 * (jsdom), no IntersectionObserver, or when the page is printed, every chart is drawn. It also
 * measures its width for the chart, so a chart is drawn once at the right width.
 */
export function DeferredChart({ height, children }: DeferredChartProps) {
  const printing = useSyncExternalStore(subscribePrinting, isPrinting, isPrinting)
  const [placement, setPlacement] = useState<Placement | null>(null)

  const ref = useCallback((node: HTMLDivElement | null) => {
    if (node === null) return undefined
    // Measured at once, in the commit: a chart on screen is drawn before the next paint, so
    // the frame that shows a change already shows the charts it brings into view.
    const box = node.getBoundingClientRect()
    const laidOut = box.width > 0
    const onScreen =
      !laidOut ||
      typeof IntersectionObserver === 'undefined' ||
      (box.bottom > 0 && box.top < window.innerHeight)
    setPlacement({ near: onScreen, width: laidOut ? Math.floor(box.width) : null })

    let intersection: IntersectionObserver | undefined
    if (!onScreen) {
      intersection = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return
          setPlacement((current) => ({ near: true, width: current?.width ?? null }))
          intersection?.disconnect()
        },
        { rootMargin: DRAW_AHEAD_MARGIN },
      )
      intersection.observe(node)
    }
    const resize =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver((entries) => {
            const entry = entries[entries.length - 1]
            if (!entry) return
            // Whole pixels: sub-pixel changes would redraw the chart for nothing.
            const width = Math.floor(entry.contentRect.width)
            setPlacement((current) =>
              current?.width === width
                ? current
                : { near: current?.near ?? false, width: width > 0 ? width : null },
            )
          })
    resize?.observe(node)
    return () => {
      intersection?.disconnect()
      resize?.disconnect()
    }
  }, [])

  const draw = printing || placement?.near === true
  return (
    <div ref={ref} className="chart-deferred" style={draw ? undefined : { height }}>
      {draw ? (
        // A lazily loaded chart (lazy-charts.tsx) keeps the box until its code is there.
        <Suspense fallback={<div style={{ height }} />}>
          {children(placement?.width ?? DEFAULT_CHART_WIDTH)}
        </Suspense>
      ) : null}
    </div>
  )
}

/*
 * Printing draws every chart: `beforeprint` comes just before the page is laid out for paper,
 * so the charts are drawn synchronously there (flushSync). Once printed, they stay drawn.
 */
let printed = false
const printListeners = new Set<() => void>()

function startPrinting() {
  if (printed) return
  printed = true
  flushSync(() => {
    for (const listener of printListeners) listener()
  })
}

let printMedia: MediaQueryList | null = null

function onPrintMedia(event: MediaQueryListEvent) {
  if (event.matches) startPrinting()
}

function subscribePrinting(listener: () => void): () => void {
  if (printListeners.size === 0 && typeof window !== 'undefined') {
    window.addEventListener('beforeprint', startPrinting)
    printMedia = typeof window.matchMedia === 'function' ? window.matchMedia('print') : null
    printMedia?.addEventListener('change', onPrintMedia)
  }
  printListeners.add(listener)
  return () => {
    printListeners.delete(listener)
    if (printListeners.size === 0 && typeof window !== 'undefined') {
      window.removeEventListener('beforeprint', startPrinting)
      printMedia?.removeEventListener('change', onPrintMedia)
      printMedia = null
    }
  }
}

const isPrinting = () => printed
