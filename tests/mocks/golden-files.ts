import { existsSync, readFileSync } from 'node:fs'
import { join, normalize } from 'node:path'

/**
 * The golden API files the pipeline produced from the fixture articles: what msw serves to the UI
 * tests and where the tests take their expected values from ("one fixture, two uses").
 */
// import.meta.dirname, not new URL(import.meta.url): jsdom replaces the global URL class.
export const GOLDEN_API_DIR = join(import.meta.dirname, '../fixtures/golden/api')

/** The raw text of one golden file (`summary.json`, `districts/jingan.json`), or null if none. */
export function readGoldenText(path: string): string | null {
  const file = normalize(join(GOLDEN_API_DIR, path))
  if (!file.startsWith(GOLDEN_API_DIR) || !existsSync(file)) return null
  return readFileSync(file, 'utf8')
}
