import { ArticleDetailSchema, type ArticleDetail } from '../pipeline/schema'
import { getJson } from './client'

/** One article's text and the figures read from it, with their offsets in the text. */
export function fetchArticle(id: string): Promise<ArticleDetail> {
  return getJson(`articles/${encodeURIComponent(id)}.json`, ArticleDetailSchema)
}
