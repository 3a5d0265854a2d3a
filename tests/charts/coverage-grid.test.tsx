import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { CoverageGrid } from '../../src/charts/coverage-grid'

const rows = [
  { key: 'jingan', label: "Jing'an" },
  { key: 'pudong', label: 'Pudong' },
]
const columns = [
  { key: '5', label: '5th (2022)' },
  { key: '6', label: '6th (2023)' },
]
const counts: Record<string, number> = {
  'jingan|5': 5,
  'jingan|6': 16,
  'pudong|5': 0,
  'pudong|6': 1,
}
const cell = (row: string, column: string) => {
  const count = counts[`${row}|${column}`] ?? 0
  return { count, total: 16, description: `${row} ${column}: ${count} of 16 metrics reported` }
}

describe('CoverageGrid', () => {
  it('shows how many metrics are reported in each cell, "5 of 16"', () => {
    render(<CoverageGrid caption="What is reported" rows={rows} columns={columns} cell={cell} />)
    const table = screen.getByRole('table', { name: 'What is reported' })
    const jingan = screen.getByRole('rowheader', { name: "Jing'an" }).closest('tr')
    if (!jingan) throw new Error('no row')
    expect(
      within(jingan)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['5 of 16', '16 of 16'])
    expect(within(table).getAllByRole('columnheader')).toHaveLength(2)
  })

  it('says "none" for an empty cell and does not make it a button', () => {
    render(
      <CoverageGrid
        caption="What is reported"
        rows={rows}
        columns={columns}
        cell={cell}
        onSelect={() => {}}
      />,
    )
    const pudong = screen.getByRole('rowheader', { name: 'Pudong' }).closest('tr')
    if (!pudong) throw new Error('no row')
    const [empty, one] = within(pudong).getAllByRole('cell')
    if (!empty || !one) throw new Error('missing cells')
    expect(empty).toHaveTextContent('·')
    expect(empty).toHaveTextContent('none')
    expect(within(empty).queryByRole('button')).toBeNull()
    expect(
      within(one).getByRole('button', { name: 'pudong 6: 1 of 16 metrics reported' }),
    ).toBeVisible()
    expect(screen.getAllByRole('button')).toHaveLength(3)
  })

  it('opens a cell with its row and column', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    render(
      <CoverageGrid
        caption="What is reported"
        rows={rows}
        columns={columns}
        cell={cell}
        onSelect={onSelect}
      />,
    )
    await user.click(screen.getByRole('button', { name: /jingan 6/ }))
    expect(onSelect).toHaveBeenCalledWith('jingan', '6')
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByRole('button', { name: /jingan 5/ })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenLastCalledWith('jingan', '5')
  })

  it('is one Tab stop, with the arrow keys across columns and down rows past empty cells', async () => {
    const user = userEvent.setup()
    render(
      <>
        <CoverageGrid
          caption="What is reported"
          rows={rows}
          columns={columns}
          cell={cell}
          onSelect={() => {}}
        />
        <button type="button">after</button>
      </>,
    )
    await user.tab()
    expect(screen.getByRole('region', { name: 'What is reported' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: /jingan 5/ })).toHaveFocus()
    // Pudong has nothing at the 5th: Down stays, Right then Down reaches Pudong's 6th.
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('button', { name: /jingan 5/ })).toHaveFocus()
    await user.keyboard('{ArrowRight}{ArrowDown}')
    expect(screen.getByRole('button', { name: /pudong 6/ })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus()
  })
})
