import { useCallback, useState } from 'react'

/** The width charts assume where nothing can be measured (jsdom, server rendering). */
export const DEFAULT_CHART_WIDTH = 640

/**
 * The content width of the element `ref` is attached to, kept up to date with a ResizeObserver.
 * Where ResizeObserver is missing, or the element has no layout yet (width 0), the width is
 * `fallback`. With `measure` false nothing is measured (the caller was given a width).
 */
export function useContainerWidth<T extends HTMLElement = HTMLDivElement>(
  fallback: number = DEFAULT_CHART_WIDTH,
  measure = true,
): { ref: (node: T | null) => (() => void) | undefined; width: number } {
  const [measured, setMeasured] = useState<number | null>(null)
  const ref = useCallback(
    (node: T | null) => {
      if (node === null || !measure) return undefined
      // Measured once at once, so the first paint already has the right width.
      const initial = Math.floor(node.getBoundingClientRect().width)
      if (initial > 0) setMeasured(initial)
      if (typeof ResizeObserver === 'undefined') return undefined
      const observer = new ResizeObserver((entries) => {
        const entry = entries[entries.length - 1]
        if (!entry) return
        // Whole pixels: sub-pixel changes would re-render the chart for nothing.
        const width = Math.floor(entry.contentRect.width)
        setMeasured(width > 0 ? width : null)
      })
      observer.observe(node)
      return () => observer.disconnect()
    },
    [measure],
  )
  return { ref, width: measured ?? fallback }
}
