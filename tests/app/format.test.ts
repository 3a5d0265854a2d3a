import { describe, expect, it } from 'vitest'
import {
  formatAmount,
  formatConversion,
  formatDate,
  formatLargeNumber,
  formatQuantity,
  formatScope,
} from '../../src/app/format'
import type { Qualifier, Unit } from '../../src/pipeline/schema'

describe('formatQuantity', () => {
  it.each<[number, Unit, Qualifier, string]>([
    [26, 'count', 'exact', '26'],
    [80, 'count', 'more_than', '80+'],
    [20, 'count', 'about', 'about 20'],
    [1000, 'count', 'nearly', 'nearly 1,000'],
    [5, 'count', 'at_least', 'at least 5'],
    [12, 'count', 'up_to', 'up to 12'],
    [100_000, 'sqm', 'more_than', '100,000+ sqm'],
    [400, 'sqm', 'exact', '400 sqm'],
    [700_000_000, 'USD', 'exact', 'US$700 million'],
    [700_000_000, 'USD', 'more_than', 'more than US$700 million'],
    [1_200_000_000, 'CNY', 'exact', '1.2 billion yuan'],
    [1_200_000_000, 'CNY', 'nearly', 'nearly 1.2 billion yuan'],
    [50_000, 'CNY', 'exact', '50,000 yuan'],
    [15.5, 'percent', 'about', 'about 15.5%'],
    [1_200_000, 'sqm', 'about', 'about 1.2 million sqm'],
    [2_000_000, 'count', 'more_than', 'more than 2 million'],
    [999_999, 'count', 'more_than', '999,999+'],
  ])('shows %d %s (%s) as "%s"', (value, unit, qualifier, expected) => {
    expect(formatQuantity(value, unit, qualifier)).toBe(expected)
  })
})

describe('formatAmount', () => {
  it('keeps yuan in yuan and dollars in dollars', () => {
    expect(formatAmount(2_000_000, 'CNY')).toBe('2 million yuan')
    expect(formatAmount(2_000_000, 'USD')).toBe('US$2 million')
  })
})

describe('formatLargeNumber', () => {
  it.each([
    [999_999, '999,999'],
    [1_000_000, '1 million'],
    [1_235_000_000, '1.235 billion'],
    [3_000_000_000_000, '3 trillion'],
  ])('writes %d as "%s"', (value, expected) => {
    expect(formatLargeNumber(value)).toBe(expected)
  })
})

describe('formatConversion', () => {
  it('shows the second currency as the article gave it', () => {
    expect(formatConversion({ value: 165_000_000, unit: 'USD' })).toBe(
      'given as US$165 million in the article',
    )
    expect(formatConversion(null)).toBeNull()
  })
})

describe('formatDate and formatScope', () => {
  it('writes an ISO date the same way in every time zone', () => {
    expect(formatDate('2023-11-27')).toBe('27 Nov 2023')
  })

  it('returns an unreadable date unchanged', () => {
    expect(formatDate('someday')).toBe('someday')
  })

  it('names each scope in words', () => {
    expect(formatScope('ciie')).toBe('CIIE activity')
    expect(formatScope('profile')).toBe('District profile')
    expect(formatScope('company')).toBe('Company figure')
  })
})
