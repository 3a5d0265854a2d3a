import { describe, expect, it } from 'vitest'
import { buildDataset, CorrectionsError } from '../../src/pipeline/build-dataset'
import {
  applyCorrections,
  parseCorrections,
  type Correction,
  type LocatedCorrection,
} from '../../src/pipeline/corrections'
import { extractArticle } from '../../src/pipeline/extract-article'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'
import { articleOf } from './corpus'

// A synthetic article written for these tests (no real district reported these numbers).
const ARTICLE = articleOf(
  `Jing’an District signed 28 cooperation agreements at the sixth China International Import Expo, officials said.

More than 80 enterprises from Jing’an attended the expo this year. Orlen Goods, founded in 2005, now runs 366 outlets in the district. Qingpu District signed 30 projects at the expo.`,
  '2023-11-20',
  'synthetic-2023-11-20-jingan.txt',
)
const ID = ARTICLE.id
const SIGNED = 'Jing’an District signed 28 cooperation agreements'
const ATTENDED = 'More than 80 enterprises from Jing’an attended the expo this year.'
const OUTLETS = 'Orlen Goods, founded in 2005, now runs 366 outlets in the district.'

const target = { article: ID, reason: 'checked against the district’s release', date: '2026-11-20' }
const located = (correction: Correction, line = 3): LocatedCorrection => ({
  correction,
  file: 'data/corrections.json',
  line,
})

function apply(...corrections: Array<Correction>) {
  const extraction = extractArticle(ARTICLE, getGazetteer())
  return {
    before: extraction,
    ...applyCorrections(
      extraction,
      ARTICLE,
      corrections.map((correction, index) => located(correction, 3 + index)),
      loadCatalog(),
    ),
  }
}

const figure = <T extends { text: string }>(extraction: { observations: Array<T> }, text: string) =>
  extraction.observations.find((observation) => observation.text === text)

