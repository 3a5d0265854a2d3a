import * as v from 'valibot'
import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FigureSpecSchema } from '../../src/export/figure-spec'
import { countStoredReport, useReportCount } from '../../src/export/report-count'
import {
  addToReport,
  clearReport,
  getReport,
  MAX_NOTE_LENGTH,
  moveInReport,
  readStoredReport,
  removeFromReport,
  REPORT_STORAGE_KEY,
  resetReportCache,
  setReportNote,
  useReport,
} from '../../src/export/report-store'
import { barsSpec, matrixSpec, panelsSpec } from '../fixtures/figure-specs'

const titles = () => getReport().items.map((item) => item.spec.title)
const stored = (): unknown => JSON.parse(localStorage.getItem(REPORT_STORAGE_KEY) ?? 'null')

/** Adds the three fixture figures: bars, panels, matrix. */
function addThree() {
  addToReport(barsSpec())
  addToReport(panelsSpec())
  addToReport(matrixSpec())
}

beforeEach(() => {
  localStorage.clear()
  resetReportCache()
})
afterEach(() => {
  localStorage.clear()
  resetReportCache()
})

describe('the report store', () => {
  it('uses fixture specs that the schema accepts', () => {
    for (const spec of [barsSpec(), panelsSpec(), matrixSpec()])
      expect(v.safeParse(FigureSpecSchema, spec).success).toBe(true)
  })

  it('starts empty with nothing stored', () => {
    expect(getReport()).toEqual({ items: [], unreadable: 0, storageError: null })
  })

  it('adds figures at the end and returns the new count', () => {
    expect(addToReport(barsSpec(), new Date('2023-11-10T08:00:00Z'))).toBe(1)
    expect(addToReport(panelsSpec())).toBe(2)

    const { items } = getReport()
    expect(titles()).toEqual(['Agreements signed by district', 'Partners at each edition'])
    expect(items[0]).toMatchObject({ note: '', addedAt: '2023-11-10T08:00:00.000Z' })
    expect(new Set(items.map((item) => item.id)).size).toBe(2)
  })

  it('keeps two copies of the same chart as two figures', () => {
    addToReport(barsSpec())
    addToReport(barsSpec())
    const [first, second] = getReport().items
    expect(first?.id).not.toBe(second?.id)
  })

  it('moves a figure up and down, and does nothing at either end', () => {
    addThree()
    const [bars, panels, matrix] = getReport().items.map((item) => item.id)

    moveInReport(matrix ?? '', -1)
    expect(titles()).toEqual([
      'Agreements signed by district',
      'Projects settled, by district and edition',
      'Partners at each edition',
    ])
    moveInReport(bars ?? '', 1)
    expect(getReport().items.map((item) => item.id)).toEqual([matrix, bars, panels])

    const before = getReport()
    moveInReport(matrix ?? '', -1)
    moveInReport(panels ?? '', 1)
    moveInReport('no-such-id', 1)
    expect(getReport()).toBe(before)
  })

  it('removes one figure and keeps the others in order', () => {
    addThree()
    removeFromReport(getReport().items[1]?.id ?? '')
    expect(titles()).toEqual([
      'Agreements signed by district',
      'Projects settled, by district and edition',
    ])
  })

  it('sets a note on one figure only', () => {
    addThree()
    const id = getReport().items[1]?.id ?? ''
    setReportNote(id, 'Qingpu joined at the 5th edition.')
    expect(getReport().items.map((item) => item.note)).toEqual([
      '',
      'Qingpu joined at the 5th edition.',
      '',
    ])
  })

  it(`cuts a note at ${MAX_NOTE_LENGTH} characters`, () => {
    addToReport(barsSpec())
    const id = getReport().items[0]?.id ?? ''
    setReportNote(id, 'x'.repeat(MAX_NOTE_LENGTH + 50))
    expect(getReport().items[0]?.note).toHaveLength(MAX_NOTE_LENGTH)

    resetReportCache()
    expect(getReport().items[0]?.note).toHaveLength(MAX_NOTE_LENGTH)
  })

  it('clears the report', () => {
    addThree()
    clearReport()
    expect(getReport().items).toEqual([])
    expect(stored()).toEqual([])
  })

  it('keeps the report across a reload (from localStorage)', () => {
    addThree()
    const [, panels] = getReport().items
    moveInReport(panels?.id ?? '', -1)
    setReportNote(panels?.id ?? '', 'Shared scale.')
    const before = getReport().items

    resetReportCache()
    const after = getReport()
    expect(after.items).not.toBe(before)
    expect(after.items).toEqual(before)
    expect(after.items[0]).toMatchObject({ note: 'Shared scale.', spec: panelsSpec() })
    expect(after.unreadable).toBe(0)
  })

  it('reads damaged JSON as an empty report with one unreadable entry', () => {
    localStorage.setItem(REPORT_STORAGE_KEY, '[{"id": "a", ')
    expect(getReport()).toEqual({ items: [], unreadable: 1, storageError: null })
  })

  it('reads something that is not a list as one unreadable entry', () => {
    expect(readStoredReport('{"items": []}')).toMatchObject({ items: [], unreadable: 1 })
  })

  it('keeps the good entries and counts the ones that no longer read', () => {
    addThree()
    const entries = stored() as Array<Record<string, unknown>>
    const [bars, panels, matrix] = entries
    const damaged = [
      bars,
      { ...panels, spec: { ...(panels?.spec as object), fileStem: 'Not A Valid Stem!' } },
      'a string, not an entry',
      matrix,
      { ...matrix }, // the same id twice
    ]
    localStorage.setItem(REPORT_STORAGE_KEY, JSON.stringify(damaged))

    resetReportCache()
    const report = getReport()
    expect(report.items.map((item) => item.spec.title)).toEqual([
      'Agreements signed by district',
      'Projects settled, by district and edition',
    ])
    expect(report.unreadable).toBe(3)
  })

  it('keeps counting unreadable entries after a change, and forgets them when cleared', () => {
    localStorage.setItem(REPORT_STORAGE_KEY, JSON.stringify([{ id: 'old', spec: {} }]))
    expect(getReport().unreadable).toBe(1)

    addToReport(barsSpec())
    expect(getReport()).toMatchObject({ unreadable: 1, storageError: null })
    clearReport()
    expect(getReport().unreadable).toBe(0)
  })

  it('says so when the browser refuses to store, and still updates the page', () => {
    addToReport(barsSpec())
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })

    addToReport(panelsSpec())
    expect(titles()).toEqual(['Agreements signed by district', 'Partners at each edition'])
    expect(getReport().storageError).toMatch(/did not let the report be saved/)
    expect((stored() as unknown[]).length).toBe(1)

    setItem.mockRestore()
    removeFromReport(getReport().items[1]?.id ?? '')
    expect(getReport().storageError).toBeNull()
  })

  it('reads the report again when another tab changes it', () => {
    addToReport(barsSpec())
    const { result } = renderHook(() => useReport())
    expect(result.current.items).toHaveLength(1)

    const entries = stored() as Array<Record<string, unknown>>
    const fromOtherTab = [...entries, { ...entries[0], id: 'from-other-tab' }]
    localStorage.setItem(REPORT_STORAGE_KEY, JSON.stringify(fromOtherTab))
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: REPORT_STORAGE_KEY }))
    })
    expect(result.current.items.map((item) => item.id)).toContain('from-other-tab')
  })
})

describe('the report count for the navigation', () => {
  it('counts stored entries without validating them', () => {
    expect(countStoredReport(null)).toBe(0)
    expect(countStoredReport('not json')).toBe(0)
    expect(countStoredReport('{"id": "a"}')).toBe(0)
    expect(countStoredReport('[{"id": "a"}, {"id": "b", "spec": null}, 3, null]')).toBe(2)
  })

  it('follows the store as figures are added and removed', () => {
    const { result } = renderHook(() => useReportCount())
    expect(result.current).toBe(0)
    act(() => {
      addThree()
    })
    expect(result.current).toBe(3)
    act(() => removeFromReport(getReport().items[0]?.id ?? ''))
    expect(result.current).toBe(2)
  })

  it('reads the count from storage after a reload', () => {
    addThree()
    resetReportCache()
    const { result } = renderHook(() => useReportCount())
    expect(result.current).toBe(3)
  })
})
