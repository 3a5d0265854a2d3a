import { beforeEach, describe, expect, it } from 'vitest'
import {
  chineseNumeral,
  formatAmount,
  formatConversion,
  formatDate,
  formatEdition,
  formatLargeNumber,
  formatQuantity,
  formatScope,
  formatTotal,
  joinList,
  notReported,
  ordinal,
  unitName,
} from '../../src/app/format'
import { activateLocale } from '../../src/i18n/i18n'
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

describe('editions, units and missing values in English', () => {
  it('writes an edition as a category', () => {
    expect(formatEdition(6, 2023)).toBe('6th (2023)')
    expect(formatEdition(11)).toBe('11th')
  })

  it('names units and a missing value', () => {
    expect(unitName('USD')).toBe('US$')
    expect(unitName('sqm')).toBe('square metres')
    expect(notReported()).toBe('not reported')
  })
})

describe('joinList', () => {
  it('lists names in English without a comma before "and"', () => {
    expect(joinList([])).toBe('')
    expect(joinList(["Jing'an"])).toBe("Jing'an")
    expect(joinList(["Jing'an", 'Qingpu'])).toBe("Jing'an and Qingpu")
    expect(joinList(["Jing'an", 'Qingpu', 'Pudong'])).toBe("Jing'an, Qingpu and Pudong")
  })
})

describe('in Chinese', () => {
  beforeEach(() => activateLocale('zh'))

  it.each<[number, Unit, Qualifier, string]>([
    [26, 'count', 'exact', '26'],
    [8000, 'count', 'exact', '8000'],
    [80, 'count', 'more_than', '超过80'],
    [20, 'count', 'about', '约20'],
    [1000, 'count', 'nearly', '近1000'],
    [5, 'count', 'at_least', '至少5'],
    [12, 'count', 'up_to', '最多12'],
    [100_000, 'sqm', 'exact', '10万平方米'],
    [100_000, 'sqm', 'more_than', '超过10万平方米'],
    [12_345, 'sqm', 'exact', '1.2345万平方米'],
    [700_000_000, 'USD', 'exact', '7亿美元'],
    [700_000_000, 'USD', 'more_than', '超过7亿美元'],
    [1_200_000_000, 'CNY', 'nearly', '近12亿元'],
    [3_000_000_000_000, 'CNY', 'exact', '3万亿元'],
    [15.5, 'percent', 'about', '约15.5%'],
    [2_000_000, 'count', 'more_than', '超过200万'],
  ])('shows %d %s (%s) as "%s"', (value, unit, qualifier, expected) => {
    expect(formatQuantity(value, unit, qualifier)).toBe(expected)
  })

  it('counts large numbers in 万 and 亿', () => {
    expect(formatLargeNumber(9999)).toBe('9999')
    expect(formatLargeNumber(50_000)).toBe('5万')
    expect(formatLargeNumber(1_235_000_000)).toBe('12.35亿')
    expect(formatAmount(2_000_000, 'CNY')).toBe('200万元')
  })

  it('writes totals with their bound, and the other currency as the article gave it', () => {
    expect(formatTotal(1_280, 'count', 'more_than')).toBe('≥ 1280')
    expect(formatConversion({ value: 165_000_000, unit: 'USD' })).toBe('原文记为1.65亿美元')
  })

  it('writes dates as 年月日, whatever the time zone', () => {
    expect(formatDate('2023-11-27')).toBe('2023年11月27日')
    expect(formatDate('someday')).toBe('someday')
  })

  it('writes editions with Chinese numerals and keeps English ordinals for file names', () => {
    expect(formatEdition(6, 2023)).toBe('第六届（2023）')
    expect(formatEdition(12)).toBe('第十二届')
    expect(ordinal(6)).toBe('6th')
    expect([1, 10, 11, 20, 21, 99, 100].map(chineseNumeral)).toEqual([
      '一',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '100',
    ])
  })

  it('names scopes, units and a missing value in Chinese', () => {
    expect(formatScope('ciie')).toBe('进博会相关活动')
    expect(unitName('USD')).toBe('美元')
    expect(unitName('sqm')).toBe('平方米')
    expect(notReported()).toBe('未见报道')
  })

  it('lists names as Chinese does, with 、 and 和', () => {
    expect(joinList(['静安区', '青浦区'])).toBe('静安区和青浦区')
    expect(joinList(['静安区', '青浦区', '浦东新区'])).toBe('静安区、青浦区和浦东新区')
  })

  it('goes back to English with the language', () => {
    activateLocale('en')
    expect(formatQuantity(700_000_000, 'USD', 'exact')).toBe('US$700 million')
    expect(notReported()).toBe('not reported')
  })
})
