import { SummarySchema, type Summary } from '../pipeline/schema'
import { getJson } from './client'

/** The catalog and one value per district × edition × metric: all the overview needs. */
export function fetchSummary(): Promise<Summary> {
  return getJson('summary.json', SummarySchema)
}
