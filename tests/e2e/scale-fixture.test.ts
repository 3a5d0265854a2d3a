/**
 * The scale fixture is only useful while the real pipeline still reads a full grid from it. This
 * checks the summary.json that global-setup.ts built with the pipeline CLI, the very file
 * `useScaleApi` serves, against the fixture's plan (tests/fixtures/scale/generate.ts).
 */
import * as v from 'valibot'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, it } from 'vitest'
import editionsJson from '../../data/editions.json'
import { DISTRICT_IDS, SummarySchema, type Summary } from '../../src/pipeline/schema'
import { generateScaleCorpus } from '../fixtures/scale/generate'

const MIN_PAIR_COVERAGE = 0.9
const plan = generateScaleCorpus()
let summary: Summary

beforeAll(async () => {
  const file = join(inject('scaleApiDir'), 'summary.json')
  summary = v.parse(SummarySchema, JSON.parse(await readFile(file, 'utf8')))
})

const cellKey = (district: string, edition: number, metric = '') =>
  `${district}|${edition}|${metric}`

describe('the scale fixture read by the pipeline', () => {
  it('gives figures for at least 90% of the 16 × 8 district × edition pairs', () => {
    const pairs = new Set(summary.aggregates.map((a) => cellKey(a.district, a.edition)))
    const total = DISTRICT_IDS.length * editionsJson.editions.length
    expect(total).toBe(128)
    expect(pairs.size / total).toBeGreaterThanOrEqual(MIN_PAIR_COVERAGE)
  })

  it('reports every district and every edition somewhere', () => {
    expect(new Set(summary.aggregates.map((a) => a.district))).toEqual(new Set(DISTRICT_IDS))
    expect(new Set(summary.aggregates.map((a) => a.edition))).toEqual(
      new Set(editionsJson.editions.map((e) => e.edition)),
    )
  })

  it('reads at least 90% of the planned cells with the planned value, unit and qualifier', () => {
    // The newest article speaks for a cell (README, "Aggregation rules"); ids sort by date.
    const expected = new Map<string, (typeof plan.figures)[number]>()
    for (const figure of plan.figures) {
      const key = cellKey(figure.district, figure.edition, figure.metric)
      const current = expected.get(key)
      if (current === undefined || figure.article > current.article) expected.set(key, figure)
    }
    const cells = new Map(
      summary.aggregates.map((a) => [cellKey(a.district, a.edition, a.metric), a]),
    )
    const misread = [...expected].filter(([key, figure]) => {
      const cell = cells.get(key)
      return (
        cell === undefined ||
        cell.value !== figure.value ||
        cell.unit !== figure.unit ||
        cell.qualifier !== figure.qualifier
      )
    })
    expect(misread.length / expected.size).toBeLessThanOrEqual(0.1)
  })

  it('flags the cells where a later article disagrees as conflicts', () => {
    const conflicts = new Set(
      summary.aggregates
        .filter((a) => a.conflict)
        .map((a) => cellKey(a.district, a.edition, a.metric)),
    )
    const flagged = plan.conflicts.filter((c) =>
      conflicts.has(cellKey(c.district, c.edition, c.metric)),
    )
    expect(plan.conflicts.length).toBeGreaterThanOrEqual(10)
    expect(flagged.length / plan.conflicts.length).toBeGreaterThanOrEqual(0.9)
  })

  it('leaves the planned gaps without any figure', () => {
    const pairs = new Set(summary.aggregates.map((a) => cellKey(a.district, a.edition)))
    expect(plan.gaps.length).toBeGreaterThan(0)
    expect(plan.gaps.filter((gap) => pairs.has(cellKey(gap.district, gap.edition)))).toEqual([])
  })

  it('mixes exact figures with "more than", "about" and "nearly" ones', () => {
    const qualifiers = new Set(summary.aggregates.map((a) => a.qualifier))
    for (const qualifier of ['exact', 'more_than', 'about', 'nearly'] as const) {
      expect(qualifiers).toContain(qualifier)
    }
  })
})
