import { queryOptions, skipToken, useQueries, useQuery } from '@tanstack/react-query'
import { fetchDistrict } from '../api/fetch-district'
import type { DistrictId } from '../pipeline/schema'
import { apiKeys } from './keys'

export const districtQuery = (id: DistrictId) =>
  queryOptions({
    queryKey: apiKeys.district(id),
    queryFn: () => fetchDistrict(id),
    staleTime: Infinity,
  })

/** A district's detail; with `null` nothing is fetched (no cell is open in the evidence panel). */
export const useDistrict = (id: DistrictId | null) =>
  useQuery(
    id === null
      ? { queryKey: apiKeys.district(''), queryFn: skipToken, staleTime: Infinity }
      : districtQuery(id),
  )

/** Several districts' details at once (a KPI tile's evidence spans every reporting district). */
export const useDistricts = (ids: ReadonlyArray<DistrictId>) =>
  useQueries({ queries: ids.map((id) => districtQuery(id)) })