describe('applyCorrections', () => {
  it('leaves an extraction alone when no correction applies to it', () => {
    const { before, extraction, problems } = apply()
    expect(problems).toEqual([])
    expect(extraction).toEqual(before)
  })

  it('rejects a figure: it leaves the figures and is listed as discarded with the reason', () => {
    const { before, extraction, problems } = apply({
      action: 'reject',
      ...target,
      sentence: ATTENDED,
      number: 'More than 80',
    })
    expect(problems).toEqual([])
    expect(figure(before, 'More than 80')).toBeDefined()
    expect(figure(extraction, 'More than 80')).toBeUndefined()
    expect(extraction.observations).toHaveLength(before.observations.length - 1)
    const rejected = extraction.discarded.find((record) => record.text === 'More than 80')
    expect(rejected).toMatchObject({
      reason: `rejected: ${target.reason}`,
      value: 80,
      correction: {
        action: 'reject',
        reason: target.reason,
        date: target.date,
        was: {
          metric: 'enterprises_attending',
          value: 80,
          unit: 'count',
          qualifier: 'more_than',
          district: 'jingan',
          edition: 6,
        },
      },
    })
    // The extraction it was given is not changed.
    expect(figure(before, 'More than 80')).toBeDefined()
  })

  it.each([
    ['value', { value: 29 }, { value: 28 }],
    ['qualifier', { qualifier: 'at_least' }, { qualifier: 'exact' }],
    ['metric', { metric: 'projects_signed' }, { metric: 'agreements_signed' }],
    ['district', { district: 'qingpu' }, { district: 'jingan' }],
    ['edition', { edition: 5 }, { edition: 6 }],
  ] as const)('fixes a figure’s %s and keeps what it was', (_field, set, was) => {
    const { extraction, problems } = apply({
      action: 'fix',
      ...target,
      sentence: SIGNED,
      number: '28',
      set,
    })
    expect(problems).toEqual([])
    expect(figure(extraction, '28')).toMatchObject({
      ...set,
      correction: { action: 'fix', reason: target.reason, date: target.date, was },
    })
  })

  it('fixes a money metric together with its unit, and records only the fields that changed', () => {
    const { extraction } = apply({
      action: 'fix',
      ...target,
      sentence: SIGNED,
      number: '28',
      set: { metric: 'investment', unit: 'CNY', value: 28_000_000, qualifier: 'exact' },
    })
    expect(figure(extraction, '28')).toMatchObject({
      metric: 'investment',
      unit: 'CNY',
      value: 28_000_000,
      correction: { was: { metric: 'agreements_signed', unit: 'count', value: 28 } },
    })
    expect(figure(extraction, '28')?.correction?.was).not.toHaveProperty('qualifier')
  })

  it('makes a figure moved off every edition a standing fact, and one given an edition a CIIE one', () => {
    const off = apply({
      action: 'fix',
      ...target,
      sentence: SIGNED,
      number: '28',
      set: { edition: null },
    })
    expect(figure(off.extraction, '28')).toMatchObject({ edition: null, scope: 'profile' })
  })

  it('adds a figure the extractor left out, and takes it off the discarded list', () => {
    const add = {
      action: 'add',
      ...target,
      sentence: OUTLETS,
      number: '366',
      figure: {
        metric: 'market_offerings',
        value: 366,
        unit: 'count',
        qualifier: 'exact',
        district: 'jingan',
        edition: 6,
      },
    } as const
    const { before, extraction, problems } = apply(add)
    expect(problems).toEqual([])
    expect(before.discarded.map((record) => record.text)).toContain('366')
    expect(extraction.discarded.map((record) => record.text)).not.toContain('366')
    const added = figure(extraction, '366')
    expect(added).toMatchObject({
      metric: 'market_offerings',
      value: 366,
      district: 'jingan',
      edition: 6,
      scope: 'ciie',
      sentence: OUTLETS,
      correction: { action: 'add', reason: target.reason, date: target.date },
    })
    expect(added?.correction).not.toHaveProperty('was')
    expect(ARTICLE.text.slice(added?.start, added?.end)).toBe('366')
    expect(added?.id).toMatch(new RegExp(`^${ID}~`))
    // Same article, same correction: the same id every time.
    expect(figure(apply(add).extraction, '366')?.id).toBe(added?.id)
  })

  it('finds the sentence from part of it, with straight quotes and other spacing', () => {
    const { extraction, problems } = apply({
      action: 'reject',
      ...target,
      sentence: "from Jing'an   attended",
      number: 'more than 80',
    })
    expect(problems).toEqual([])
    expect(figure(extraction, 'More than 80')).toBeUndefined()
  })

  it.each([
    [
      'a sentence the article no longer has',
      {
        action: 'reject',
        ...target,
        sentence: 'Jing’an District signed 27 agreements',
        number: '27',
      },
      /has no sentence "Jing’an District signed 27 agreements": the article changed/,
    ],
    [
      'a number the sentence does not hold, listing the ones it does',
      { action: 'reject', ...target, sentence: SIGNED, number: '29' },
      /no number "29" in that sentence .*\(its numbers: "28"\)/,
    ],
    [
      'a reject of a number the extractor left out',
      { action: 'reject', ...target, sentence: OUTLETS, number: '2005' },
      /"2005" is not a figure: the extractor already left it out \(a year\)/,
    ],
    [
      'a fix of a number the extractor left out',
      { action: 'fix', ...target, sentence: OUTLETS, number: '366', set: { value: 1 } },
      /"366" is not a figure .*use "add" to count it/,
    ],
    [
      'an add of a number that is already a figure',
      {
        action: 'add',
        ...target,
        sentence: SIGNED,
        number: '28',
        figure: {
          metric: 'agreements_signed',
          value: 28,
          unit: 'count',
          qualifier: 'exact',
          district: 'jingan',
          edition: 6,
        },
      },
      /"28" is already a figure \(agreements_signed\): use "fix"/,
    ],
    [
      'a unit that does not fit the metric',
      { action: 'fix', ...target, sentence: SIGNED, number: '28', set: { metric: 'investment' } },
      /unit "count" does not fit metric "investment": set "unit" too \(CNY or USD\)/,
    ],
  ] as const)('reports %s, with the correction’s file and line', (_case, correction, cause) => {
    const { extraction, before, problems } = apply(correction as Correction)
    expect(problems).toEqual([
      { file: 'data/corrections.json', line: 3, cause: expect.stringMatching(cause) },
    ])
    expect(extraction.observations).toEqual(before.observations)
  })

  it('reports a second correction of the same number and keeps the first', () => {
    const reject = { action: 'reject', ...target, sentence: SIGNED, number: '28' } as const
    const { extraction, problems } = apply(reject, { ...reject, reason: 'again' })
    expect(problems).toEqual([
      {
        file: 'data/corrections.json',
        line: 4,
        cause: 'the same number was already corrected at line 3: keep one of the two',
      },
    ])
    expect(figure(extraction, '28')).toBeUndefined()
  })
})

