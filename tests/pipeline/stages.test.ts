import { describe, expect, it } from 'vitest'
import { findQuantities } from '../../src/pipeline/quantities'
import { splitSentences } from '../../src/pipeline/sentences'
import { articleOf } from './corpus'

describe('findQuantities', () => {
  it.each([
    ['more than 80 enterprises', 80, 'count', 'more_than'],
    ['Over 400 companies', 400, 'count', 'more_than'],
    ['exceeded 100 million yuan', 100_000_000, 'CNY', 'more_than'],
    ['topping US$700 million', 700_000_000, 'USD', 'more_than'],
    ['about 20 firms', 20, 'count', 'about'],
    ['an estimated US$320 million', 320_000_000, 'USD', 'about'],
    ['nearly 2.4 billion yuan', 2_400_000_000, 'CNY', 'nearly'],
    ['close to 1,000 buyers', 1000, 'count', 'nearly'],
    ['at least 150 exhibitors', 150, 'count', 'at_least'],
    ['no fewer than 150 exhibitors', 150, 'count', 'at_least'],
    ['up to 8,000 square meters', 8000, 'sqm', 'up_to'],
    ['RMB 3.5 billion', 3_500_000_000, 'CNY', 'exact'],
    ['78.41 billion', 78_410_000_000, 'count', 'exact'],
    ['Fourteen experts', 14, 'count', 'exact'],
    ['twenty-eight deals', 28, 'count', 'exact'],
    ['two hundred and fifty firms', 250, 'count', 'exact'],
    ['a dozen buyers', 12, 'count', 'exact'],
    ['a 400-square-meter space', 400, 'sqm', 'exact'],
    ['480,000 sq m', 480_000, 'sqm', 'exact'],
    ['80-plus brands', 80, 'count', 'more_than'],
  ])('reads "%s" as %s %s (%s)', (sentence, value, unit, qualifier) => {
    expect(findQuantities(sentence)[0]).toMatchObject({ value, unit, qualifier, trap: null })
  })

  it.each([
    ['in 2005', 'a year'],
    ['the 14th Five-Year Plan', 'an ordinal, not a quantity'],
    ['(2021-2025)', 'a range of years'],
    ['for six years', 'a duration or a streak, not a count'],
    ['four consecutive years', 'a duration or a streak, not a count'],
    ['on November 7', 'a date'],
    ['the "3+1" strategy', 'part of a slogan or formula ("3+1")'],
    ['a 632-meter tower', 'a length or height, not a count'],
    ['up 12 percent', 'a percentage: no catalog metric is a percentage'],
    ['30-40 companies', 'a range, not one figure'],
  ])('marks "%s" as %s', (sentence, trap) => {
    expect(findQuantities(sentence)[0]?.trap).toBe(trap)
  })

  it.each(['the G60 corridor', '5G networks', 'one of the hubs', 'the sixth CIIE'])(
    'finds no quantity in "%s"',
    (sentence) => {
      expect(findQuantities(sentence)).toEqual([])
    },
  )

  it('reads a currency conversion in brackets as the same amount', () => {
    const [amount, conversion] = findQuantities(
      'signed deals worth 8 billion yuan (US$1.1 billion) on Friday',
    )
    expect(amount).toMatchObject({
      value: 8e9,
      unit: 'CNY',
      conversion: { value: 1.1e9, unit: 'USD' },
    })
    expect(conversion?.isConversion).toBe(true)
  })
})

describe('splitSentences', () => {
  it.each([
    ['Mr. Chen spoke. Then he left.', 2],
    ['Dr. Li of Shanghai Foo Co. Ltd. signed. It was done.', 2],
    ['The U.S. Chamber of Commerce came. Others did too.', 2],
    ['Shops on Nanjing Road W. sold well. Sales rose.', 2],
    ['It sits at No. 1 Zhengli Road. It opened.', 2],
    ['One sentence without a stop inside', 1],
  ])('splits "%s" into %s sentences', (text, count) => {
    expect(splitSentences(articleOf(text))).toHaveLength(count)
  })

  it('marks a repeated sentence as a duplicate of the first', () => {
    const sentences = splitSentences(articleOf('The summit was held. \n\nThe summit was held.'))
    expect(sentences.map((sentence) => sentence.duplicate)).toEqual([false, true])
  })
})
