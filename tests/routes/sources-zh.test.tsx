import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paths } from '../../src/app/paths'
import { goldenArticleIndex, goldenSummary } from '../mocks/golden'
import { renderApp } from '../render-app'

const { articles } = goldenArticleIndex
const district = articles.find((a) => a.district !== null)?.district ?? 'jingan'
const named = articles.filter((a) => a.districts.includes(district))
const zh = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.zh ?? id

describe('the sources page in Chinese', () => {
  it('has Chinese headings, headers and filters, and the articles’ own English titles', async () => {
    const { user } = renderApp(paths.sources(), { locale: 'zh' })

    expect(await screen.findByRole('heading', { level: 1, name: '数据来源' })).toBeVisible()
    await waitFor(() => expect(document.title).toMatch(/^数据来源 · /))
    const table = screen.getByRole('table', { name: `${articles.length} 篇文章，最新在前` })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent?.replace(/[↓↑]/, '')),
    ).toEqual(['日期', '文章', '涉及区', '届次', '数据项数'])
    for (const article of articles)
      expect(within(table).getByRole('link', { name: article.title })).toHaveAttribute('lang', 'en')

    // District names come from the reference data in Chinese.
    const select = screen.getByRole('combobox', { name: '区' })
    expect(within(select).getByRole('option', { name: '全部区' })).toBeInTheDocument()
    await user.selectOptions(select, district)
    expect(
      await screen.findByRole('table', {
        name: `${articles.length} 篇文章中的 ${named.length} 篇，最新在前`,
      }),
    ).toBeVisible()
    expect(within(select).getByRole('option', { selected: true })).toHaveTextContent(
      `${zh(district)} (${named.length})`,
    )
    expect(screen.getByRole('button', { name: '清除筛选' })).toBeVisible()
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1)
    for (const row of rows)
      expect(within(row).getAllByRole('cell')[2]).toHaveTextContent(zh(district))
  })

  it('names an unknown filter value on a Chinese not-found page', async () => {
    renderApp(paths.sources() + '?district=atlantis', { locale: 'zh' })
    expect(await screen.findByRole('heading', { level: 1, name: '未找到该区' })).toBeVisible()
    expect(screen.getByText(/没有名为“atlantis”的区/)).toBeVisible()
  })
})
