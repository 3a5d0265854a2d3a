import { CatalogSchema, type Catalog } from '../pipeline/schema'
import { getJson } from './client'

/** The reference data: districts, zones, CIIE editions and metric labels. */
export function fetchCatalog(): Promise<Catalog> {
  return getJson('catalog.json', CatalogSchema)
}
