import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paths } from '../../src/app/paths'
import { goldenArticle, goldenSummary } from '../mocks/golden'
import { renderApp } from '../render-app'

/** The article of article.test.tsx: a zone, discarded numbers and milestones. */
const ARTICLE_ID = 'fixture-2023-11-09-pudong-lingang-projects'
const detail = goldenArticle(ARTICLE_ID)
const { article } = detail
const zh = (id: string | null) => goldenSummary.districts.find((d) => d.id === id)?.zh ?? ''

describe('the article page in Chinese', () => {
  it('labels everything in Chinese and leaves the article’s words in English', async () => {
    const { user } = renderApp(paths.article(ARTICLE_ID), { locale: 'zh' })

    // The title is the article's own, in English; the page around it is in Chinese.
    const title = await screen.findByRole('heading', { level: 1, name: article.title })
    expect(title).toHaveAttribute('lang', 'en')
    await waitFor(() => expect(document.title).toContain(article.title))
    expect(screen.getByRole('link', { name: '全部来源文章' })).toHaveAttribute(
      'href',
      paths.sources(),
    )
    expect(screen.getByText('发布日期', { selector: 'dt' })).toBeVisible()
    expect(screen.getByText('区', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      zh(article.district),
    )
    const zone = goldenSummary.zones.find((z) => z.id === article.area)
    expect(screen.getByText('片区', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      zone?.zh ?? '',
    )

    // The text, paragraph by paragraph, exactly as the article has it.
    const text = screen.getByRole('region', { name: '文章原文' })
    const paragraphs = [...text.querySelectorAll('.article-text > p')].map((p) =>
      [...p.childNodes].map(visibleText).join(''),
    )
    expect(paragraphs).toEqual(detail.text.split('\n\n'))
    expect(within(text).getByRole('list', { name: '图例' })).toHaveTextContent(
      `已读取 ${detail.observations.length} 项数据`,
    )

    const table = screen.getByRole('table', { name: /按在文中出现的顺序排列/ })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['指标', '数值', '区', '届次', '原文表述'])
    const first = [...detail.observations].sort((a, b) => a.start - b.start)[0]
    expect(
      within(table).getByRole('link', { name: `${first?.text ?? ''}：在原文中显示` }),
    ).toHaveTextContent(`“${first?.text ?? ''}”`)

    // The reasons a number was not counted are the pipeline's words: labelled in Chinese.
    const discarded = detail.discarded[0]
    if (!discarded) throw new Error('the fixture has discarded numbers')
    await user.click(screen.getByText(`未计入数据的数字（${detail.discarded.length} 个）及原因`))
    const item = screen.getByText(`“${discarded.text}”`, {
      selector: '.article-discarded-list__words',
    }).parentElement
    expect(item).toHaveTextContent(`：${discarded.reason}`)
  })
})

/** The words a reader sees: closed tooltips and milestone markers are not. */
function visibleText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
  if (!(node instanceof HTMLElement) || node.hidden) return ''
  if (node.getAttribute('role') === 'img') return ''
  return [...node.childNodes].map(visibleText).join('')
}
