import { DatasetSchema, type Dataset } from '../pipeline/schema'
import { getJson } from './client'

/** Everything read from the articles: observations, milestones, organisations, discarded numbers. */
export function fetchDataset(): Promise<Dataset> {
  return getJson('dataset.json', DatasetSchema)
}
