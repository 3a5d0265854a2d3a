import { lazy } from 'react'

/*
 * The recharts-based charts, loaded when the first of them is drawn (inside a DeferredChart,
 * which shows a box of the chart's height meanwhile). Recharts is most of a view's code: without
 * it in the view's chunk, a page paints, and the app takes a prerendered page over, sooner; on a
 * phone the overview's chart is below the fold and is not loaded until it comes near.
 */
export const LazyBarChart = lazy(async () => ({ default: (await import('./bar-chart')).BarChart }))

export const LazyColumnChart = lazy(async () => ({
  default: (await import('./column-chart')).ColumnChart,
}))
