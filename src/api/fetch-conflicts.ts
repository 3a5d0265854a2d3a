import { ConflictsFileSchema, type ConflictsFile } from '../pipeline/schema'
import { getJson } from './client'

/** Where articles give different values for the same cell, and the cells corrections settled. */
export function fetchConflicts(): Promise<ConflictsFile> {
  return getJson('conflicts.json', ConflictsFileSchema)
}
