import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as v from 'valibot'
import {
  DistrictIdSchema,
  MetricKeySchema,
  QualifierSchema,
  ScopeSchema,
  UnitSchema,
  type Observation,
} from '../../src/pipeline/schema'
import { splitSentences } from '../../src/pipeline/sentences'
import { FIXTURE_ARTICLES, ROOT, datasetOf, readArticles } from './corpus'

const ExpectedSchema = v.object({
  fixtures: v.record(
    v.string(),
    v.object({
      district: DistrictIdSchema,
      edition: v.nullable(v.number()),
      observations: v.array(
        v.object({
          metric: MetricKeySchema,
          value: v.number(),
          unit: UnitSchema,
          qualifier: QualifierSchema,
          district: DistrictIdSchema,
          edition: v.nullable(v.number()),
          scope: ScopeSchema,
          area: v.optional(v.nullable(v.string())),
          text: v.optional(v.string()),
        }),
      ),
      notCiie: v.array(v.number()),
      sentences: v.optional(v.number()),
    }),
  ),
})

// Expected figures, written by hand for the fixture articles (tests/fixtures/expectations.json).
const expected = v.parse(
  ExpectedSchema,
  JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'expectations.json'), 'utf8')),
).fixtures
const dataset = datasetOf(FIXTURE_ARTICLES)
const articles = readArticles(FIXTURE_ARTICLES)

describe.each(Object.entries(expected))('fixture %s', (id, fixture) => {
  const summary = dataset.articles.find((article) => article.id === id)
  const observations = dataset.observations.filter((observation) => observation.article === id)

  it('is read, with its main district and edition', () => {
    expect(summary).toMatchObject({ district: fixture.district, edition: fixture.edition })
  })

  it.each(fixture.observations.map((item) => [`${item.metric} ${item.value}`, item] as const))(
    'yields %s with its unit, qualifier, district, edition and scope',
    (_label, item) => {
      const match = observations.find(
        (observation: Observation) =>
          observation.value === item.value &&
          observation.metric === item.metric &&
          (item.text === undefined || observation.text.includes(item.text)),
      )
      expect(match, `no ${item.metric} of ${item.value} in ${id}`).toBeDefined()
      expect(match).toMatchObject({
        unit: item.unit,
        qualifier: item.qualifier,
        district: item.district,
        edition: item.edition,
        scope: item.scope,
        ...(item.area !== undefined ? { area: item.area } : {}),
      })
    },
  )

  it('keeps its traps out of the district CIIE figures', () => {
    const ciieValues = observations
      .filter((observation) => observation.scope === 'ciie')
      .map((o) => o.value)
    for (const trap of fixture.notCiie) expect(ciieValues, `trap ${trap}`).not.toContain(trap)
  })

  it('reports no CIIE figure the expectations do not list', () => {
    const extra = observations.filter(
      (observation) =>
        observation.scope === 'ciie' &&
        !fixture.observations.some(
          (item) => item.value === observation.value && item.metric === observation.metric,
        ),
    )
    expect(
      extra.map(
        (observation) => `${observation.metric} ${observation.value} "${observation.text}"`,
      ),
    ).toEqual([])
  })

  it.runIf(fixture.sentences !== undefined)(
    'splits into the expected number of distinct sentences',
    () => {
      const article = articles.find((candidate) => candidate.id === id)
      if (!article) throw new Error(`fixture ${id} was not read`)
      const distinct = splitSentences(article).filter((sentence) => !sentence.duplicate)
      expect(distinct).toHaveLength(fixture.sentences ?? -1)
    },
  )
})

it('has an expectation for every fixture article', () => {
  expect(dataset.articles.map((article) => article.id).sort()).toEqual(Object.keys(expected).sort())
})