describe('buildDataset with corrections', () => {
  const gazetteer = getGazetteer()

  it('counts the corrected value and stays byte-identical run to run', () => {
    const fix = located({
      action: 'fix',
      ...target,
      sentence: SIGNED,
      number: '28',
      set: { value: 29 },
    })
    const first = buildDataset([ARTICLE], gazetteer, [fix])
    expect(first.observations.find((o) => o.text === '28')).toMatchObject({ value: 29 })
    expect(JSON.stringify(buildDataset([ARTICLE], gazetteer, [fix]))).toBe(JSON.stringify(first))
  })

  it('fails, naming every correction that does not match, instead of building without them', () => {
    const corrections = [
      located(
        { action: 'reject', ...target, article: 'no-such-article', sentence: 'x', number: '1' },
        9,
      ),
      located({ action: 'reject', ...target, sentence: 'gone', number: '1' }, 4),
    ]
    let thrown: unknown
    try {
      buildDataset([ARTICLE], gazetteer, corrections)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CorrectionsError)
    expect((thrown as CorrectionsError).problems).toEqual([
      {
        file: 'data/corrections.json',
        line: 4,
        cause: expect.stringMatching(/has no sentence "gone"/),
      },
      {
        file: 'data/corrections.json',
        line: 9,
        cause: 'there is no article no-such-article (no file no-such-article.txt was read)',
      },
    ])
  })
})

describe('parseCorrections', () => {
  const entry = (fields: Record<string, unknown>) =>
    JSON.stringify(
      { action: 'reject', ...target, sentence: SIGNED, number: '28', ...fields },
      null,
      2,
    )
  const file = (...entries: Array<string>) =>
    `{\n  "corrections": [\n${entries.join(',\n')}\n  ]\n}\n`

  it('reads every kind of correction and the line each starts on', () => {
    const text = file(
      entry({}),
      entry({ action: 'fix', set: { value: 29 } }),
      entry({
        action: 'add',
        figure: {
          metric: 'partners',
          value: 3,
          unit: 'count',
          qualifier: 'exact',
          district: 'jingan',
          edition: null,
        },
      }),
    )
    const { corrections, problems } = parseCorrections('data/corrections.json', text)
    expect(problems).toEqual([])
    expect(corrections.map(({ correction, line }) => [correction.action, line])).toEqual([
      ['reject', 3],
      ['fix', 11],
      ['add', 22],
    ])
    expect(text.split('\n')[21]).toBe('{')
  })

  it('reads an empty list', () => {
    expect(parseCorrections('c.json', '{ "corrections": [] }')).toEqual({
      corrections: [],
      problems: [],
    })
  })

  it.each([
    ['an unknown action', { action: 'delete' }, '"action" must be "reject", "fix" or "add"'],
    ['a missing reason', { reason: undefined }, '"reason" is missing'],
    ['an empty reason', { reason: '  ' }, '"reason" is empty'],
    ['a date in another form', { date: '20/11/2026' }, '"date" must be a date as YYYY-MM-DD'],
    [
      'an article that is no id',
      { article: 'Jing an' },
      '"article" must be an article id, e.g. 2023-11-27-jingan',
    ],
    [
      'a fix that changes nothing',
      { action: 'fix', set: {} },
      '"set" must change at least one field',
    ],
    [
      'a misspelt field',
      { action: 'fix', set: { qualifer: 'about' } },
      '"set" has an unknown key "qualifer"',
    ],
    [
      'a qualifier not in the list',
      { action: 'fix', set: { qualifier: 'roughly' } },
      '"set.qualifier" must be one of',
    ],
    [
      'a fractional edition',
      { action: 'fix', set: { edition: 6.5 } },
      '"set.edition" must be a whole number',
    ],
    ['an add without its figure', { action: 'add' }, '"figure" is missing'],
  ])('names the line and the cause for %s, and keeps the good entries', (_case, fields, cause) => {
    const { corrections, problems } = parseCorrections(
      'data/corrections.json',
      file(entry({}), entry(fields)),
    )
    expect(corrections).toHaveLength(1)
    expect(problems).toEqual([
      {
        file: 'data/corrections.json',
        line: 11,
        cause: expect.stringContaining(`correction 2: ${cause}`),
      },
    ])
  })

  it.each([
    [
      'a trailing comma',
      '{\n  "corrections": [\n    {"a": 1},\n  ]\n}',
      4,
      'remove the comma after the last entry',
    ],
    ['a missing bracket', '{\n  "corrections": [\n    {"a": 1}\n', 4, '"," or "]"'],
    ['single quotes', "{\n  'corrections': []\n}", 2, 'a key in double quotes'],
  ])('names the line of %s in invalid JSON', (_case, text, line, cause) => {
    expect(parseCorrections('c.json', text)).toEqual({
      corrections: [],
      problems: [{ file: 'c.json', line, cause: expect.stringContaining(cause) }],
    })
  })

  it('asks for the { "corrections": [...] } shape', () => {
    expect(parseCorrections('c.json', '[]').problems).toEqual([
      {
        file: 'c.json',
        line: 1,
        cause: 'expected an object { "corrections": [ ... ] } (see README)',
      },
    ])
  })
})
