import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildDataset } from '../../src/pipeline/build-dataset'
import { parseArticleBytes, type Article } from '../../src/pipeline/parse-article'
import { emitApi } from '../../src/pipeline/emit-api'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'

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
