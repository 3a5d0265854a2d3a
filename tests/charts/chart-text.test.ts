import { describe, expect, it } from 'vitest'
import { activateLocale } from '../../src/i18n/i18n'
import {
  estimateTextWidth,
  fitCategoryLabel,
  fitValueLabel,
  formatAxisTick,
  niceTicks,
  splitCategoryLabel,
  truncateToWidth,
} from '../../src/charts/chart-text'

describe('axis ticks', () => {
  it.each([
    [0, '0'],
    [80, '80'],
    [30_000, '30K'],
    [1_200_000, '1.2M'],
    [2_500_000_000, '2.5B'],
  ])('writes %d as %s', (value, text) => {
    expect(formatAxisTick(value)).toBe(text)
  })

  it.each([
    [80, '80'],
    [30_000, '3万'],
    [1_200_000, '120万'],
    [2_500_000_000, '25亿'],
  ])('writes %d as %s in Chinese', (value, text) => {
    activateLocale('zh')
    expect(formatAxisTick(value)).toBe(text)
  })

  it('steps in round numbers from 0 to the first step at or above the largest value', () => {
    expect(niceTicks(96, 5, true)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] })
    expect(niceTicks(3, 5, true)).toEqual({ top: 3, ticks: [0, 1, 2, 3] })
    expect(niceTicks(0.9, 5, false).ticks).toEqual([0, 0.25, 0.5, 0.75, 1])
  })

  it('ends at the largest value when rounding up would waste the axis', () => {
    const { top, ticks } = niceTicks(1_104_000_000, 3, true)
    expect(top).toBe(1_104_000_000)
    expect(ticks).toEqual([0, 1_000_000_000])
  })

  it('keeps counts in whole steps', () => {
    for (const max of [2, 5, 7, 10, 13]) {
      for (const tick of niceTicks(max, 5, true).ticks) expect(Number.isInteger(tick)).toBe(true)
    }
  })

  it('draws an empty axis from 0 to 1', () => {
    expect(niceTicks(0, 5, true)).toEqual({ top: 1, ticks: [0, 1] })
  })
})

describe('label fitting', () => {
  it('splits an edition label into its number and year', () => {
    expect(splitCategoryLabel('6th (2023)')).toEqual({ main: '6th', detail: '2023' })
    expect(splitCategoryLabel("Jing'an")).toEqual({ main: "Jing'an", detail: null })
  })

  it('writes an edition on one line, on two, or shortened, as room allows', () => {
    expect(fitCategoryLabel('6th (2023)', 200, 13)).toEqual(['6th (2023)'])
    expect(fitCategoryLabel('6th (2023)', 40, 13)).toEqual(['6th', '2023'])
    expect(fitCategoryLabel('6th (2023)', 20, 13)).toEqual(['6th'])
    expect(fitCategoryLabel('6th (2023)', 200, 13, true)).toEqual(['6th'])
  })

  it('breaks a long value label over two lines, or gives up', () => {
    expect(fitValueLabel('80+', 100, 13)).toEqual(['80+'])
    expect(fitValueLabel('US$700 million', 70, 13)).toEqual(['US$700', 'million'])
    expect(fitValueLabel('US$700 million', 20, 13)).toBeNull()
  })

  it('splits a Chinese edition label at its full-width bracket', () => {
    expect(splitCategoryLabel('第六届（2023）')).toEqual({ main: '第六届', detail: '2023' })
    expect(fitCategoryLabel('第六届（2023）', 45, 13)).toEqual(['第六届', '2023'])
  })

  it('breaks a Chinese value label between characters, never before "，"', () => {
    // No spaces: the only breaks are between characters.
    const lines = fitValueLabel('约7亿美元', 45, 13)
    expect(lines?.join('')).toBe('约7亿美元')
    expect(lines).toHaveLength(2)
    for (const line of lines ?? [])
      expect(estimateTextWidth(line, 13, true)).toBeLessThanOrEqual(45)
    expect(fitValueLabel('超过80家，约', 50, 13)?.[1]).not.toMatch(/^，/)
    expect(fitValueLabel('约7亿美元', 10, 13)).toBeNull()
  })

  it('cuts a long name with an ellipsis', () => {
    const cut = truncateToWidth('Pudong New Area', 60, 13)
    expect(cut.endsWith('…')).toBe(true)
    expect(estimateTextWidth(cut, 13)).toBeLessThanOrEqual(60)
    expect(truncateToWidth('Pudong', 200, 13)).toBe('Pudong')
  })

  it('estimates wider text for more and bolder glyphs', () => {
    expect(estimateTextWidth('80+', 13)).toBeGreaterThan(estimateTextWidth('80', 13))
    expect(estimateTextWidth('80', 13, true)).toBeGreaterThan(estimateTextWidth('80', 13))
    expect(estimateTextWidth('mmm', 12)).toBeGreaterThan(estimateTextWidth('iii', 12))
  })
})
