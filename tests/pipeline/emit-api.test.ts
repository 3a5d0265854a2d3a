import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { emitApi } from '../../src/pipeline/emit-api'
import { loadCatalog } from '../../src/pipeline/reference'
import {
  ArticleDetailSchema,
  ArticleIndexSchema,
  ConflictsFileSchema,
  DatasetSchema,
  DistrictDetailSchema,
  SummaryFileSchema,
  SummarySchema,
  type Dataset,
} from '../../src/pipeline/schema'

import { FIXTURE_ARTICLES, apiFilesOf, gridInConflict } from './corpus'

const SUMMARY_BUDGET_BYTES = 100 * 1024

/** Each article's text, as the CLI passes it: any text will do for these files. */
const textsOf = (dataset: Dataset) => new Map(dataset.articles.map((article) => [article.id, 'x']))

describe('the summary file', () => {
  it('stays under 100 KB for 16 districts × 8 editions × every metric', () => {
    const catalog = loadCatalog()
    const grid = gridInConflict(2)
    const files = emitApi(grid, catalog, textsOf(grid))
    const summary = files.find((file) => file.path === 'summary.json')
    expect(summary).toBeDefined()
    const bytes = new TextEncoder().encode(summary?.contents).length
    expect(bytes).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES)
    const parsed = v.parse(SummarySchema, JSON.parse(summary?.contents ?? ''))
    expect(parsed.aggregates).toHaveLength(
      catalog.districts.length * catalog.editions.length * catalog.metrics.length,
    )
    expect(parsed.aggregates.every((a) => a.conflict && a.observations === 2)).toBe(true)
  })

  it('writes a file for every district, data or not, and one per article', () => {
    const catalog = loadCatalog()
    const grid = gridInConflict(2)
    const paths = emitApi(grid, catalog, textsOf(grid)).map((f) => f.path)
    for (const district of catalog.districts)
      expect(paths).toContain(`districts/${district.id}.json`)
    for (const article of grid.articles) expect(paths).toContain(`articles/${article.id}.json`)
    expect(paths).toEqual([...paths].sort())
  })

  it('refuses to write an article file without the article text', () => {
    expect(() => emitApi(gridInConflict(2), loadCatalog(), new Map())).toThrow(/no text/)
  })

  it('refuses a record the app would reject, and names it', () => {
    const dataset = gridInConflict(2)
    const texts = textsOf(dataset)
    const [first, ...rest] = dataset.observations
    if (!first) throw new Error('the grid has observations')
    const broken = { ...dataset, observations: [...rest, { ...first, value: -1 }] }
    expect(() => emitApi(broken, loadCatalog(), texts)).toThrow(
      `dataset.observations[${rest.length}] fails its schema`,
    )
  })
})

/** The schema of an API file as written (the summary before the app spells out its cells). */
const fileSchemaOf = (path: string) =>
  path.startsWith('districts/')
    ? DistrictDetailSchema
    : path.startsWith('articles/')
      ? ArticleDetailSchema
      : path === 'articles.json'
        ? ArticleIndexSchema
        : path === 'dataset.json'
          ? DatasetSchema
          : path === 'conflicts.json'
            ? ConflictsFileSchema
            : SummaryFileSchema

describe('the API files of the fixture articles', () => {
  // emitApi checks each record once; every file must still pass the schema the app reads it with.
  it('each pass the schema the app reads them with', () => {
    for (const file of apiFilesOf(FIXTURE_ARTICLES)) {
      const schema = file.path === 'summary.json' ? SummarySchema : fileSchemaOf(file.path)
      expect(() => v.parse(schema, JSON.parse(file.contents)), file.path).not.toThrow()
    }
  })

  // Files are joined from records serialised one by one: the result must be what serialising the
  // whole validated file would give, key order included.
  it("are compact JSON in the schema's key order", () => {
    for (const file of apiFilesOf(FIXTURE_ARTICLES)) {
      const parsed = v.parse(fileSchemaOf(file.path), JSON.parse(file.contents))
      expect(file.contents, file.path).toBe(`${JSON.stringify(parsed)}\n`)
    }
  })
})
