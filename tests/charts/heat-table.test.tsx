import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { contrastRatio, textColorOn } from '../../src/charts/contrast'
import { HEAT_SHADES, HeatTable, heatShade } from '../../src/charts/heat-table'
import { chartValue } from './chart-values'

const rows = [
  { key: 'jingan', label: "Jing'an" },
  { key: 'pudong', label: 'Pudong' },
]
const columns = [
  { key: '5', label: '5th (2022)' },
  { key: '6', label: '6th (2023)' },
]
const cells: Record<string, ReturnType<typeof chartValue>> = {
  'jingan|5': chartValue({ key: 'jingan|5', label: "Jing'an", value: 10 }),
  'jingan|6': chartValue({ key: 'jingan|6', label: "Jing'an", value: 80, display: '80+' }),
  'pudong|5': chartValue({ key: 'pudong|5', label: 'Pudong', value: null }),
  'pudong|6': chartValue({ key: 'pudong|6', label: 'Pudong', value: 45, conflict: true }),
}
const cell = (row: string, column: string) =>
  cells[`${row}|${column}`] ?? chartValue({ key: `${row}|${column}`, label: row, value: null })

function renderTable(onSelect?: (key: string) => void) {
  return render(
    <HeatTable
      caption="Partners by district and edition"
      rows={rows}
      columns={columns}
      cell={cell}
      onSelect={onSelect}
    />,
  )
}

describe('HeatTable', () => {
  it('is a table with its caption, editions as columns and districts as rows', () => {
    renderTable()
    const table = screen.getByRole('table', { name: 'Partners by district and edition' })
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['5th (2022)', '6th (2023)'])
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(["Jing'an", 'Pudong'])
  })

  it('makes a button of each reported cell, showing the value as reported', () => {
    renderTable(() => {})
    const buttons = screen.getAllByRole('button')
    expect(buttons).toHaveLength(3)
    const eighty = screen.getByRole('button', {
      name: "Jing'an, Partners: 80+. Open the evidence.",
    })
    expect(eighty).toHaveTextContent('80+')
  })

  it('shows "—" for a value not reported, says "not reported", and is not a button', () => {
    renderTable(() => {})
    const pudongRow = screen.getByRole('rowheader', { name: 'Pudong' }).closest('tr')
    if (!pudongRow) throw new Error('no Pudong row')
    const [missing] = within(pudongRow).getAllByRole('cell')
    if (!missing) throw new Error('no cell')
    expect(missing).toHaveTextContent('—')
    expect(missing).toHaveTextContent('not reported')
    expect(within(missing).queryByRole('button')).toBeNull()
  })

  it('marks a conflict with ⚠ and the words "sources disagree"', () => {
    renderTable(() => {})
    const conflicted = screen.getByRole('button', { name: /Pudong, Partners: 45/ })
    expect(conflicted).toHaveTextContent('45 ⚠ sources disagree')
  })

  it('opens the evidence of a cell on click', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    renderTable(onSelect)
    await user.click(screen.getByRole('button', { name: /Jing'an, Partners: 10/ }))
    expect(onSelect).toHaveBeenCalledWith('jingan|5')
  })

  it('is one Tab stop: the arrow keys move along editions and across districts, Enter opens', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    renderTable(onSelect)
    const button = (name: RegExp) => screen.getByRole('button', { name })
    expect(screen.getAllByRole('button').filter((b) => b.tabIndex === 0)).toEqual([
      button(/Jing'an, Partners: 10/),
    ])
    await user.tab()
    await user.tab()
    expect(button(/Jing'an, Partners: 10/)).toHaveFocus()
    await user.keyboard('{End}')
    expect(button(/Jing'an, Partners: 80\+/)).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(button(/Pudong/)).toHaveFocus()
    // The cell left of Pudong's 6th was not reported: focus stays.
    await user.keyboard('{ArrowLeft}')
    expect(button(/Pudong/)).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenLastCalledWith('pudong|6')
    await user.keyboard('{Control>}{Home}{/Control}')
    expect(button(/Jing'an, Partners: 10/)).toHaveFocus()
    // The stop follows focus: Tab away and back returns to the last cell focused.
    expect(button(/Jing'an, Partners: 10/)).toHaveAttribute('tabindex', '0')
    expect(button(/Pudong/)).toHaveAttribute('tabindex', '-1')
  })

  it('shades larger values darker, relative to the largest in the table', () => {
    renderTable(() => {})
    const background = (name: RegExp) => screen.getByRole('button', { name }).style.backgroundColor
    const largest = background(/80\+/)
    const smallest = background(/Partners: 10\./)
    expect(largest).not.toBe(smallest)
    expect(heatShade(80, 80)).toBe(HEAT_SHADES[4])
    expect(heatShade(10, 80)).toBe(HEAT_SHADES[0])
    expect(heatShade(45, 80)).toBe(HEAT_SHADES[2])
    expect(heatShade(0, 80)).toBe(HEAT_SHADES[0])
  })

  it.each(HEAT_SHADES)('keeps text on shade %s at 4.5:1 or more', (shade) => {
    expect(contrastRatio(textColorOn(shade), shade)).toBeGreaterThanOrEqual(4.5)
  })

  it('makes no buttons when nothing can be opened', () => {
    renderTable()
    expect(screen.queryAllByRole('button')).toHaveLength(0)
    expect(screen.getByText('80+')).toBeInTheDocument()
  })
})
