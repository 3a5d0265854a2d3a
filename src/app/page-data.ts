import type { QueryClient } from '@tanstack/react-query'
import { matchPath } from 'react-router'
import { articleIndexQuery } from '../queries/article-index-query'
import { articleQuery } from '../queries/article-query'
import { conflictsQuery, districtsShownFirst } from '../queries/conflicts-query'
import { districtQuery } from '../queries/district-query'
import { summaryQuery } from '../queries/summary-query'
import { routePatterns } from './paths'
import { isDistrictId } from './url-state'

/**
 * Loads into `client` the API files the page at `pathname` shows before anything else: what a
 * prerendered page was rendered with (src/app/prerender.tsx), and so what the app loads before
 * it takes that page over (src/main.tsx). Every page reads the summary. A file that fails to
 * load is left for the page to report, as it would be without prerendering.
 */
export async function prefetchPageData(client: QueryClient, pathname: string): Promise<void> {
  const district = matchPath(routePatterns.district, pathname)?.params.districtId
  const article = matchPath(routePatterns.article, pathname)?.params.articleId
  await Promise.all([
    client.prefetchQuery(summaryQuery()),
    district !== undefined && isDistrictId(district)
      ? client.prefetchQuery(districtQuery(district))
      : null,
    article !== undefined ? client.prefetchQuery(articleQuery(article)) : null,
    matchPath(routePatterns.sources, pathname) ? client.prefetchQuery(articleIndexQuery()) : null,
    matchPath(routePatterns.conflicts, pathname) ? prefetchConflicts(client) : null,
  ])
}

/** The conflicts, and the files of the districts whose conflicts the page shows first. */
async function prefetchConflicts(client: QueryClient): Promise<void> {
  await client.prefetchQuery(conflictsQuery())
  const conflicts = client.getQueryData(conflictsQuery().queryKey)
  if (!conflicts) return
  await Promise.all(
    districtsShownFirst(conflicts).map((id) => client.prefetchQuery(districtQuery(id))),
  )
}

/**
 * What a page was rendered from, in a few words: the corpus the summary in `client` describes.
 * A prerendered page carries the stamp of its build's data; when the API the app reads has
 * another (rebuilt without the pages, or served from elsewhere), the app draws the page anew
 * instead of taking over markup that shows other figures.
 */
export function dataStamp(client: QueryClient): string | null {
  const corpus = client.getQueryData(summaryQuery().queryKey)?.corpus
  if (!corpus) return null
  return `${corpus.articles} articles, ${corpus.observations} figures, ${corpus.firstDate ?? '–'} to ${corpus.lastDate ?? '–'}`
}
