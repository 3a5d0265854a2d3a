import * as v from 'valibot'
import { join } from 'node:path'
import { screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { formatDate } from '../../src/app/format'
import { paths } from '../../src/app/paths'
import { CorrectionsFileSchema } from '../../src/pipeline/corrections'
import { DistrictDetailSchema } from '../../src/pipeline/schema'
import { apiFilesOfFolder, serveApiFiles } from '../mocks/api-files'
import { ROOT } from '../pipeline/corpus'
import { renderApp } from '../render-app'

// The synthetic articles of conflicts.test.tsx (tests/fixtures/conflicts/README.md): Jing'an's
// agreements at the 6th CIIE are given as 31, about 30 and 28 by three articles.
const files = apiFilesOfFolder(join(ROOT, 'tests', 'fixtures', 'conflicts'))
const jingan = v.parse(
  DistrictDetailSchema,
  JSON.parse(files.find((f) => f.path === 'districts/jingan.json')?.contents ?? ''),
)
const agreements = jingan.observations.filter(
  (o) => o.metric === 'agreements_signed' && o.edition === 6 && o.scope === 'ciie',
)
const dateOf = (id: string) => jingan.articles.find((a) => a.id === id)?.date ?? ''

// The first render in a file waits for the lazily loaded view to be compiled.
const FIRST_LOAD = { timeout: 5_000 }

/** The open conflict whose figures include this sentence. */
async function findCellWith(sentence: string) {
  const quote = await screen.findByText(
    (_, element) => element?.tagName === 'BLOCKQUOTE' && element.textContent === sentence,
    {},
    FIRST_LOAD,
  )
  const cell = quote.closest('article')
  if (!cell) throw new Error('no cell around the sentence')
  return cell
}

describe('the conflicts page in Chinese', () => {
  beforeEach(() => serveApiFiles(files))

  it('explains the conflict in Chinese beside the articles’ English sentences', async () => {
    renderApp(paths.conflicts(), { locale: 'zh' })

    expect(
      await screen.findByRole('heading', { level: 1, name: '数据分歧' }, FIRST_LOAD),
    ).toBeVisible()
    await waitFor(() => expect(document.title).toMatch(/^数据分歧 · /))
    expect(screen.getByRole('heading', { level: 2, name: '未解决的分歧 (2)' })).toBeVisible()
    expect(screen.getByRole('combobox', { name: '区' })).toHaveDisplayValue('全部区')

    const [first] = agreements
    if (!first) throw new Error('the fixture has the figures')
    const cell = await findCellWith(first.sentence)
    expect(cell).toHaveTextContent('来源不一致')
    expect(cell).toHaveTextContent('此项共有 3 项数据，来自 3 篇文章。')
    const figures = within(within(cell).getByRole('list', { name: '3 项数据' })).getAllByRole(
      'listitem',
    )
    // The sentences stay the articles' own words.
    expect(figures.map((item) => within(item).getByRole('blockquote').textContent).sort()).toEqual(
      agreements.map((o) => o.sentence).sort(),
    )
    expect(within(figures[0] as HTMLElement).getByText('仪表盘显示此值')).toBeVisible()
    expect(
      within(figures[0] as HTMLElement).getByRole('link', { name: /在原文中查看/ }),
    ).toBeVisible()
  })

  it('writes reject entries in the file’s format, with the reason as typed', async () => {
    const { user } = renderApp(paths.conflicts(), { locale: 'zh' })
    const kept = agreements.find((o) => o.text === '28')
    if (!kept) throw new Error('the fixture has 28')
    const cell = await findCellWith(kept.sentence)
    await user.click(
      within(cell).getByRole('button', {
        name: `保留此项 (28, ${formatDate(dateOf(kept.article))})`,
      }),
    )
    const panel = within(cell).getByRole('region', { name: /^保留 .*28$/ })
    expect(panel).toHaveTextContent('这将否决给出其他数字的 2 项数据：')
    await user.click(within(panel).getByRole('button', { name: '生成更正条目' }))
    expect(within(panel).getByText(/请填写原因/)).toBeVisible()

    await user.type(
      within(panel).getByLabelText('为什么 28 是正确的数字？（必填）'),
      '区政府通报为28项',
    )
    await user.click(within(panel).getByRole('button', { name: '生成更正条目' }))
    const output = within(panel).getByRole('region', { name: '2 条更正' })
    const file = v.parse(
      CorrectionsFileSchema,
      JSON.parse(output.querySelector('pre')?.textContent ?? ''),
    )
    expect(file.corrections.map((c) => [c.action, c.number, c.reason])).toEqual([
      ['reject', '31', '区政府通报为28项'],
      ['reject', 'about 30', '区政府通报为28项'],
    ])
    for (const name of ['复制', '下载更正文件', '修改原因'])
      expect(within(output).getByRole('button', { name })).toBeVisible()
  })
})
