import type { ArticleIndexEntry, DistrictId } from '../pipeline/schema'

/**
 * The sources page's state as read from its URL (`?district=jingan&edition=6&order=oldest`), and
 * the pure filtering and sorting it asks for. Parsing says which parameter was wrong, so the page
 * can name it on its not-found page.
 */

export type SourcesOrder = 'newest' | 'oldest'

export interface SourcesFilter {
  district: DistrictId | null
  edition: number | null
  order: SourcesOrder
}

export type SourcesFilterResult =
  | { ok: true; filter: SourcesFilter }
  | { ok: false; param: 'district' | 'edition' | 'order'; value: string }

export interface SourcesFilterParsers {
  isDistrictId: (value: string) => value is DistrictId
  /** The edition number, or null when the catalog has no such edition. */
  parseEdition: (value: string) => number | null
}

/** Reads the filter; an empty parameter means no filter, an unknown value is an error. */
export function parseSourcesFilter(
  params: URLSearchParams,
  parsers: SourcesFilterParsers,
): SourcesFilterResult {
  const district = params.get('district') ?? ''
  if (district !== '' && !parsers.isDistrictId(district)) {
    return { ok: false, param: 'district', value: district }
  }
  const editionText = params.get('edition') ?? ''
  const edition = editionText === '' ? null : parsers.parseEdition(editionText)
  if (editionText !== '' && edition === null) {
    return { ok: false, param: 'edition', value: editionText }
  }
  const order = params.get('order') ?? ''
  if (order !== '' && order !== 'newest' && order !== 'oldest') {
    return { ok: false, param: 'order', value: order }
  }
  return {
    ok: true,
    filter: {
      district: district === '' ? null : (district as DistrictId),
      edition,
      order: order === 'oldest' ? 'oldest' : 'newest',
    },
  }
}

/** The query string for a filter, leaving out what is at its default. */
export function sourcesFilterParams(filter: SourcesFilter): Record<string, string | number | null> {
  return {
    district: filter.district,
    edition: filter.edition,
    order: filter.order === 'oldest' ? 'oldest' : null,
  }
}

/**
 * The articles that name the district and belong to the edition, by date (ties by id, so the
 * order is the same every time).
 */
export function filterArticles(
  articles: ReadonlyArray<ArticleIndexEntry>,
  filter: SourcesFilter,
): Array<ArticleIndexEntry> {
  const kept = articles.filter(
    (article) =>
      (filter.district === null || article.districts.includes(filter.district)) &&
      (filter.edition === null || article.edition === filter.edition),
  )
  const direction = filter.order === 'newest' ? -1 : 1
  return kept.sort((a, b) => direction * (a.date.localeCompare(b.date) || a.id.localeCompare(b.id)))
}
