import * as v from 'valibot'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paths } from '../../src/app/paths'
import { CorrectionsFileSchema } from '../../src/pipeline/corrections'
import { catchDownloads } from '../mocks/downloads'
import { renderApp } from '../render-app'

/** The synthetic fixture of analyze.test.tsx (tests/fixtures/analyze/README.md), with its date line. */
const FIXTURE_NAME = 'fixture-2024-11-07-fengxian-beauty-valley.txt'
const FIXTURE = readFileSync(join(import.meta.dirname, '../fixtures/analyze', FIXTURE_NAME), 'utf8')
const SENTENCE_35 =
  "More than 64 partners joined the district's cosmetics trade alliance during the seventh CIIE, up from 35 at the sixth."

const downloads = catchDownloads()

describe('the analyze page in Chinese', () => {
  it('shows its steps, table and buttons in Chinese and the article’s sentences in English', async () => {
    const { user } = renderApp(paths.analyze(), { locale: 'zh' })
    expect(await screen.findByRole('heading', { level: 1, name: '核查文章' })).toBeVisible()
    await waitFor(() => expect(document.title).toMatch(/^核查文章 · /))
    expect(screen.getByRole('heading', { level: 2, name: '1. 文章' })).toBeVisible()

    await user.click(screen.getByLabelText('文章文本'))
    await user.paste(FIXTURE)
    await user.click(screen.getByRole('button', { name: '分析' }))

    expect(await screen.findByRole('heading', { name: '2. 仪表盘读取的内容' })).toBeVisible()
    expect(screen.getByRole('heading', { name: '3. 您的更正（0 条）' })).toBeVisible()
    expect(screen.getByRole('heading', { name: '4. 保存文章和您的更正' })).toBeVisible()
    const table = screen.getByRole('table', { name: /按在文中出现的顺序排列/ })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['指标', '数值', '区', '届次', '原文表述', '核查'])
    expect(screen.getByRole('button', { name: '下载文章文件' })).toBeVisible()
    expect(screen.getByRole('button', { name: '下载更正文件' })).toBeVisible()

    // The sentence is the article's own words, untouched; what was read beside it is in Chinese.
    const sentences = document.querySelector('.analyze-sentences')
    const sentence = [...(sentences?.querySelectorAll('li') ?? [])].find((li) =>
      li.textContent?.includes('cosmetics trade alliance'),
    )
    const words = [...(sentence?.querySelectorAll('[lang="en"]') ?? [])]
      .map((part) => part.textContent)
      .join('')
    expect(words).toBe(SENTENCE_35)
    expect(sentence?.querySelector('.analyze-note')?.textContent).toMatch(/进博会/)
  })

  it('writes a correction in the file’s own format, with the reason as typed', async () => {
    const { user } = renderApp(paths.analyze(), { locale: 'zh' })
    await screen.findByRole('heading', { level: 1, name: '核查文章' })
    await user.click(screen.getByLabelText('文章文本'))
    await user.paste(FIXTURE)
    await user.click(screen.getByRole('button', { name: '分析' }))
    await screen.findByRole('heading', { name: '2. 仪表盘读取的内容' })

    const list = document.querySelector('.analyze-sentences') as HTMLElement
    await user.click(within(list).getByRole('button', { name: '35' }))
    const dialog = await screen.findByRole('dialog', { name: '更正“35”' })
    expect(within(dialog).getByRole('group', { name: '如何处理该数字？' })).toBeVisible()
    await user.click(within(dialog).getByLabelText('否决：这不是数据'))
    await user.type(within(dialog).getByLabelText('原因（必填）'), '这是第六届的数字')
    await user.click(within(dialog).getByRole('button', { name: '否决该数字' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

    expect(screen.getByRole('heading', { name: '3. 您的更正（1 条）' })).toBeVisible()
    expect(screen.getByText('已否决“35”：不是数据')).toBeVisible()
    await user.click(screen.getByRole('button', { name: '下载更正文件' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    const [download] = downloads
    if (!download) throw new Error('no download')
    const file = v.parse(CorrectionsFileSchema, JSON.parse(await download.blob.text()))
    expect(file.corrections).toEqual([
      expect.objectContaining({
        action: 'reject',
        sentence: SENTENCE_35,
        number: '35',
        reason: '这是第六届的数字',
      }),
    ])
    expect(document.querySelector('.analyze-save-message')).toHaveTextContent(
      `已下载 ${download.name}。`,
    )
  })
})
