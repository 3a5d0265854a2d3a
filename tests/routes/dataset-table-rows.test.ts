import { describe, expect, it } from 'vitest'
import type { Observation } from '../../src/pipeline/schema'
import { buildTableModel, NO_EDITION } from '../../src/routes/dataset-table-rows'
import { goldenCatalog, goldenDataset } from '../mocks/golden'

const noFilters = { district: null, edition: null }

describe('buildTableModel', () => {
  it('gives the same rows whatever order the observations arrive in', () => {
    const reversed = { ...goldenDataset, observations: [...goldenDataset.observations].reverse() }
    const ids = (model: ReturnType<typeof buildTableModel>) => model.rows.map((r) => r.id)
    expect(ids(buildTableModel(goldenCatalog, reversed, noFilters))).toEqual(
      ids(buildTableModel(goldenCatalog, goldenDataset, noFilters)),
    )
  })

  it('offers only districts and editions that have observations, with counts', () => {
    const model = buildTableModel(goldenCatalog, goldenDataset, noFilters)
    const districts = new Set(goldenDataset.observations.map((o) => o.district))
    expect(model.districtOptions.map((o) => o.value).sort()).toEqual([...districts].sort())
    const total = model.editionOptions.reduce((sum, option) => sum + option.count, 0)
    expect(total).toBe(goldenDataset.observations.length)
  })

  it('counts each option given the other filter', () => {
    const [first] = goldenDataset.observations
    if (!first) throw new Error('no observation')
    const model = buildTableModel(goldenCatalog, goldenDataset, {
      district: first.district,
      edition: null,
    })
    const total = model.editionOptions.reduce((sum, option) => sum + option.count, 0)
    expect(total).toBe(model.rows.length)
  })

  it('drops filter values the data does not know', () => {
    const model = buildTableModel(goldenCatalog, goldenDataset, {
      district: 'atlantis',
      edition: '99',
    })
    expect(model.filters).toEqual(noFilters)
    expect(model.rows).toHaveLength(goldenDataset.observations.length)
  })

  it('puts numbers without an edition last and names them in words', () => {
    const [first] = goldenDataset.observations
    if (!first) throw new Error('no observation')
    const observations: Observation[] = [
      { ...first, id: 'x-none', edition: null },
      { ...first, id: 'x-one', edition: 1 },
    ]
    const model = buildTableModel(goldenCatalog, { ...goldenDataset, observations }, noFilters)
    expect(model.rows.map((r) => r.id)).toEqual(['x-one', 'x-none'])
    expect(model.rows[1]?.edition).toBe('Not tied to an edition')
    expect(model.editionOptions.at(-1)?.value).toBe(NO_EDITION)
  })

  it('shows ids missing from the catalog as they are instead of dropping the row', () => {
    const [first] = goldenDataset.observations
    if (!first) throw new Error('no observation')
    const catalog = { ...goldenCatalog, metrics: [], districts: [] }
    const model = buildTableModel(catalog, { ...goldenDataset, observations: [first] }, noFilters)
    expect(model.rows[0]).toMatchObject({ district: first.district, metric: first.metric })
  })
})
