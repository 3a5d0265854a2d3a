import { describe, expect, it } from 'vitest'
import { contrastRatio, parseHexColor, relativeLuminance } from '../../src/charts/contrast'
import { DISTRICT_COLORS, districtColor } from '../../src/charts/district-colors'
import { DISTRICT_IDS } from '../../src/pipeline/schema'

describe('contrast', () => {
  it('gives the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5)
    // #767676 is the lightest grey with 4.5:1 on white; #777777 just misses it.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5)
    expect(relativeLuminance('#fff')).toBeCloseTo(1, 5)
  })

  it('refuses what is not a hex colour', () => {
    expect(() => parseHexColor('red')).toThrow('Not a #rrggbb colour')
    expect(parseHexColor('#0b3a6e')).toEqual([11, 58, 110])
  })
})

describe('district colours', () => {
  it('has one colour for each of the 16 districts', () => {
    expect(Object.keys(DISTRICT_COLORS).sort()).toEqual([...DISTRICT_IDS].sort())
    for (const id of DISTRICT_IDS) expect(districtColor(id)).toBe(DISTRICT_COLORS[id])
  })

  it('gives every district a different colour', () => {
    const colors = DISTRICT_IDS.map((id) => districtColor(id).toLowerCase())
    expect(new Set(colors).size).toBe(16)
  })

  it.each(DISTRICT_IDS)('draws %s with at least 3:1 contrast against white', (id) => {
    expect(contrastRatio(districtColor(id), '#ffffff')).toBeGreaterThanOrEqual(3)
  })

  it('keeps the colours apart: no two are nearly the same', () => {
    // Euclidean distance in sRGB as a coarse floor; the palette's comment gives the CIEDE2000 figures.
    const rgb = DISTRICT_IDS.map((id) => parseHexColor(districtColor(id)))
    for (let i = 0; i < rgb.length; i++) {
      for (let j = i + 1; j < rgb.length; j++) {
        const a = rgb[i]
        const b = rgb[j]
        if (!a || !b) throw new Error('missing colour')
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
        expect(distance, `${DISTRICT_IDS[i]} vs ${DISTRICT_IDS[j]}`).toBeGreaterThan(40)
      }
    }
  })
})
