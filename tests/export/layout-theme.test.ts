import { describe, expect, it } from 'vitest'
import { COLORS, luminance, textColorOn, themeFor } from '../../src/export/layout/theme'

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05)
}

describe('theme', () => {
  it('keeps text and muted text readable on white (WCAG AA, 4.5:1)', () => {
    expect(contrast(COLORS.text, COLORS.background)).toBeGreaterThan(15)
    expect(contrast(COLORS.muted, COLORS.background)).toBeGreaterThanOrEqual(4.5)
  })

  it('writes white on dark bars and dark text on light ones', () => {
    expect(textColorOn('#0b3a6e')).toBe('#ffffff')
    expect(textColorOn('#1f77b4')).toBe('#ffffff')
    expect(textColorOn('#ccbb44')).toBe('#1a1a1a')
    expect(textColorOn('#e8f0f8')).toBe('#1a1a1a')
  })

  it('sets the title near 22 px on a slide and an A4 page, and scales type modestly', () => {
    expect(themeFor(960).title).toBeGreaterThanOrEqual(21)
    expect(themeFor(960).title).toBeLessThanOrEqual(24)
    expect(themeFor(794).title).toBeGreaterThanOrEqual(20)
    expect(themeFor(794).title).toBeLessThanOrEqual(23)
    expect(themeFor(320).title).toBeGreaterThanOrEqual(17)
    expect(themeFor(1600).title).toBeLessThanOrEqual(27)
  })

  it('tightens the frame at higher densities but never the chart type below 9 px', () => {
    const [normal, tight, tightest] = [0, 1, 2].map((d) => themeFor(540, d))
    expect(tight?.title).toBeLessThan(normal?.title ?? 0)
    expect(tightest?.margin).toBeLessThan(normal?.margin ?? 0)
    for (const theme of [normal, tight, tightest]) expect(theme?.chart).toBeGreaterThanOrEqual(9)
  })
})
