import { extractArticle } from './extract-article'
import type { Article } from './parse-article'
import type { Gazetteer } from './reference'
import { DatasetSchema, SCHEMA_VERSION, type Dataset } from './schema'

/**
 * Articles → the dataset: every article's extraction, in a fixed order (article date, id, then
 * position), so the same articles always give byte-identical JSON whatever order they came in.
 */
export function buildDataset(articles: ReadonlyArray<Article>, gazetteer: Gazetteer): Dataset {
  const ordered = [...articles].sort((a, b) => compare(a.date, b.date) || compare(a.id, b.id))
  const extractions = ordered.map((article) => extractArticle(article, gazetteer))
  const byPosition = <T extends { start: number; end: number; id?: string }>(a: T, b: T) =>
    a.start - b.start || a.end - b.end || compare(a.id ?? '', b.id ?? '')
  const dataset: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    articles: extractions.map((extraction) => extraction.summary),
    observations: extractions.flatMap((extraction) =>
      [...extraction.observations].sort(byPosition),
    ),
    milestones: extractions.flatMap((extraction) => [...extraction.milestones].sort(byPosition)),
    organisations: extractions.flatMap((extraction) =>
      [...extraction.organisations].sort(
        (a, b) => compare(a.name, b.name) || compare(a.role, b.role),
      ),
    ),
    discarded: extractions.flatMap((extraction) => [...extraction.discarded].sort(byPosition)),
  }
  return DatasetSchema.parse(dataset)
}

/** Code-point order, not locale order: the same on every machine. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
