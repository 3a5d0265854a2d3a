import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchSummary } from '../api/fetch-summary'
import { apiKeys } from './keys'

/** The API files only change when the pipeline runs again, so they never go stale in a session. */
export const summaryQuery = () =>
  queryOptions({ queryKey: apiKeys.summary(), queryFn: fetchSummary, staleTime: Infinity })

export const useSummary = () => useQuery(summaryQuery())
