import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { LOCALE_STORAGE_KEY } from '../../src/i18n/locale'
import { goldenSummary } from '../mocks/golden'
import { renderApp } from '../render-app'

const latest = goldenSummary.editions.find(
  (e) => e.edition === Math.max(...goldenSummary.aggregates.map((a) => a.edition)),
)
if (!latest) throw new Error('the golden summary has no edition with figures')

afterEach(() => localStorage.removeItem(LOCALE_STORAGE_KEY))

describe('the language switch in the header', () => {
  it('writes ?lang=zh and shows the page in Chinese, and ?lang=en brings English back', async () => {
    const { user, router } = renderApp('/')
    await screen.findByRole('heading', { level: 1, name: `Districts at the ${latest.en}` })
    const banner = screen.getByRole('banner')
    expect(within(banner).getByRole('link', { name: 'CIIE District Dashboard' })).toBeVisible()

    await user.click(within(banner).getByRole('button', { name: '简体中文' }))
    expect(new URLSearchParams(router.state.location.search).get('lang')).toBe('zh')
    expect(
      await screen.findByRole('heading', { level: 1, name: `${latest.zh}各区情况` }),
    ).toBeVisible()
    const header = within(screen.getByRole('banner'))
    expect(header.getByRole('link', { name: '进博会各区数据看板' })).toBeVisible()
    const nav = within(screen.getByRole('navigation', { name: '主导航' }))
    for (const name of ['概览', '各区对比', '数据来源', '数据分歧', '核查文章', '报告'])
      expect(nav.getByRole('link', { name })).toBeVisible()
    expect(screen.getByRole('link', { name: '跳到正文' })).toHaveAttribute('href', '#main')
    expect(screen.getByRole('contentinfo')).toHaveTextContent('每个数字均摘自新闻报道')
    expect(header.getByRole('button', { name: '简体中文' })).toHaveAttribute('aria-pressed', 'true')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('zh')

    await user.click(header.getByRole('button', { name: 'English' }))
    expect(new URLSearchParams(router.state.location.search).get('lang')).toBe('en')
    expect(
      await screen.findByRole('heading', { level: 1, name: `Districts at the ${latest.en}` }),
    ).toBeVisible()
    expect(screen.getByRole('navigation', { name: 'Main' })).toHaveTextContent('Check an article')
    await waitFor(() => expect(document.documentElement.lang).toBe('en'))
  })

  it('keeps the language in the address of a page reached by a link', async () => {
    const { user, router } = renderApp('/?lang=zh', { locale: 'zh' })
    await screen.findByRole('heading', { level: 1, name: `${latest.zh}各区情况` })
    await user.click(screen.getByRole('link', { name: '数据来源' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/sources'))
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('lang')).toBe('zh'),
    )
  })

  it('shows the not-found page in Chinese', async () => {
    renderApp('/nowhere?lang=zh', { locale: 'zh' })
    expect(await screen.findByRole('heading', { level: 1, name: '未找到页面' })).toBeVisible()
    expect(screen.getByRole('link', { name: '返回概览' })).toHaveAttribute('href', '/')
  })
})
