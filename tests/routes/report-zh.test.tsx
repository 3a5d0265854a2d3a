import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { paths } from '../../src/app/paths'
import { addToReport, resetReportCache } from '../../src/export/report-store'
import { barsSpec, panelsSpec } from '../fixtures/figure-specs'
import { renderApp } from '../render-app'

beforeEach(() => {
  localStorage.clear()
  resetReportCache()
  // jsdom has no canvas and says so on the console; the layout then measures text by estimate.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  localStorage.clear()
  resetReportCache()
})

describe('the report page in Chinese', () => {
  it('has Chinese headings, buttons and notes around the figures', async () => {
    const bars = barsSpec()
    const panels = panelsSpec()
    addToReport(bars)
    addToReport(panels)
    const { user } = renderApp(paths.report(), { locale: 'zh' })

    expect(await screen.findByRole('heading', { level: 1, name: '报告' })).toBeVisible()
    for (const name of ['打印', '全部下载', '清空报告'])
      expect(screen.getByRole('button', { name })).toBeVisible()
    const [first] = screen.getAllByRole('figure')
    if (!first) throw new Error('no figure')
    const heading = within(first).getByRole('heading', { level: 2 })
    expect(heading).toHaveTextContent(/^图 1：/)
    expect(heading).toHaveTextContent(bars.title)
    expect(within(first).getByRole('button', { name: `下移：${bars.title}` })).toBeEnabled()
    expect(within(first).getByLabelText('图 1 的说明')).toBeVisible()

    await user.click(screen.getByRole('button', { name: '清空报告' }))
    expect(screen.getByText('从报告中移除全部 2 张图表及其说明？此操作无法撤销。')).toBeVisible()
    await user.click(screen.getByRole('button', { name: '确定清空报告' }))
    expect(await screen.findByText('报告为空')).toBeVisible()
    expect(screen.getByRole('link', { name: '前往总览' })).toBeVisible()
  })
})
