import { describe, expect, it } from 'vitest'
import { BUNDLED_ARTICLES, datasetOf } from './corpus'

// What the two bundled articles must give (the product's acceptance figures).
const dataset = datasetOf(BUNDLED_ARTICLES)
const figures = (district: string) =>
  dataset.observations.filter(
    (observation) => observation.district === district && observation.scope === 'ciie',
  )

describe('the bundled articles', () => {
  it.each([
    ['qingpu', 'partners', 26, 'exact', 'count'],
    ['qingpu', 'experts_appointed', 14, 'exact', 'count'],
    ['qingpu', 'projects_signed', 30, 'exact', 'count'],
    ['qingpu', 'floor_area', 100000, 'more_than', 'sqm'],
    ['jingan', 'enterprises_attending', 80, 'more_than', 'count'],
    ['jingan', 'event_attendance', 400, 'more_than', 'count'],
    ['jingan', 'agreements_signed', 28, 'exact', 'count'],
  ])('give %s %s = %s (%s %s) for the 6th CIIE', (district, metric, value, qualifier, unit) => {
    const found = figures(district).filter((observation) => observation.metric === metric)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ value, qualifier, unit, edition: 6 })
  })

  it('place the West Hongqiao figures in their zone', () => {
    expect(figures('qingpu').map((observation) => observation.area)).toEqual(
      Array(4).fill('west-hongqiao'),
    )
  })

  // Each trap by its value and the words around it: "Fourteen" experts is a figure, the 14th
  // Five-Year Plan is not.
  it.each([
    [2023, 'The 2023 West Hongqiao'],
    [366, '366 outlets'],
    [60, '60 cities'],
    [18, 'in 18 years'],
    [6, 'for six years'],
    [14, '14th Five-Year Plan'],
    [4, 'four leading industry clusters'],
    [2005, 'in 2005'],
    [400, '400-square-meter exhibition space'],
  ])('never give %s ("%s") as a district CIIE figure', (value, words) => {
    const wrong = dataset.observations.filter(
      (observation) =>
        observation.value === value &&
        observation.scope === 'ciie' &&
        observation.sentence.includes(words),
    )
    expect(wrong).toEqual([])
  })

  it('keep the one 400 that is a CIIE figure as event attendance, and Muji’s 400 m² as the company’s', () => {
    const fours = dataset.observations.filter((observation) => observation.value === 400)
    expect(fours.map((observation) => [observation.metric, observation.scope]).sort()).toEqual([
      ['event_attendance', 'ciie'],
      ['floor_area', 'company'],
    ])
  })

  it('quote the exact sentence each figure came from', () => {
    const partners = dataset.observations.find((observation) => observation.metric === 'partners')
    expect(partners?.sentence).toBe(
      'During the event, a global industry partnership plan for West Hongqiao was released, with 26 partners such as the Shanghai Convention & Exhibition Industries Association, Jones Lang LaSalle, or JLL, and Ernst & Young signing up.',
    )
  })

  it('count the repeated paragraph once', () => {
    // The conference paragraph stands twice in the article; its year is read once.
    const years = dataset.discarded.filter(
      (item) => item.text === '2023' && item.article.includes('west-hongqiao'),
    )
    expect(years).toHaveLength(1)
  })

  it('record the milestones that tie Jing’an to earlier editions', () => {
    const editions = dataset.milestones
      .filter((milestone) => milestone.district === 'jingan')
      .map((m) => m.edition)
    expect(new Set(editions)).toEqual(new Set([2, 3, 4, 5, 6]))
  })

  it('record the named partners and enterprises', () => {
    const names = dataset.organisations.map(
      (organisation) => `${organisation.role}:${organisation.name}`,
    )
    expect(names).toEqual(
      expect.arrayContaining([
        'partner:Jones Lang LaSalle',
        'partner:Ernst & Young',
        'enterprise:Midea Group',
        'enterprise:AstraZeneca',
      ]),
    )
  })
})
