import { useSyncExternalStore } from 'react'

/**
 * How many figures the report holds, for the navigation link. Kept apart from report-store.ts,
 * which validates entries against the figure schema: the shell is on every page, and the schema
 * should load only with the views that need it. Until the full store has read the report, this counts the stored
 * entries that look like report items; the store then publishes the count of the ones it kept.
 */

export const REPORT_STORAGE_KEY = 'ciie-dashboard.report.v1'

let count: number | null = null
const listeners = new Set<() => void>()

/** The number of entries in the stored report that look like items (objects with an id). */
export function countStoredReport(raw: string | null): number {
  if (!raw) return 0
  try {
    const parsed: unknown = JSON.parse(raw)
    if (!Array.isArray(parsed)) return 0
    return parsed.filter(
      (entry: unknown) =>
        typeof entry === 'object' &&
        entry !== null &&
        'id' in entry &&
        typeof entry.id === 'string',
    ).length
  } catch {
    return 0
  }
}

function readCount(): number {
  if (count !== null) return count
  try {
    count = countStoredReport(localStorage.getItem(REPORT_STORAGE_KEY))
  } catch {
    count = 0 // storage disabled: nothing was kept
  }
  return count
}

/** Called by the report store whenever it knows the real number of figures. */
export function publishReportCount(next: number): void {
  if (next === count) return
  count = next
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key !== REPORT_STORAGE_KEY && event.key !== null) return
    count = null // another tab changed the report
    listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function useReportCount(): number {
  return useSyncExternalStore(subscribe, readCount, () => 0)
}

/** For tests: forget the cached count so the next read comes from storage. */
export function resetReportCountCache(): void {
  count = null
}
