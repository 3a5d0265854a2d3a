import { ArticleIndexSchema, type ArticleIndex } from '../pipeline/schema'
import { getJson } from './client'

/** Every article with its date, districts, edition and how many figures it gave. */
export function fetchArticleIndex(): Promise<ArticleIndex> {
  return getJson('articles.json', ArticleIndexSchema)
}
