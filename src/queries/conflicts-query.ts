import { queryOptions, useQuery } from '@tanstack/react-query'
import { fetchConflicts } from '../api/fetch-conflicts'
import type { ConflictsFile, DistrictId } from '../pipeline/schema'
import { apiKeys } from './keys'

export const conflictsQuery = () =>
  queryOptions({ queryKey: apiKeys.conflicts(), queryFn: fetchConflicts, staleTime: Infinity })

export const useConflicts = () => useQuery(conflictsQuery())

/**
 * How many conflicts /conflicts shows with their sentences at first; "Show more" adds as many
 * again. Each district shown loads its file, so a large corpus does not load every district.
 */
export const CONFLICTS_PER_PAGE = 20

/** The districts whose files the unfiltered page needs first (prerendered with it). */
export function districtsShownFirst(file: ConflictsFile): Array<DistrictId> {
  return [...new Set(file.conflicts.slice(0, CONFLICTS_PER_PAGE).map((cell) => cell.district))]
}
