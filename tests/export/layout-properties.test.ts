import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FigureChart, FigureSpec, FigureValue } from '../../src/export/figure-spec'
import { layoutFigure } from '../../src/export/figure-layout'
import { figureSize, PRESET_IDS } from '../../src/export/presets'
import { estimateTextWidth } from '../../src/export/text-measure'
import { boxesOverlap } from './layout-checks'

/**
 * Whatever the spec, a figure keeps its promises: texts apart, on the canvas, at the size asked.
 * Specs are made of words from the dashboard's own vocabulary, in any number and order.
 */

const WORDS = [
  'Pudong',
  'New',
  'Area',
  '浦东新区',
  'US$1,234',
  'million',
  '⚠',
  '6th',
  '(2023)',
  'about',
  'Lingang',
  'Special',
  'agreements',
  '80+',
  'M',
]
const text = (max: number) =>
  fc.array(fc.constantFrom(...WORDS), { maxLength: max }).map((w) => w.join(' '))
const colour = fc.constantFrom('#1f77b4', '#0b3a6e', '#ccbb44', '#e8f0f8')

const figureValue: fc.Arbitrary<FigureValue> = fc
  .record({
    label: text(4),
    value: fc.option(fc.integer({ min: 0, max: 5_000 }), { nil: null }),
    display: text(3),
    conflict: fc.boolean(),
    highlight: fc.boolean(),
    color: colour,
  })
  .map((v) => ({
    key: v.label,
    label: v.label,
    value: v.value,
    display: v.value === null ? 'not reported' : v.display || String(v.value),
    qualifier: null,
    conflict: v.conflict,
    highlight: v.highlight,
    color: v.color,
  }))

const chart: fc.Arbitrary<FigureChart> = fc.oneof(
  fc.record({ kind: fc.constant('bars' as const), rows: fc.array(figureValue, { maxLength: 24 }) }),
  fc.record({
    kind: fc.constant('panels' as const),
    rows: fc.array(
      fc.record({
        title: text(5),
        sharedScale: fc.boolean(),
        panels: fc.array(
          fc.record({
            title: text(3),
            color: colour,
            values: fc.array(figureValue, { maxLength: 9 }),
            note: fc.option(text(12), { nil: undefined }),
          }),
          { maxLength: 5 },
        ),
      }),
      { maxLength: 3 },
    ),
  }),
  fc.integer({ min: 0, max: 9 }).chain((categories) =>
    fc.record({
      kind: fc.constant('grouped' as const),
      categories: fc.array(fc.record({ key: text(1), label: text(3) }), {
        minLength: categories,
        maxLength: categories,
      }),
      series: fc.array(
        fc.record({
          key: text(1),
          label: text(3),
          color: colour,
          values: fc.array(figureValue, { minLength: categories, maxLength: categories }),
        }),
        { maxLength: 12 },
      ),
    }),
  ),
  fc.record({
    kind: fc.constant('matrix' as const),
    columns: fc.array(text(3), { maxLength: 9 }),
    rows: fc.array(fc.record({ label: text(4), cells: fc.array(figureValue, { maxLength: 9 }) }), {
      maxLength: 18,
    }),
  }),
)

const spec: fc.Arbitrary<FigureSpec> = fc.record({
  title: text(24),
  subtitle: text(16),
  chart,
  legend: fc.array(fc.record({ label: text(3), color: colour }), { maxLength: 12 }),
  notes: fc.array(text(30), { maxLength: 3 }),
  sources: text(40),
  built: text(14),
  fileStem: fc.constant('figure'),
  csv: fc.constant([]),
})

describe('any figure', () => {
  it('keeps texts apart and on a canvas of the size asked', () => {
    fc.assert(
      fc.property(
        spec,
        fc.constantFrom(...PRESET_IDS),
        fc.integer({ min: 320, max: 1600 }),
        (s, preset, screenWidth) => {
          const size = figureSize(preset, screenWidth)
          const layout = layoutFigure(s, size, { measure: estimateTextWidth, fontFamily: 'x' })
          expect(layout.height).toBeLessThanOrEqual(size.maxHeight)
          if (size.height !== null) expect(layout.height).toBe(size.height)
          const texts = layout.texts
          for (const [i, a] of texts.entries()) {
            expect(a.x).toBeGreaterThanOrEqual(-0.01)
            expect(a.y).toBeGreaterThanOrEqual(-0.01)
            expect(a.x + a.width).toBeLessThanOrEqual(layout.width + 0.01)
            expect(a.y + a.height).toBeLessThanOrEqual(layout.height + 0.01)
            for (const b of texts.slice(i + 1)) if (boxesOverlap(a, b)) expect([a, b]).toEqual([])
          }
        },
      ),
      { numRuns: 150, seed: 20_260_115 },
    )
  })
})
