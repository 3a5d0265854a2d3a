import { queryOptions } from '@tanstack/react-query'
import { fetchDataset } from '../api/fetch-dataset'

/** Keys start with 'api' so one invalidation can refresh every file after a rebuild. */
export const datasetKeys = {
  all: ['api', 'dataset'] as const,
}

/** The API files only change when the pipeline runs again, so they never go stale in a session. */
export const datasetQuery = () =>
  queryOptions({ queryKey: datasetKeys.all, queryFn: fetchDataset, staleTime: Infinity })
