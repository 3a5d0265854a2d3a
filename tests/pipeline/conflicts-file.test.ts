import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { buildDataset } from '../../src/pipeline/build-dataset'
import type { Correction, LocatedCorrection } from '../../src/pipeline/corrections'
import { emitApi } from '../../src/pipeline/emit-api'
import type { Article } from '../../src/pipeline/parse-article'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'
import { ConflictsFileSchema, type ConflictsFile, type Dataset } from '../../src/pipeline/schema'
import { articleOf, gridInConflict } from './corpus'

// Synthetic articles written for these tests: no district reported these numbers.
const EARLY = articleOf(
  `Jing’an District signed 28 cooperation agreements at the sixth China International Import Expo, officials said.

More than 80 enterprises from Jing’an attended the expo this year.`,
  '2023-11-08',
  'synthetic-2023-11-08-jingan.txt',
)
const LATE = articleOf(
  `Jing’an District signed 31 cooperation agreements at the sixth China International Import Expo, the district said.

More than 80 enterprises from Jing’an attended the expo this year.`,
  '2023-11-20',
  'synthetic-2023-11-20-jingan.txt',
)

const REJECT_LATE: Correction = {
  action: 'reject',
  article: LATE.id,
  sentence: 'Jing’an District signed 31 cooperation agreements',
  number: '31',
  reason: 'the district’s release says 28',
  date: '2026-11-20',
}
const FIX_EARLY: Correction = {
  action: 'fix',
  article: EARLY.id,
  sentence: 'More than 80 enterprises from Jing’an attended the expo this year.',
  number: 'More than 80',
  set: { qualifier: 'exact' },
  reason: 'the list names 80 enterprises',
  date: '2026-11-21',
}

function conflictsOf(articles: ReadonlyArray<Article>, corrections: Array<Correction> = []) {
  const located = corrections.map((correction, index): LocatedCorrection => ({
    correction,
    file: 'corrections.json',
    line: index + 3,
  }))
  const files = emitApi(
    buildDataset(articles, getGazetteer(), located),
    loadCatalog(),
    new Map(articles.map((article) => [article.id, article.text])),
  )
  const file = files.find((f) => f.path === 'conflicts.json')
  if (!file) throw new Error('no conflicts.json was written')
  return {
    text: file.contents,
    file: v.parse(ConflictsFileSchema, JSON.parse(file.contents)),
    files,
  }
}

const cell = { district: 'jingan', edition: 6, metric: 'agreements_signed' } as const

