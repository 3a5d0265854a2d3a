import { describe, expect, it } from 'vitest'
import {
  aggregateCell,
  aggregateObservations,
  combineQualifiers,
  totalsByUnit,
} from '../../src/pipeline/aggregate'
import { DISTRICT_IDS, METRIC_KEYS, type Observation } from '../../src/pipeline/schema'

/** A hand-made observation; only the fields the rules look at matter. */
function observation(fields: Partial<Observation> & Pick<Observation, 'article'>): Observation & {
  edition: number
} {
  return {
    id: `${fields.article}-${fields.start ?? 0}`,
    sentence: 'A sentence.',
    sentenceStart: 0,
    start: 0,
    end: 2,
    metric: 'agreements_signed',
    value: 10,
    unit: 'count',
    qualifier: 'exact',
    district: 'jingan',
    area: null,
    scope: 'ciie',
    text: '10',
    conversion: null,
    ...fields,
    edition: fields.edition ?? 6,
  }
}

const dates = new Map([
  ['old', '2023-09-01'],
  ['new', '2023-11-20'],
  ['newer-id', '2023-11-20'],
])

describe('aggregateCell', () => {
  it('counts several reports of the same amount once, without a conflict', () => {
    const cell = aggregateCell(
      [observation({ article: 'old', value: 28 }), observation({ article: 'new', value: 28 })],
      dates,
    )
    expect(cell).toMatchObject({ value: 28, observations: 2, conflict: false })
  })

  it('shows the newest article when articles disagree, and flags the conflict', () => {
    const cell = aggregateCell(
      [observation({ article: 'new', value: 30 }), observation({ article: 'old', value: 28 })],
      dates,
    )
    expect(cell).toMatchObject({ value: 30, conflict: true, observations: 2 })
  })

  it('breaks a tie on the date by article id, whatever the input order', () => {
    const a = observation({ article: 'new', value: 1 })
    const b = observation({ article: 'newer-id', value: 2 })
    expect(aggregateCell([a, b], dates).value).toBe(2)
    expect(aggregateCell([b, a], dates).value).toBe(2)
  })

  it('keeps a lower bound a lower bound', () => {
    const cell = aggregateCell(
      [observation({ article: 'new', qualifier: 'more_than', value: 80 })],
      dates,
    )
    expect(cell).toMatchObject({ value: 80, qualifier: 'more_than' })
  })

  it("takes the largest of one article's values as its headline, without calling it a conflict", () => {
    const cell = aggregateCell(
      [
        observation({ article: 'new', value: 64, start: 10 }),
        observation({ article: 'new', value: 6000, start: 40, qualifier: 'more_than' }),
      ],
      dates,
    )
    expect(cell).toMatchObject({ value: 6000, qualifier: 'more_than', conflict: false })
  })

  it('does not call an amount and its bracketed conversion a conflict', () => {
    const cell = aggregateCell(
      [
        observation({
          article: 'new',
          metric: 'investment',
          unit: 'USD',
          value: 100e6,
          conversion: { value: 700e6, unit: 'CNY' },
        }),
        observation({ article: 'old', metric: 'investment', unit: 'CNY', value: 700e6 }),
      ],
      dates,
    )
    expect(cell).toMatchObject({ unit: 'USD', value: 100e6, conflict: false })
  })
})

describe('aggregateObservations', () => {
  it('leaves out profile and company figures and figures with no edition', () => {
    const aggregates = aggregateObservations(
      [
        observation({ article: 'new', scope: 'profile' }),
        observation({ article: 'new', scope: 'company' }),
        { ...observation({ article: 'new' }), edition: null },
      ],
      [{ id: 'new', date: '2023-11-20' }],
      { districts: DISTRICT_IDS, metrics: METRIC_KEYS },
    )
    expect(aggregates).toEqual([])
  })

  it('gives one value per district × edition × metric, in catalog order', () => {
    const aggregates = aggregateObservations(
      [
        observation({ article: 'new', district: 'qingpu', metric: 'partners', edition: 6 }),
        observation({ article: 'new', district: 'jingan', metric: 'partners', edition: 6 }),
        observation({ article: 'old', district: 'jingan', metric: 'partners', edition: 5 }),
        observation({
          article: 'old',
          district: 'jingan',
          metric: 'agreements_signed',
          edition: 6,
        }),
        observation({
          article: 'new',
          district: 'jingan',
          metric: 'agreements_signed',
          edition: 6,
        }),
      ],
      [...dates].map(([id, date]) => ({ id, date })),
      { districts: DISTRICT_IDS, metrics: METRIC_KEYS },
    )
    expect(aggregates.map((a) => `${a.metric} ${a.district} ${a.edition}`)).toEqual([
      'agreements_signed jingan 6',
      'partners jingan 5',
      'partners jingan 6',
      'partners qingpu 6',
    ])
  })
})

describe('totals over districts', () => {
  it('is exact only when every part is exact', () => {
    expect(combineQualifiers(['exact', 'exact'])).toBe('exact')
  })

  it('keeps the qualifier of a single value', () => {
    expect(combineQualifiers(['more_than'])).toBe('more_than')
    expect(combineQualifiers(['nearly'])).toBe('nearly')
  })

  it('is a lower bound when a part is one: more than 80 plus 20 is at least 100', () => {
    expect(
      totalsByUnit([
        { value: 80, unit: 'count', qualifier: 'more_than' },
        { value: 20, unit: 'count', qualifier: 'exact' },
      ]),
    ).toEqual([{ value: 100, unit: 'count', qualifier: 'at_least', parts: 2 }])
  })

  it('is an upper bound when every inexact part is one, and approximate when bounds mix', () => {
    expect(combineQualifiers(['nearly', 'exact', 'up_to'])).toBe('up_to')
    expect(combineQualifiers(['more_than', 'nearly'])).toBe('about')
    expect(combineQualifiers(['about', 'exact'])).toBe('about')
  })

  it('never adds amounts in different currencies', () => {
    const totals = totalsByUnit([
      { value: 700e6, unit: 'USD', qualifier: 'exact' },
      { value: 1.7e6, unit: 'CNY', qualifier: 'exact' },
      { value: 300e6, unit: 'USD', qualifier: 'about' },
    ])
    expect(totals).toEqual([
      { value: 1000e6, unit: 'USD', qualifier: 'about', parts: 2 },
      { value: 1.7e6, unit: 'CNY', qualifier: 'exact', parts: 1 },
    ])
  })
})
