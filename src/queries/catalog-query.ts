import { queryOptions } from '@tanstack/react-query'
import { fetchCatalog } from '../api/fetch-catalog'

/** Keys start with 'api' so one invalidation can refresh every file after a rebuild. */
export const catalogKeys = {
  all: ['api', 'catalog'] as const,
}

/** The API files only change when the pipeline runs again, so they never go stale in a session. */
export const catalogQuery = () =>
  queryOptions({ queryKey: catalogKeys.all, queryFn: fetchCatalog, staleTime: Infinity })
