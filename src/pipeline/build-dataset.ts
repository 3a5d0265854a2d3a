import { extractArticle, type ArticleExtraction } from './extract-article'
import type { Article } from './parse-article'
import type { Gazetteer } from './reference'
import { SCHEMA_VERSION, type Dataset } from './schema'

/** Articles → the dataset. emitApi validates it before anything is written. */
export function buildDataset(articles: ReadonlyArray<Article>, gazetteer: Gazetteer): Dataset {
  return assembleDataset(articles.map((article) => extractArticle(article, gazetteer)))
}

/**
 * Per-article extractions → the dataset, in a fixed order (article date, id, then position), so
 * the same articles give byte-identical JSON whatever order they were read or extracted in.
 */
function assembleDataset(extractions: ReadonlyArray<ArticleExtraction>): Dataset {
  const ordered = [...extractions].sort(
    (a, b) => compare(a.summary.date, b.summary.date) || compare(a.summary.id, b.summary.id),
  )
  const byPosition = <T extends { start: number; end: number; id?: string }>(a: T, b: T) =>
    a.start - b.start || a.end - b.end || compare(a.id ?? '', b.id ?? '')
  return {
    schemaVersion: SCHEMA_VERSION,
    articles: ordered.map((extraction) => extraction.summary),
    observations: ordered.flatMap((extraction) => [...extraction.observations].sort(byPosition)),
    milestones: ordered.flatMap((extraction) => [...extraction.milestones].sort(byPosition)),
    organisations: ordered.flatMap((extraction) =>
      [...extraction.organisations].sort(
        (a, b) => compare(a.name, b.name) || compare(a.role, b.role),
      ),
    ),
    discarded: ordered.flatMap((extraction) => [...extraction.discarded].sort(byPosition)),
  }
}

/** Code-point order, not locale order: the same on every machine. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
