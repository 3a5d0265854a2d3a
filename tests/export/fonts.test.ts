import { describe, expect, it } from 'vitest'
import { CJK_FONTS, withCjkFonts } from '../../src/export/fonts'

describe('withCjkFonts', () => {
  it('adds the Simplified Chinese fonts before the generic fallback', () => {
    expect(withCjkFonts('system-ui, Arial, sans-serif')).toBe(
      "system-ui, Arial, 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif",
    )
  })

  it('keeps fonts the page already names where they are, without repeating them', () => {
    const stack = withCjkFonts(
      `system-ui, "Segoe UI", 'PingFang SC', "Microsoft YaHei", sans-serif`,
    )
    expect(stack).toBe(
      "system-ui, 'Segoe UI', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif",
    )
  })

  it('ends with sans-serif when the page names no generic family', () => {
    const stack = withCjkFonts('Inter')
    expect(stack.startsWith('Inter, ')).toBe(true)
    expect(stack.endsWith(', sans-serif')).toBe(true)
    for (const font of CJK_FONTS) expect(stack).toContain(`'${font}'`)
  })
})
