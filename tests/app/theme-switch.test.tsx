import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { THEME_STORAGE_KEY } from '../../src/app/theme'
import { renderApp } from '../render-app'

afterEach(() => {
  localStorage.clear()
  document.documentElement.removeAttribute('data-theme')
})

const root = document.documentElement

/**
 * The switch's group, looked up afresh each time: the app may be drawn again from the top
 * (LocaleRoot) after the first render, which would leave an element found earlier detached.
 */
async function themeSwitch(name: string) {
  await screen.findByRole('heading', { level: 1 })
  return within(await screen.findByRole('group', { name }))
}

async function themeButton(name: string, group = 'Colour theme') {
  return (await themeSwitch(group)).getByRole('button', { name })
}

describe('the theme switch', () => {
  it('follows the system until the reader chooses, and remembers the choice', async () => {
    const { user } = renderApp('/sources')
    expect(await themeButton('System')).toHaveAttribute('aria-pressed', 'true')
    expect(root).not.toHaveAttribute('data-theme')

    await user.click(await themeButton('Dark'))
    expect(await themeButton('Dark')).toHaveAttribute('aria-pressed', 'true')
    expect(await themeButton('System')).toHaveAttribute('aria-pressed', 'false')
    expect(root).toHaveAttribute('data-theme', 'dark')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark')

    await user.click(await themeButton('Light'))
    expect(await themeButton('Light')).toHaveAttribute('aria-pressed', 'true')
    expect(root).toHaveAttribute('data-theme', 'light')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light')

    await user.click(await themeButton('System'))
    expect(await themeButton('System')).toHaveAttribute('aria-pressed', 'true')
    expect(root).not.toHaveAttribute('data-theme')
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBeNull()
  })

  it('shows the choice remembered from an earlier visit', async () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'dark')
    renderApp('/sources')
    expect(await themeButton('Dark')).toHaveAttribute('aria-pressed', 'true')
  })

  it('follows a choice made in another tab', async () => {
    renderApp('/sources')
    await themeSwitch('Colour theme')
    localStorage.setItem(THEME_STORAGE_KEY, 'light')
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'light' }),
      )
    })
    await waitFor(async () =>
      expect(await themeButton('Light')).toHaveAttribute('aria-pressed', 'true'),
    )
    expect(root).toHaveAttribute('data-theme', 'light')
  })

  it('speaks Chinese in Chinese', async () => {
    const { user } = renderApp('/sources', { locale: 'zh' })
    const group = await themeSwitch('颜色主题')
    expect(group.getAllByRole('button').map((button) => button.textContent)).toEqual([
      '跟随系统',
      '浅色',
      '深色',
    ])
    await user.click(await themeButton('深色', '颜色主题'))
    expect(root).toHaveAttribute('data-theme', 'dark')
  })
})
