/**
 * Every URL in the app is built here, so a route can move without hunting for string literals.
 * The URL holds each view's state (edition, districts, metrics, the open evidence), so any view
 * can be bookmarked or sent as a link.
 */

export const routePatterns = {
  overview: '/',
  district: '/districts/:districtId',
  edition: '/editions/:edition',
  compare: '/compare',
  metric: '/metrics/:metricKey',
  article: '/articles/:articleId',
  sources: '/sources',
  report: '/report',
  analyze: '/analyze',
  conflicts: '/conflicts',
  notFound: '*',
} as const

/** A query string from the given values, skipping empty ones; keys keep the given order. */
export function withQuery(
  pathname: string,
  params: Record<string, string | number | null | undefined>,
): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') search.set(key, String(value))
  }
  const query = search.toString()
  return query ? `${pathname}?${query.replaceAll('%2C', ',')}` : pathname
}

export interface CompareState {
  districts: ReadonlyArray<string>
  edition?: number | null
  metrics?: ReadonlyArray<string>
  /** `independent`: each panel gets its own scale; the default shares one scale per metric. */
  scale?: 'shared' | 'independent'
}

export const paths = {
  overview: (state: { edition?: number | null; metric?: string | null } = {}) =>
    withQuery(routePatterns.overview, { edition: state.edition, metric: state.metric }),
  district: (districtId: string) => `/districts/${encodeURIComponent(districtId)}`,
  edition: (edition: number, state: { metric?: string | null } = {}) =>
    withQuery(`/editions/${edition}`, { metric: state.metric }),
  compare: (state: CompareState = { districts: [] }) =>
    withQuery(routePatterns.compare, {
      districts: state.districts.join(','),
      edition: state.edition,
      metrics: state.metrics?.join(','),
      scale: state.scale === 'independent' ? 'independent' : null,
    }),
  metric: (metricKey: string) => `/metrics/${encodeURIComponent(metricKey)}`,
  article: (articleId: string, state: { highlight?: string | null } = {}) =>
    withQuery(`/articles/${encodeURIComponent(articleId)}`, { highlight: state.highlight }),
  sources: () => routePatterns.sources,
  report: () => routePatterns.report,
  analyze: () => routePatterns.analyze,
  conflicts: (state: { district?: string | null; metric?: string | null } = {}) =>
    withQuery(routePatterns.conflicts, { district: state.district, metric: state.metric }),
} as const
