import type { Qualifier } from '../pipeline/schema'

/** One value a chart draws: a district × edition × metric cell, or "not reported". */
export interface ChartValue {
  /** Stable, unique within a chart, e.g. 'jingan|6|partners'. */
  key: string
  /** Category label: a district name or an edition label "6th (2023)". */
  label: string
  /** null = not reported: never drawn as a zero bar. */
  value: number | null
  /** Formatted text for labels and tables: "80+", "US$700 million", "not reported". */
  display: string
  qualifier: Qualifier | null
  /** Sources disagree: shown with a mark in text or shape, never colour only. */
  conflict: boolean
  /** The district's colour. */
  color: string
  /** Accessible name, e.g. "Jing'an, 6th (2023), Partners: 26. Open the evidence." */
  description: string
}

/** The data behind a chart as an HTML table: the accessible alternative and the print fallback. */
export interface ChartTable {
  caption: string
  columns: string[]
  rows: Array<{ key: string; cells: Array<string> }>
}
