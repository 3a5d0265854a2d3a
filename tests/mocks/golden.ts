import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CatalogSchema, DatasetSchema, type Catalog, type Dataset } from '../../src/pipeline/schema'

/**
 * The golden API files the pipeline produced from the fixture articles: what msw serves to the UI
 * tests and where the tests take their expected values from ("one fixture, two uses").
 */
// import.meta.dirname, not new URL(import.meta.url): jsdom replaces the global URL class.
export const GOLDEN_API_DIR = join(import.meta.dirname, '../fixtures/golden/api')

/** The raw text of one golden file, served byte for byte as the static host would. */
export function readGoldenText(file: 'catalog.json' | 'dataset.json'): string {
  return readFileSync(join(GOLDEN_API_DIR, file), 'utf8')
}

/** Parsed with the shared schemas, so a test fails loudly if the golden files drift from them. */
export const goldenCatalog: Catalog = CatalogSchema.parse(
  JSON.parse(readGoldenText('catalog.json')),
)
export const goldenDataset: Dataset = DatasetSchema.parse(
  JSON.parse(readGoldenText('dataset.json')),
)
