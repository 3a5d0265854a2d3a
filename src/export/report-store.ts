import { useSyncExternalStore } from 'react'
import * as v from 'valibot'
import { t } from '../i18n/i18n'
import { FigureSpecSchema, type FigureSpec } from './figure-spec'
import { publishReportCount, REPORT_STORAGE_KEY, resetReportCountCache } from './report-count'

/**
 * The report: figures the user added, in order, each with a note. Kept in localStorage so it
 * survives reloads. What comes back from storage is validated like any other input; an entry
 * that no longer reads is left out (and counted), the others are kept.
 */

// The key lives with the validator-free count the navigation reads (report-count.ts).
export { REPORT_STORAGE_KEY }
export const MAX_NOTE_LENGTH = 1_000

export interface ReportItem {
  id: string
  spec: FigureSpec
  note: string
  /** ISO time the figure was added. */
  addedAt: string
}

export interface ReportState {
  items: ReadonlyArray<ReportItem>
  /** Stored entries that could not be read (damaged or from an older version). */
  unreadable: number
  /** Set when the browser refused to store the report (private mode, storage full). */
  storageError: string | null
}

const ReportItemSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  spec: FigureSpecSchema,
  note: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)),
  addedAt: v.pipe(v.string(), v.maxLength(40)),
})

const EMPTY: ReportState = { items: [], unreadable: 0, storageError: null }
let state: ReportState | null = null
const listeners = new Set<() => void>()

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // some browsers throw on access when storage is disabled
  }
}

/** Reads the stored report, keeping every entry that validates. */
export function readStoredReport(raw: string | null): ReportState {
  if (!raw) return EMPTY
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return { ...EMPTY, unreadable: 1 }
  }
  const entries: Array<unknown> = Array.isArray(parsed) ? parsed : []
  const items: Array<ReportItem> = []
  let unreadable = Array.isArray(parsed) ? 0 : 1
  const ids = new Set<string>()
  for (const entry of entries) {
    const result = v.safeParse(ReportItemSchema, entry)
    // A repeated id (an edited file, two tabs) would make two figures move and remove as one.
    if (result.success && !ids.has(result.output.id)) {
      ids.add(result.output.id)
      items.push(result.output)
    } else unreadable += 1
  }
  return { items, unreadable, storageError: null }
}

function current(): ReportState {
  state ??= readStoredReport(storage()?.getItem(REPORT_STORAGE_KEY) ?? null)
  return state
}

function commit(items: ReadonlyArray<ReportItem>, unreadable = current().unreadable): void {
  let storageError: string | null = null
  try {
    storage()?.setItem(REPORT_STORAGE_KEY, JSON.stringify(items))
  } catch {
    storageError = t('export.report.notSaved')
  }
  state = { items, unreadable, storageError }
  for (const listener of listeners) listener()
  publishReportCount(items.length)
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (event: StorageEvent) => {
    if (event.key !== REPORT_STORAGE_KEY && event.key !== null) return
    state = null // another tab changed the report: read it again
    listener()
  }
  window.addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('storage', onStorage)
  }
}

export function useReport(): ReportState {
  return useSyncExternalStore(subscribe, current, () => EMPTY)
}

export function getReport(): ReportState {
  return current()
}

let counter = 0
function newId(): string {
  counter += 1
  return `${Date.now().toString(36)}-${counter.toString(36)}`
}

/** Adds a figure at the end; returns the new number of figures. */
export function addToReport(spec: FigureSpec, now = new Date()): number {
  // Checked now, not on the next reload: a figure that would not read back is refused at once.
  const checked = v.parse(FigureSpecSchema, spec)
  const items = [
    ...current().items,
    { id: newId(), spec: checked, note: '', addedAt: now.toISOString() },
  ]
  commit(items)
  return items.length
}

export function removeFromReport(id: string): void {
  commit(current().items.filter((item) => item.id !== id))
}

/** Moves a figure up (-1) or down (+1); does nothing at either end. */
export function moveInReport(id: string, delta: -1 | 1): void {
  const items = [...current().items]
  const from = items.findIndex((item) => item.id === id)
  const to = from + delta
  const moved = items[from]
  if (from < 0 || to < 0 || to >= items.length || !moved) return
  items.splice(from, 1)
  items.splice(to, 0, moved)
  commit(items)
}

export function setReportNote(id: string, note: string): void {
  const text = note.slice(0, MAX_NOTE_LENGTH)
  commit(current().items.map((item) => (item.id === id ? { ...item, note: text } : item)))
}

/** Empties the report; the unreadable entries went with it, so they are no longer counted. */
export function clearReport(): void {
  commit([], 0)
}

/** For tests: forget the cached state so the next read comes from storage. */
export function resetReportCache(): void {
  state = null
  resetReportCountCache()
}
