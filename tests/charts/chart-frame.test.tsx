import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ChartFrame } from '../../src/charts/chart-frame'
import { activateLocale } from '../../src/i18n/i18n'
import type { ChartTable } from '../../src/charts/chart-types'

const table: ChartTable = {
  caption: 'Partners by district, 6th (2023)',
  columns: ['District', 'Partners'],
  rows: [
    { key: 'jingan', cells: ["Jing'an", '80+'] },
    { key: 'pudong', cells: ['Pudong', 'not reported'] },
  ],
}

function renderFrame(extra: Partial<Parameters<typeof ChartFrame>[0]> = {}) {
  return render(
    <ChartFrame
      title="Partners signed"
      subtitle="6th CIIE (2023)"
      caption="As reported in the press."
      table={table}
      actions={<button type="button">Export</button>}
      notes={<p>80+ = more than 80; ⚠ = sources disagree</p>}
      {...extra}
    >
      <svg role="img" aria-label="the chart" />
    </ChartFrame>,
  )
}

describe('ChartFrame', () => {
  it('is a figure named by its title, with subtitle, caption, actions and notes', () => {
    renderFrame({ id: 'partners' })
    const figure = screen.getByRole('figure', { name: 'Partners signed' })
    expect(figure).toHaveAttribute('id', 'partners')
    expect(within(figure).getByRole('heading', { level: 2, name: 'Partners signed' })).toBeVisible()
    expect(within(figure).getByText('6th CIIE (2023)')).toBeVisible()
    expect(within(figure).getByText('As reported in the press.')).toBeVisible()
    expect(within(figure).getByRole('button', { name: 'Export' })).toBeVisible()
    expect(within(figure).getByText('80+ = more than 80; ⚠ = sources disagree')).toBeVisible()
    expect(within(figure).getByRole('img', { name: 'the chart' })).toBeInTheDocument()
  })

  it('uses an h3 when asked', () => {
    renderFrame({ headingLevel: 3 })
    expect(screen.getByRole('heading', { level: 3, name: 'Partners signed' })).toBeVisible()
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull()
  })

  it('swaps the chart for a table of the same data, and back', async () => {
    const user = userEvent.setup()
    renderFrame()
    expect(screen.queryByRole('table')).toBeNull()

    const toggle = screen.getByRole('button', { name: 'Show data as table' })
    await user.click(toggle)
    const tableEl = screen.getByRole('table', { name: 'Partners by district, 6th (2023)' })
    expect(screen.queryByRole('img', { name: 'the chart' })).toBeNull()
    expect(
      within(tableEl)
        .getAllByRole('columnheader')
        .map((c) => c.textContent),
    ).toEqual(['District', 'Partners'])
    expect(within(tableEl).getByRole('rowheader', { name: "Jing'an" })).toBeVisible()
    expect(within(tableEl).getByRole('cell', { name: '80+' })).toBeVisible()
    expect(within(tableEl).getByRole('cell', { name: 'not reported' })).toBeVisible()
    expect(within(tableEl).getAllByRole('row')).toHaveLength(3)

    // The same button, renamed, keeps focus for the way back.
    expect(toggle).toHaveAccessibleName('Show chart')
    expect(toggle).toHaveFocus()
    await user.click(toggle)
    expect(screen.queryByRole('table')).toBeNull()
    expect(screen.getByRole('img', { name: 'the chart' })).toBeInTheDocument()
    expect(toggle).toHaveAccessibleName('Show data as table')
  })

  it('names its table switch in Chinese', async () => {
    activateLocale('zh')
    const user = userEvent.setup()
    renderFrame()
    const toggle = screen.getByRole('button', { name: '以表格显示数据' })
    await user.click(toggle)
    expect(screen.getByRole('table')).toBeVisible()
    expect(toggle).toHaveAccessibleName('显示图表')
  })
})
