import { describe, expect, it } from 'vitest'
import { exportFileName, slug } from '../../src/export/file-name'

describe('exportFileName', () => {
  it('says what is inside', () => {
    expect(
      exportFileName({
        edition: { edition: 6, year: 2023 },
        metric: 'Agreements signed',
        view: 'by-district',
        extension: 'png',
      }),
    ).toBe('ciie-6th-2023_agreements-signed_by-district.png')
  })

  it('names the districts of a comparison in order, without apostrophes', () => {
    expect(
      exportFileName({
        edition: { edition: 8, year: 2025 },
        metric: 'partners',
        districts: ["Jing'an", 'Qingpu'],
        view: 'compare',
        extension: 'csv',
      }),
    ).toBe('ciie-8th-2025_partners_jingan-qingpu_compare.csv')
  })

  it('keeps to safe characters whatever the label', () => {
    expect(slug('Floor area (m²) / 面积')).toBe('floor-area-m2')
    expect(slug('面积')).toBe('chart')
    expect(exportFileName({ view: 'coverage', extension: 'svg' })).toBe('ciie_coverage.svg')
  })
})
