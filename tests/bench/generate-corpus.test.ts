import { describe, expect, it } from 'vitest'
import districtsJson from '../../data/districts.json'
import metricsJson from '../../data/metrics.json'
import {
  METRICS_WITH_FIGURES,
  SYNTHETIC_MARKER,
  generateCorpus,
  utf8Length,
} from './generate-corpus'

// One corpus for the read-only checks: generating it is the slow part of this file.
const corpus = generateCorpus({ articles: 200, seed: 1 })
const FILE_NAME = /^synthetic-(\d{4})-(\d{2})-(\d{2})-([a-z]+)(?:-[a-z0-9-]+)?-\d{6}\.txt$/

function paragraphsOf(text: string): Array<string> {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
}

function sentencesOf(text: string): Array<string> {
  return text.split(/(?<=[.”"])\s+(?=[A-Z“"])/)
}

describe('generateCorpus', () => {
  it('gives byte-identical articles for the same seed', () => {
    expect(generateCorpus({ articles: 200, seed: 1 })).toEqual(corpus)
  })

  it('gives a different corpus for a different seed', () => {
    const other = generateCorpus({ articles: 200, seed: 2 })
    expect(other.map((file) => file.text)).not.toEqual(corpus.map((file) => file.text))
  })

  it('makes a smaller corpus a prefix of a larger one with the same seed', () => {
    expect(generateCorpus({ articles: 50, seed: 1 })).toEqual(corpus.slice(0, 50))
  })

  it('returns exactly the number of articles asked for', () => {
    expect(corpus).toHaveLength(200)
    expect(generateCorpus({ articles: 0, seed: 1 })).toEqual([])
  })

  it('names every file synthetic-, lower-case kebab-case and unique', () => {
    for (const { fileName } of corpus) expect(fileName).toMatch(FILE_NAME)
    expect(new Set(corpus.map((file) => file.fileName)).size).toBe(corpus.length)
  })

  it('opens every file with the date line of the article format', () => {
    for (const { text } of corpus) expect(text).toMatch(/^ date \d{4}-\d{2}-\d{2} /)
  })

  it('dates every article in August to December of its edition year, as its file name says', () => {
    for (const { fileName, text } of corpus) {
      const [, year, month, day] = FILE_NAME.exec(fileName) ?? []
      expect(text.startsWith(` date ${year}-${month}-${day} `)).toBe(true)
      expect(Number(year)).toBeGreaterThanOrEqual(2018)
      expect(Number(year)).toBeLessThanOrEqual(2025)
      expect(Number(month)).toBeGreaterThanOrEqual(8)
      expect(Number(month)).toBeLessThanOrEqual(12)
    }
  })

  it('says in every first paragraph that the article is synthetic', () => {
    for (const { text } of corpus) expect(text.split('\n')[0]).toContain(SYNTHETIC_MARKER)
  })

  it('keeps every article between 1.5 and 3 KB and 6 to 14 paragraphs', () => {
    for (const { text } of corpus) {
      expect(utf8Length(text)).toBeGreaterThanOrEqual(1500)
      expect(utf8Length(text)).toBeLessThanOrEqual(3072)
      expect(paragraphsOf(text).length).toBeGreaterThanOrEqual(6)
      expect(paragraphsOf(text).length).toBeLessThanOrEqual(14)
    }
  })

  it('covers all 16 districts and editions 1 to 8 evenly in a 200-article corpus', () => {
    const perDistrict = new Map<string, number>()
    const perEdition = new Map<number, number>()
    for (const { fileName } of corpus) {
      const [, year, , , district = ''] = FILE_NAME.exec(fileName) ?? []
      perDistrict.set(district, (perDistrict.get(district) ?? 0) + 1)
      const edition = Number(year) - 2017
      perEdition.set(edition, (perEdition.get(edition) ?? 0) + 1)
    }
    const ids = districtsJson.districts.map((district) => district.id)
    expect([...perDistrict.keys()].sort()).toEqual([...ids].sort())
    expect([...perEdition.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    for (const count of perDistrict.values()) expect([12, 13]).toContain(count)
    for (const count of perEdition.values()) expect(count).toBeGreaterThanOrEqual(16)
  })

  it('names its own district in the first paragraph', () => {
    const byId = new Map(districtsJson.districts.map((district) => [district.id, district]))
    for (const { fileName, text } of corpus) {
      const [, , , , id = ''] = FILE_NAME.exec(fileName) ?? []
      const lead = (paragraphsOf(text)[0] ?? '').replaceAll('’', "'")
      expect(byId.get(id)?.aliases.some((alias) => lead.includes(alias))).toBe(true)
    }
  })

  it('has a figure template for every metric in data/metrics.json', () => {
    const keys = metricsJson.metrics.map((metric) => metric.key)
    expect([...METRICS_WITH_FIGURES].sort()).toEqual([...keys].sort())
  })

  it.each([
    ['money in yuan', /\d billion yuan|\d million yuan/],
    ['money in RMB', /RMB \d/],
    ['money in US dollars', /US\$\d/],
    ['a bracketed conversion', /(yuan|million|billion) \((US)?\$\d/],
    ['floor area', /\d square meters|\d-square-meter/],
    ['"more than"', /[Mm]ore than \d/],
    ['"about"', /[Aa]bout \d/],
    ['"nearly"', /[Nn]early \d/],
    ['"at least"', /[Aa]t least \d/],
    ['"up to"', /[Uu]p to \d/],
    ['a capitalised number word', /(^|\. )(Fourteen|Twenty|Thirty|Forty|Eleven|Nine|Eight)/m],
    [
      'a hyphenated number word',
      /\b(twenty|thirty|forty)-(one|two|three|four|five|six|seven|eight|nine)\b/,
    ],
    ['"a dozen"', /A dozen/],
    ['a plan period', /\(2021-2025\)/],
    ['the 14th Five-Year Plan', /14th Five-Year Plan/],
    ['"for N years"', /for (two|three|four|five|six|seven|eight) years/],
    ['an expo-wide total', /CIIE attracted .* exhibitors from .* countries and regions/],
    ["a company's own outlets", /\d+ outlets in more than \d+ cities/],
    ['a year', /\bin (19|20)\d\d\b/],
    ['a curly apostrophe', /’/],
    ['a straight apostrophe', /'/],
    ['a repeated paragraph', /\n\n([^\n]+)\n\n+\1\n/],
    ['extra blank lines between paragraphs', /\n\n\n/],
  ])('carries the genre: %s', (_, pattern) => {
    expect(corpus.some(({ text }) => pattern.test(text))).toBe(true)
  })

  it('varies its sentences rather than repeating a few templates verbatim', () => {
    const sentences = corpus.flatMap(({ text }) => sentencesOf(text))
    expect(new Set(sentences).size / sentences.length).toBeGreaterThan(0.6)
  })
})
