import { applyCorrections, type CorrectionProblem, type LocatedCorrection } from './corrections'
import { groupBy } from './group-by'
import { extractArticle, type ArticleExtraction } from './extract-article'
import type { Article } from './parse-article'
import { loadCatalog, type Gazetteer } from './reference'
import { SCHEMA_VERSION, type Dataset } from './schema'

/** Corrections that no longer match the articles: the build stops and says which and why. */
export class CorrectionsError extends Error {
  constructor(readonly problems: ReadonlyArray<CorrectionProblem>) {
    super(`${problems.length} correction(s) do not match the articles`)
  }
}

/**
 * Articles → the dataset, with data/corrections.json applied to each article's figures.
 * emitApi validates it before anything is written. Throws CorrectionsError, listing every
 * correction that does not match, rather than build a dataset that silently ignores one.
 */
export function buildDataset(
  articles: ReadonlyArray<Article>,
  gazetteer: Gazetteer,
  corrections: ReadonlyArray<LocatedCorrection> = [],
): Dataset {
  const byArticle = groupBy(corrections, (located) => located.correction.article)
  const problems: Array<CorrectionProblem> = []
  const extractions = articles.map((article) => {
    const extraction = extractArticle(article, gazetteer)
    const own = byArticle.get(article.id)
    if (own === undefined) return extraction
    byArticle.delete(article.id)
    const corrected = applyCorrections(extraction, article, own, loadCatalog())
    problems.push(...corrected.problems)
    return corrected.extraction
  })
  for (const [id, own] of byArticle) {
    for (const { file, line } of own)
      problems.push({ file, line, cause: `there is no article ${id} (no file ${id}.txt was read)` })
  }
  if (problems.length > 0) throw new CorrectionsError([...problems].sort((a, b) => a.line - b.line))
  return assembleDataset(extractions)
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
