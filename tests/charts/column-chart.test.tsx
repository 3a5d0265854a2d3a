import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ColumnChart } from '../../src/charts/column-chart'
import { EDITIONS, chartValue } from './chart-values'

const byEdition = EDITIONS.map((edition, index) =>
  chartValue({
    key: `jingan|${edition.key}|partners`,
    label: edition.label,
    value: index === 3 ? null : (index + 1) * 10,
    display: index === 5 ? '80+' : undefined,
    conflict: index === 6,
  }),
)

function chart() {
  return screen.getByRole('group', { name: "Jing'an: partners by edition" })
}

describe('ColumnChart', () => {
  it('draws no column for a value that was not reported, and says so', () => {
    render(<ColumnChart values={byEdition} width={720} ariaLabel="Jing'an: partners by edition" />)
    const columns = within(chart()).getAllByRole('img')
    expect(columns).toHaveLength(7)
    expect(columns.map((c) => c.getAttribute('data-key'))).not.toContain('jingan|4|partners')
    expect(within(chart()).getByText('not reported')).toHaveAttribute(
      'data-key',
      'jingan|4|partners',
    )
  })

  it('labels a column with the value as reported ("80+")', () => {
    render(<ColumnChart values={byEdition} width={720} ariaLabel="Jing'an: partners by edition" />)
    const sixth = within(chart()).getByRole('img', { name: /6th \(2023\)/ })
    expect(sixth).toHaveTextContent('80+')
    const seventh = within(chart()).getByRole('img', { name: /7th \(2024\)/ })
    expect(seventh).toHaveTextContent('⚠')
    expect(seventh).toHaveTextContent('sources disagree')
  })

  it('shows full edition labels when there is room', () => {
    render(<ColumnChart values={byEdition} width={1000} ariaLabel="Jing'an: partners by edition" />)
    expect(within(chart()).getByText('6th (2023)')).toBeInTheDocument()
  })

  it('shortens edition labels in a compact panel so they do not overlap', () => {
    render(
      <ColumnChart
        values={byEdition}
        width={220}
        compact
        domainMax={100}
        highlightKey="jingan|6|partners"
        ariaLabel="Jing'an: partners by edition"
      />,
    )
    // The full label stays available as the tick's <title>, but is not what is drawn.
    expect(within(chart()).queryByText('6th (2023)', { selector: 'tspan' })).toBeNull()
    expect(within(chart()).queryByText('2023', { selector: 'tspan' })).toBeNull()
    const sixth = within(chart()).getByText('6th')
    expect(sixth.closest('text')).toHaveClass('chart-category-text--highlight')
    // Shown labels are at least their own width apart.
    const ticks = [...chart().querySelectorAll('text.chart-category-text')].map((t) =>
      Number(t.getAttribute('x')),
    )
    for (let i = 1; i < ticks.length; i++) {
      expect((ticks[i] ?? 0) - (ticks[i - 1] ?? 0)).toBeGreaterThanOrEqual(20)
    }
  })

  it('marks the highlighted category with an outline and a bold label', () => {
    render(
      <ColumnChart
        values={byEdition}
        width={720}
        highlightKey="jingan|6|partners"
        ariaLabel="Jing'an: partners by edition"
      />,
    )
    const sixth = within(chart()).getByRole('img', { name: /6th \(2023\)/ })
    expect(sixth.querySelector('.chart-mark__highlight')).not.toBeNull()
    const fifth = within(chart()).getByRole('img', { name: /5th \(2022\)/ })
    expect(fifth.querySelector('.chart-mark__highlight')).toBeNull()
    expect(within(chart()).getByText('6th (2023)').closest('text')).toHaveClass(
      'chart-category-text--highlight',
    )
  })

  it('opens a column with click, Enter and Space', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    render(
      <ColumnChart
        values={byEdition}
        onSelect={onSelect}
        width={720}
        ariaLabel="Jing'an: partners by edition"
      />,
    )
    await user.click(screen.getByRole('button', { name: /2nd \(2019\)/ }))
    expect(onSelect).toHaveBeenLastCalledWith('jingan|2|partners')
    // The click focused the 2nd; the 4th was not reported, so Right goes 3rd, then 5th.
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toHaveAttribute('data-key', 'jingan|3|partners')
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toHaveAttribute('data-key', 'jingan|5|partners')
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenLastCalledWith('jingan|5|partners')
    act(() => screen.getByRole('button', { name: /8th \(2025\)/ }).focus())
    await user.keyboard(' ')
    expect(onSelect).toHaveBeenLastCalledWith('jingan|8|partners')
    expect(onSelect).toHaveBeenCalledTimes(3)
    expect(screen.getAllByRole('button')).toHaveLength(7)
  })

  it('shares a value axis through domainMax', () => {
    const small = byEdition.map((v) => ({ ...v, value: v.value === null ? null : 1 }))
    const { container } = render(
      <ColumnChart
        values={small}
        width={400}
        domainMax={100}
        ariaLabel="Jing'an: partners by edition"
      />,
    )
    // One against an axis to 100 is a short column.
    const bar = container.querySelector('.chart-mark__bar')
    expect(Number(bar?.getAttribute('height'))).toBeLessThan(5)
    expect(within(chart()).getByText('100')).toBeInTheDocument()
  })

  it('draws a chart of nothing but "not reported", and an empty one', () => {
    const none = byEdition.map((v) => ({ ...v, value: null, display: 'not reported' }))
    const { rerender } = render(
      <ColumnChart values={none} width={400} compact ariaLabel="Jing'an: partners by edition" />,
    )
    expect(within(chart()).queryAllByRole('img')).toHaveLength(0)
    expect(within(chart()).getAllByText('not reported')).toHaveLength(8)
    rerender(<ColumnChart values={[]} width={400} ariaLabel="Jing'an: partners by edition" />)
    expect(chart()).toBeInTheDocument()
  })

  it('gives small multiples with one domainMax the same scale, whatever their labels', () => {
    const plain = byEdition.map((v) => ({ ...v, value: 50, display: '50', conflict: false }))
    const busy = byEdition.map((v) => ({
      ...v,
      value: 50,
      display: 'US$50 million',
      conflict: true,
    }))
    const { container } = render(
      <>
        <ColumnChart values={plain} width={220} compact domainMax={100} ariaLabel="plain" />
        <ColumnChart values={busy} width={220} compact domainMax={100} ariaLabel="busy" />
      </>,
    )
    const heights = [...container.querySelectorAll('[role="group"]')].map((group) =>
      Number(group.querySelector('.chart-mark__bar')?.getAttribute('height')),
    )
    expect(heights).toHaveLength(2)
    expect(heights[0]).toBeGreaterThan(0)
    expect(heights[0]).toBe(heights[1])
  })
})
