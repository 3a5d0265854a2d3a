import { describe, expect, it } from 'vitest'
import { isDistrictId, parseEdition } from '../../src/app/url-state'
import type { ArticleIndexEntry } from '../../src/pipeline/schema'
import {
  filterArticles,
  parseSourcesFilter,
  sourcesFilterParams,
} from '../../src/routes/sources-filter'
import { goldenArticleIndex, goldenSummary } from '../mocks/golden'

const parsers = {
  isDistrictId,
  parseEdition: (value: string) => parseEdition(value, goldenSummary.editions),
}
const parse = (query: string) => parseSourcesFilter(new URLSearchParams(query), parsers)

function entry(
  id: string,
  date: string,
  districts: ArticleIndexEntry['districts'],
  edition: number | null,
) {
  return {
    id,
    date,
    title: id,
    district: districts[0] ?? null,
    districts,
    area: null,
    edition,
    warnings: [],
    observations: 1,
  } satisfies ArticleIndexEntry
}

describe('parseSourcesFilter', () => {
  it('reads no parameters as everything, newest first', () => {
    expect(parse('')).toEqual({
      ok: true,
      filter: { district: null, edition: null, order: 'newest' },
    })
  })

  it('treats an empty parameter as no filter', () => {
    expect(parse('district=&edition=&order=')).toEqual(parse(''))
  })

  it('reads a district, an edition and an order', () => {
    expect(parse('district=jingan&edition=6&order=oldest')).toEqual({
      ok: true,
      filter: { district: 'jingan', edition: 6, order: 'oldest' },
    })
  })

  it.each([
    ['district=atlantis', 'district', 'atlantis'],
    ['district=Jingan', 'district', 'Jingan'],
    ['edition=0', 'edition', '0'],
    ['edition=6.0', 'edition', '6.0'],
    ['edition=999', 'edition', '999'],
    ['order=random', 'order', 'random'],
  ])('names the wrong parameter in %s', (query, param, value) => {
    expect(parse(query)).toEqual({ ok: false, param, value })
  })
})

describe('sourcesFilterParams', () => {
  it('leaves defaults out of the URL', () => {
    expect(sourcesFilterParams({ district: null, edition: null, order: 'newest' })).toEqual({
      district: null,
      edition: null,
      order: null,
    })
    expect(sourcesFilterParams({ district: 'pudong', edition: 3, order: 'oldest' })).toEqual({
      district: 'pudong',
      edition: 3,
      order: 'oldest',
    })
  })
})

describe('filterArticles', () => {
  const list = [
    entry('b', '2023-11-09', ['pudong'], 6),
    entry('a', '2023-11-09', ['jingan', 'pudong'], 6),
    entry('c', '2019-11-08', ['yangpu', 'pudong'], 2),
    entry('d', '2024-01-16', [], null),
  ]

  it('sorts by date, newest first, ties by id', () => {
    const all = filterArticles(list, { district: null, edition: null, order: 'newest' })
    expect(all.map((a) => a.id)).toEqual(['d', 'b', 'a', 'c'])
    const oldest = filterArticles(list, { district: null, edition: null, order: 'oldest' })
    expect(oldest.map((a) => a.id)).toEqual(['c', 'a', 'b', 'd'])
  })

  it('keeps every article that names the district, not only its main one', () => {
    const pudong = filterArticles(list, { district: 'pudong', edition: null, order: 'newest' })
    expect(pudong.map((a) => a.id)).toEqual(['b', 'a', 'c'])
  })

  it('combines district and edition', () => {
    const found = filterArticles(list, { district: 'pudong', edition: 2, order: 'newest' })
    expect(found.map((a) => a.id)).toEqual(['c'])
    expect(filterArticles(list, { district: 'jingan', edition: 2, order: 'newest' })).toEqual([])
  })

  it('does not reorder the list it is given', () => {
    const copy = [...goldenArticleIndex.articles]
    filterArticles(goldenArticleIndex.articles, { district: null, edition: null, order: 'newest' })
    expect(goldenArticleIndex.articles).toEqual(copy)
  })
})
