import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildDataset } from '../../src/pipeline/build-dataset'
import { parseArticleBytes, type Article } from '../../src/pipeline/parse-article'
import { emitApi } from '../../src/pipeline/emit-api'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'
import { SCHEMA_VERSION, type Dataset, type Observation } from '../../src/pipeline/schema'

export const ROOT = join(import.meta.dirname, '..', '..')
export const BUNDLED_ARTICLES = join(ROOT, 'data', 'articles')
export const FIXTURE_ARTICLES = join(ROOT, 'tests', 'fixtures', 'articles')

/** Reads a folder of articles the way the CLI does. */
export function readArticles(folder: string): Array<Article> {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const result = parseArticleBytes(name, readFileSync(join(folder, name)))
      if (!result.ok)
        throw new Error(`${result.problem.file}:${result.problem.line}: ${result.problem.cause}`)
      return result.article
    })
}

export const datasetOf = (folder: string) => buildDataset(readArticles(folder), getGazetteer())

/** The API files the CLI would write for a folder of articles. */
export function apiFilesOf(folder: string) {
  const articles = readArticles(folder)
  const texts = new Map(articles.map((article) => [article.id, article.text]))
  return emitApi(buildDataset(articles, getGazetteer()), loadCatalog(), texts)
}

/** One article from its text, for table-driven tests. */
export function articleOf(text: string, date = '2023-11-08', fileName = 'snippet.txt'): Article {
  const result = parseArticleBytes(fileName, new TextEncoder().encode(` date ${date} ${text}`))
  if (!result.ok) throw new Error(result.problem.cause)
  return result.article
}

/**
 * The worst case for the summary and conflicts files: every district × edition × metric in
 * conflict, `count` synthetic articles each giving every cell a long value with the longest
 * qualifier, and a sentence of the genre's length.
 */
export function gridInConflict(count: number): Dataset {
  const catalog = loadCatalog()
  const articles = Array.from({ length: count }, (_, index) => ({
    id: `synthetic-article-${index}`,
    date: `2025-11-${String(index + 1).padStart(2, '0')}`,
    title: 'Synthetic',
    district: null,
    districts: [],
    area: null,
    edition: null,
    warnings: [],
  }))
  const observations: Array<Observation> = []
  for (const article of articles)
    for (const district of catalog.districts)
      for (const edition of catalog.editions)
        for (const metric of catalog.metrics)
          observations.push({
            id: `${article.id}~${district.id}-${edition.edition}-${metric.key}`,
            article: article.id,
            sentence: `A long sentence of the genre that reports a figure, ${observations.length}.`,
            sentenceStart: 0,
            start: 0,
            end: 1,
            metric: metric.key,
            value: 123456789012.5 + observations.length,
            unit: metric.unitKind === 'money' ? 'USD' : 'count',
            qualifier: 'more_than',
            district: district.id,
            area: null,
            edition: edition.edition,
            scope: 'ciie',
            text: 'A',
            conversion: null,
          })
  return {
    schemaVersion: SCHEMA_VERSION,
    articles,
    observations,
    milestones: [],
    organisations: [],
    discarded: [],
  }
}
