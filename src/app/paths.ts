/**
 * Every URL in the app is built here, so a route can move without hunting for string literals.
 * Filters live in the query string so a filtered table can be bookmarked or sent by e-mail.
 */

export interface DatasetTableFilters {
  /** A district id such as `jingan`. */
  district?: string | null
  /** A CIIE edition number, or `none` for numbers not tied to an edition. */
  edition?: string | null
}

export const routePatterns = {
  home: '/',
  notFound: '*',
} as const

function withQuery(pathname: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value) search.set(key, value)
  }
  const query = search.toString()
  return query ? `${pathname}?${query}` : pathname
}

export const paths = {
  /** The dataset table, optionally filtered. */
  home: (filters: DatasetTableFilters = {}) =>
    withQuery(routePatterns.home, { district: filters.district, edition: filters.edition }),
} as const
