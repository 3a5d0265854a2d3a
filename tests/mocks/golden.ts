import * as v from 'valibot'
import { readGoldenText } from './golden-files'
import {
  ArticleDetailSchema,
  ArticleIndexSchema,
  ConflictsFileSchema,
  DatasetSchema,
  DistrictDetailSchema,
  SummarySchema,
  type ArticleDetail,
  type ArticleIndex,
  type ConflictsFile,
  type Dataset,
  type DistrictDetail,
  type DistrictId,
  type Summary,
} from '../../src/pipeline/schema'

/** The golden API files, parsed with the shared schemas: tests take expected values from them. */
function readGolden(path: string): unknown {
  const text = readGoldenText(path)
  if (text === null) throw new Error(`no golden API file ${path}`)
  return JSON.parse(text)
}

/** Parsed with the shared schemas, so a test fails loudly if the golden files drift from them. */
export const goldenSummary: Summary = v.parse(SummarySchema, readGolden('summary.json'))
export const goldenArticleIndex: ArticleIndex = v.parse(
  ArticleIndexSchema,
  readGolden('articles.json'),
)
export const goldenDataset: Dataset = v.parse(DatasetSchema, readGolden('dataset.json'))
export const goldenConflicts: ConflictsFile = v.parse(
  ConflictsFileSchema,
  readGolden('conflicts.json'),
)
export const goldenDistrict = (id: DistrictId): DistrictDetail =>
  v.parse(DistrictDetailSchema, readGolden(`districts/${id}.json`))
export const goldenArticle = (id: string): ArticleDetail =>
  v.parse(ArticleDetailSchema, readGolden(`articles/${id}.json`))
