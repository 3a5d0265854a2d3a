import { describe, expect, it } from 'vitest'
import type { FigureValue } from '../../src/export/figure-spec'
import {
  columnScale,
  fitCategoryLabels,
  fitValueLabels,
  minPlotHeight,
} from '../../src/export/layout/columns'
import { estimateTextWidth } from '../../src/export/text-measure'

const measure = estimateTextWidth
const EDITIONS = ['5th (2022)', '6th (2023)', '7th (2024)'].map((text) => ({
  text,
  bold: text.startsWith('6th'),
}))

function value(v: number | null, display = v === null ? 'not reported' : String(v)): FigureValue {
  return {
    key: String(v),
    label: 'x',
    value: v,
    display,
    qualifier: null,
    conflict: false,
    color: '#2f6aa8',
  }
}

describe('fitCategoryLabels', () => {
  it('keeps labels whole when the slots are wide', () => {
    expect(fitCategoryLabels(EDITIONS, 120, 12, measure)).toMatchObject({
      upright: false,
      lines: [['5th (2022)'], ['6th (2023)'], ['7th (2024)']],
    })
  })

  it('breaks every label the same way when one does not fit', () => {
    const fitted = fitCategoryLabels(EDITIONS, 60, 12, measure)
    expect(fitted?.lines).toEqual([
      ['5th', '(2022)'],
      ['6th', '(2023)'],
      ['7th', '(2024)'],
    ])
    expect(fitted?.height).toBeCloseTo(2 * 12 * 1.2)
  })

  it('shortens to the ordinal when two lines are too wide', () => {
    expect(fitCategoryLabels(EDITIONS, 28, 10, measure)?.lines).toEqual([['5th'], ['6th'], ['7th']])
  })

  it('does not shorten labels whose first words would repeat', () => {
    const same = [
      { text: 'District A', bold: false },
      { text: 'District B', bold: false },
    ]
    expect(fitCategoryLabels(same, 20, 10, measure)?.upright).toBe(true)
  })

  it('turns labels when even the ordinal is too wide, and gives up below a line height', () => {
    const turned = fitCategoryLabels(EDITIONS, 16, 10, measure)
    expect(turned?.upright).toBe(true)
    expect(turned?.height).toBe(
      Math.max(...EDITIONS.map((e) => measure(e.text, { size: 10, weight: e.bold ? 700 : 400 }))),
    )
    expect(fitCategoryLabels(EDITIONS, 10, 10, measure)).toBeNull()
  })
})

describe('fitValueLabels', () => {
  const values = [value(80, '80+'), value(1234, 'US$1,234 million'), value(null)]

  it('sets labels on one line when each fits its slot', () => {
    const fitted = fitValueLabels(values, 150, 12, measure)
    expect(fitted?.upright).toBe(false)
    expect(fitted?.lines).toEqual([['80+'], ['US$1,234 million'], ['—']])
  })

  it('wraps labels into lines before turning them', () => {
    const fitted = fitValueLabels(values, 60, 12, measure)
    expect(fitted?.upright).toBe(false)
    expect(fitted?.lines[1]).toEqual(['US$1,234', 'million'])
    expect(fitted?.extents[1]).toBeCloseTo(2 * 12 * 1.2)
  })

  it('turns labels in narrow columns, reserving their length above the column', () => {
    const fitted = fitValueLabels(values, 20, 12, measure)
    expect(fitted?.upright).toBe(true)
    expect(fitted?.extents[1]).toBe(measure('US$1,234 million', { size: 12 }))
    expect(fitValueLabels(values, 12, 12, measure)).toBeNull()
  })

  it('adds the conflict mark to the label', () => {
    const fitted = fitValueLabels([{ ...value(5), conflict: true }], 100, 12, measure)
    expect(fitted?.lines).toEqual([['5 ⚠']])
  })
})

describe('column scale', () => {
  it('leaves room above every column for its label', () => {
    const values = [value(100), value(50)]
    const extents = [40, 10]
    const scale = columnScale(values, extents, 200, 10)
    // The tall column with the long label binds: 100 × scale + gap + 40 = 200.
    expect(100 * scale + 3 + 40).toBeCloseTo(200)
    expect(50 * scale + 3 + 10).toBeLessThan(200)
  })

  it('asks for a plot tall enough for the labels and a visible tallest column', () => {
    const need = minPlotHeight([value(100), value(null)], { extents: [40, 12], lifted: [] }, 10)
    expect(need).toBeCloseTo(40 + 3 + 25)
  })

  it('has no scale when nothing was reported', () => {
    expect(columnScale([value(null)], [12], 200, 10)).toBe(0)
  })
})

describe('value labels beside not-reported neighbours', () => {
  const lone = [value(null), value(null), value(100_000, '100,000+ sqm'), value(null), value(null)]
  const measureAt = (text: string) => measure(text, { size: 9 })

  it('lets a label reach over the empty slots beside it, lifted above their dashes', () => {
    const slot = 30
    expect(measureAt('100,000+ sqm')).toBeGreaterThan(slot)
    const fitted = fitValueLabels(lone, slot, 9, measure)
    expect(fitted?.upright).toBe(false)
    expect(fitted?.lines[2]).toEqual(['100,000+ sqm'])
    expect(fitted?.lifted).toEqual([false, false, true, false, false])
  })

  it('keeps a label within its slot between reported neighbours', () => {
    const crowded = [value(5), value(100_000, '100,000+ sqm'), value(7)]
    const fitted = fitValueLabels(crowded, 30, 9, measure)
    // "100,000+" alone is wider than the slot: the labels turn rather than spread.
    expect(fitted?.upright).toBe(true)
    expect(fitted?.lifted).toEqual([false, false, false])
  })

  it('shares an empty slot between two labels, half each', () => {
    // One empty slot between them: each may take half of it, too little for this label.
    const pair = [value(1, '100,000+ sqm'), value(null), value(2, '100,000+ sqm')]
    expect(fitValueLabels(pair, 40, 9, measure)?.lifted).toEqual([false, false, false])
  })

  it('asks for room to lift a label above the dashes, however short its column', () => {
    const values = [value(null), value(1, 'long label'), value(null), value(100)]
    const labels = { extents: [10.8, 10.8, 10.8, 10.8], lifted: [false, true, false, false] }
    const need = minPlotHeight(values, labels, 9)
    // Dash line (10.8) and a pixel, the gap (3), then the label (10.8).
    expect(need).toBeGreaterThanOrEqual(10.8 + 1 + 3 + 10.8)
  })
})
