import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  THEME_STORAGE_KEY,
  applyTheme,
  parseThemeChoice,
  readStoredTheme,
  storeTheme,
} from '../../src/app/theme'

afterEach(() => {
  localStorage.clear()
  document.documentElement.removeAttribute('data-theme')
})

describe('the theme choice', () => {
  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    [null, 'system'],
    [undefined, 'system'],
    ['', 'system'],
    ['Dark', 'system'],
    ['sepia', 'system'],
  ] as const)('reads %j as %s', (value, choice) => {
    expect(parseThemeChoice(value)).toBe(choice)
  })

  it('remembers light and dark, and forgets the choice for "system"', () => {
    expect(readStoredTheme()).toBe('system')
    storeTheme('dark')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark')
    expect(readStoredTheme()).toBe('dark')
    storeTheme('light')
    expect(readStoredTheme()).toBe('light')
    storeTheme('system')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull()
    expect(readStoredTheme()).toBe('system')
  })

  it('follows the system when a stored value is damaged', () => {
    localStorage.setItem(THEME_STORAGE_KEY, '{"theme":"dark"}')
    expect(readStoredTheme()).toBe('system')
  })

  it('follows the system, and does not throw, when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    expect(readStoredTheme()).toBe('system')
    expect(() => storeTheme('dark')).not.toThrow()
  })

  it('writes an explicit choice into <html data-theme> and removes it for "system"', () => {
    const root = document.documentElement
    applyTheme('dark')
    expect(root.getAttribute('data-theme')).toBe('dark')
    applyTheme('light')
    expect(root.getAttribute('data-theme')).toBe('light')
    applyTheme('system')
    expect(root.hasAttribute('data-theme')).toBe(false)
  })
})