describe('conflicts.json', () => {
  it('lists a cell where two articles disagree, with the value the dashboard shows', () => {
    const { file, files } = conflictsOf([EARLY, LATE])
    expect(file.conflicts).toHaveLength(1)
    const [conflict] = file.conflicts
    // The newest article speaks for the cell.
    expect(conflict).toMatchObject({
      ...cell,
      value: 31,
      unit: 'count',
      qualifier: 'exact',
      observations: 2,
      articles: 2,
    })
    // The figure shown is in the district's file, with its sentence and words.
    const district = JSON.parse(
      files.find((f) => f.path === 'districts/jingan.json')?.contents ?? '',
    )
    const shown = district.observations.find((o: { id: string }) => o.id === conflict?.shown)
    expect(shown).toMatchObject({ article: LATE.id, text: '31', value: 31 })
    // The same amount in both articles is not a conflict.
    expect(file.conflicts.some((c) => c.metric === 'enterprises_attending')).toBe(false)
    expect(file.settled).toEqual([])
    expect(file.articles).toEqual([])
  })

  it('has no open conflict when the articles agree', () => {
    const { file } = conflictsOf([EARLY])
    expect(file).toEqual({ schemaVersion: 1, conflicts: [], settled: [], articles: [] })
  })

  it('lists a cell a rejection settled, with the rejected figure, its reason and date', () => {
    const { file } = conflictsOf([EARLY, LATE], [REJECT_LATE])
    expect(file.conflicts).toEqual([])
    expect(file.settled).toHaveLength(1)
    const [settled] = file.settled
    expect(settled).toMatchObject({
      ...cell,
      conflict: false,
      shown: { value: 28, unit: 'count', qualifier: 'exact' },
    })
    expect(settled?.observations.map((o) => [o.article, o.text])).toEqual([[EARLY.id, '28']])
    expect(settled?.shown?.observation).toBe(settled?.observations[0]?.id)
    expect(settled?.rejected).toHaveLength(1)
    expect(settled?.rejected[0]).toMatchObject({
      article: LATE.id,
      text: '31',
      sentence: expect.stringContaining('signed 31 cooperation agreements'),
      correction: {
        action: 'reject',
        reason: REJECT_LATE.reason,
        date: REJECT_LATE.date,
        was: { ...cell, value: 31 },
      },
    })
    // The articles the settled figures come from, for their titles and dates.
    expect(file.articles.map((a) => a.id)).toEqual([EARLY.id, LATE.id])
  })

  it('lists a cell where a figure was fixed, and keeps a conflict that is still open', () => {
    const { file } = conflictsOf([EARLY, LATE], [FIX_EARLY])
    expect(file.conflicts.map((c) => c.metric)).toEqual(['agreements_signed'])
    const attending = file.settled.find((c) => c.metric === 'enterprises_attending')
    expect(attending).toMatchObject({ district: 'jingan', edition: 6, rejected: [] })
    const fixed = attending?.observations.find((o) => o.correction !== undefined)
    expect(fixed).toMatchObject({
      article: EARLY.id,
      qualifier: 'exact',
      correction: { action: 'fix', reason: FIX_EARLY.reason, was: { qualifier: 'more_than' } },
    })
    // "More than 80" against 80: the same amount, so no conflict, and the newest article shows.
    expect(attending?.conflict).toBe(false)
    expect(attending?.shown).toMatchObject({ value: 80, qualifier: 'more_than' })
  })

  it('lists a fixed figure in the cell it left as well as the one it moved to', () => {
    const move: Correction = {
      action: 'fix',
      article: LATE.id,
      sentence: 'Jing’an District signed 31 cooperation agreements',
      number: '31',
      set: { edition: 5 },
      reason: 'the 31 agreements were signed at the fifth expo',
      date: '2026-11-22',
    }
    const { file } = conflictsOf([EARLY, LATE], [move])
    expect(file.conflicts).toEqual([])
    expect(file.settled.map((c) => [c.edition, c.metric, c.shown?.value ?? null])).toEqual([
      [5, 'agreements_signed', 31],
      [6, 'agreements_signed', 28],
    ])
    for (const settled of file.settled)
      expect(settled.observations.some((o) => o.correction?.was?.edition === 6)).toBe(true)
  })

  it('is byte-identical from run to run and whatever order the articles are read in', () => {
    const corrections = [REJECT_LATE, FIX_EARLY]
    const first = conflictsOf([EARLY, LATE], corrections).text
    expect(conflictsOf([EARLY, LATE], corrections).text).toBe(first)
    expect(conflictsOf([LATE, EARLY], [FIX_EARLY, REJECT_LATE]).text).toBe(first)
  })

  it('is written as the schema would write it: compact, in the schema’s key order', () => {
    const { text, file } = conflictsOf([EARLY, LATE], [REJECT_LATE, FIX_EARLY])
    const reparsed: ConflictsFile = v.parse(ConflictsFileSchema, JSON.parse(text))
    expect(text).toBe(`${JSON.stringify(reparsed)}\n`)
    expect(file.settled.length).toBeGreaterThan(0)
  })
})

describe('the size of conflicts.json', () => {
  const sizeOf = (dataset: Dataset) => {
    const texts = new Map(dataset.articles.map((article) => [article.id, 'A']))
    const file = emitApi(dataset, loadCatalog(), texts).find((f) => f.path === 'conflicts.json')
    const parsed = v.parse(ConflictsFileSchema, JSON.parse(file?.contents ?? ''))
    return {
      bytes: new TextEncoder().encode(file?.contents).length,
      cells: parsed.conflicts.length,
    }
  }

  it('stays under 512 KB with every cell in conflict, however many figures disagree', () => {
    const two = sizeOf(gridInConflict(2))
    const six = sizeOf(gridInConflict(6))
    expect(two.cells).toBe(16 * 8 * 16)
    expect(six.cells).toBe(two.cells)
    expect(six.bytes).toBeLessThanOrEqual(512 * 1024)
    // The figures' sentences are in the district files: more of them do not make this file grow.
    expect(six.bytes / two.bytes).toBeLessThan(1.02)
  })
})
