import { useEffect } from 'react'

/**
 * How long a view takes to show the result of a user's change (a new edition, one more
 * district), as performance measures the benchmark reads: `markInteraction('overview-edition')`
 * when the user acts, `useInteractionMeasure('overview-edition', key)` in the view that redraws.
 * The measure `render:<name>` ends at the first frame after the view committed with the new key.
 */

export function markInteraction(name: string): void {
  if (typeof performance === 'undefined') return
  performance.mark(`interaction:${name}`)
}

export function useInteractionMeasure(name: string, key: string): void {
  useEffect(() => {
    if (typeof performance === 'undefined' || typeof requestAnimationFrame === 'undefined') return
    const mark = `interaction:${name}`
    if (performance.getEntriesByName(mark, 'mark').length === 0) return
    const frame = requestAnimationFrame(() => {
      performance.measure(`render:${name}`, mark)
      performance.clearMarks(mark)
    })
    return () => cancelAnimationFrame(frame)
  }, [name, key])
}
