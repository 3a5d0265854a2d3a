import { describe, expect, it } from 'vitest'
import type { FigureValue, MatrixChart } from '../../src/export/figure-spec'
import { MATRIX_SHADES, factorUnit, layoutMatrix, shadeIndex } from '../../src/export/layout/matrix'
import { Scene } from '../../src/export/layout/scene'
import { themeFor } from '../../src/export/layout/theme'
import { estimateTextWidth } from '../../src/export/text-measure'
import { EDITION_LABELS, overlaps } from './layout-checks'

function cell(v: number | null, display: string, conflict = false): FigureValue {
  return {
    key: `${v}`,
    label: '',
    value: v,
    display,
    qualifier: null,
    conflict,
    color: '#0b3a6e',
  }
}

describe('shadeIndex', () => {
  it.each([
    [0, 0],
    [1, 0],
    [20, 0],
    [21, 1],
    [40, 1],
    [41, 2],
    [60, 2],
    [61, 3],
    [80, 3],
    [81, 4],
    [100, 4],
  ])('puts %i of 100 in shade %i', (value, index) => {
    expect(shadeIndex(value, 100)).toBe(index)
  })

  it('uses the lightest shade when nothing is above zero', () => {
    expect(shadeIndex(0, 0)).toBe(0)
    expect(MATRIX_SHADES[0]).toBe('#e8f0f8')
  })
})

describe('factorUnit', () => {
  const chart = (displays: Array<string>): MatrixChart => ({
    kind: 'matrix',
    columns: displays.map((_, i) => `c${i}`),
    rows: [{ label: 'Pudong', cells: displays.map((d, i) => cell(i + 1, d, i === 0)) }],
  })

  it('says a unit common to every cell once, and the numbers in the cells', () => {
    const factored = factorUnit(chart(['US$1,234 million', 'US$71 million']), 2)
    expect(factored).toEqual({ corner: 'US$ million', cells: [['1,234 ⚠', '71']] })
  })

  it.each([
    [['US$1.2 billion', 'US$700 million']],
    [['about US$700 million', 'US$71 million']],
    [['80+', '12+']],
    [['12', '14']],
  ])('keeps the full displays when they differ or carry no unit: %j', (displays) => {
    expect(factorUnit(chart(displays), 2)).toBeNull()
  })
})

/** Lays a matrix out and draws it, as the frame would. */
function drawn(chart: MatrixChart, width: number, height: number) {
  const ctx = { measure: estimateTextWidth, theme: themeFor(width) }
  const drawing = layoutMatrix(chart, { width, height, fill: true }, ctx)
  const scene = new Scene(estimateTextWidth)
  drawing.draw(scene)
  return { ...drawing, scene }
}

describe('layoutMatrix', () => {
  // Mixed scale words keep every cell's full display: the hardest table to fit.
  const money = (n: number) => (n % 3 === 0 ? `US$${n},234 million` : `US$${n}.5 billion`)
  const chart: MatrixChart = {
    kind: 'matrix',
    columns: EDITION_LABELS,
    rows: ['Pudong New Area', 'Huangpu', '浦东新区', "Jing'an"].map((label, i) => ({
      label,
      cells: EDITION_LABELS.map((_, j) =>
        (i + j) % 7 === 3
          ? cell(null, 'not reported')
          : cell(i * 8 + j + 1, money(i * 8 + j + 1), true),
      ),
    })),
  }

  it('fits eight columns and a label column into a 540 px figure at 9 px or more, in two-line cells', () => {
    // The square figure's content width, inside its margins.
    const width = 540 - 2 * themeFor(540).margin
    const drawing = drawn(chart, width, 400)
    expect(drawing.fits).toBe(true)
    expect(drawing.width).toBeLessThanOrEqual(width)
    const sizes = drawing.scene.nodes
      .filter((n) => n.tag === 'text')
      .map((n) => Number(n.attrs['font-size']))
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9)
    // The cells hold all their words: some over two lines.
    const words = drawing.scene.texts.map((t) => t.text)
    expect(words).toContain('million ⚠')
    expect(overlaps(drawing.scene.texts)).toEqual([])
    for (const box of drawing.scene.texts) expect(box.x + box.width).toBeLessThanOrEqual(width)
  })

  it('uses larger type where there is room', () => {
    const drawing = drawn(chart, 1500, 800)
    const sizes = drawing.scene.nodes
      .filter((n) => n.tag === 'text')
      .map((n) => Number(n.attrs['font-size']))
    expect(Math.min(...sizes)).toBeGreaterThan(12)
  })
})
