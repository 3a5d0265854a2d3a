import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { districtColor } from '../../src/charts/district-colors'
import { GroupedColumnChart } from '../../src/charts/grouped-column-chart'
import { DISTRICTS, EDITIONS, chartValue } from './chart-values'

const series = DISTRICTS.map((d) => ({ key: d.id, label: d.name, color: districtColor(d.id) }))

/** Every fifth cell is not reported; the rest have a value that depends on both keys. */
function value(categoryKey: string, seriesKey: string) {
  const e = Number(categoryKey)
  const s = DISTRICTS.findIndex((d) => d.id === seriesKey)
  const reported = (e * 16 + s) % 5 !== 0
  const name = DISTRICTS[s]?.name ?? seriesKey
  return chartValue({
    key: `${seriesKey}|${categoryKey}`,
    label: name,
    value: reported ? 10 + ((e * 7 + s * 13) % 90) : null,
    display: reported ? `${10 + ((e * 7 + s * 13) % 90)}+` : undefined,
    color: districtColor(DISTRICTS[s]?.id ?? 'pudong'),
    description: `${name}, edition ${categoryKey}`,
  })
}

const reportedCount = EDITIONS.flatMap((e) => series.map((s) => value(e.key, s.key))).filter(
  (v) => v.value !== null,
).length

describe('GroupedColumnChart', () => {
  it('draws one bar per reported value: 16 districts × 8 editions, none for the gaps', () => {
    render(
      <GroupedColumnChart
        categories={EDITIONS}
        series={series}
        value={value}
        onSelect={() => {}}
        width={1280}
        ariaLabel="Partners, all districts"
      />,
    )
    const chart = screen.getByRole('group', { name: 'Partners, all districts' })
    const bars = within(chart).getAllByRole('button')
    expect(reportedCount).toBeLessThan(128)
    expect(bars).toHaveLength(reportedCount)
    const keys = bars.map((bar) => bar.getAttribute('data-key'))
    expect(new Set(keys).size).toBe(reportedCount)
    expect(keys).not.toContain('pudong|5') // (5 × 16 + 0) % 5 === 0: not reported
    expect(keys).toContain('huangpu|5')
  })

  it('lists all 16 districts in an HTML legend', () => {
    render(
      <GroupedColumnChart
        categories={EDITIONS}
        series={series}
        value={value}
        width={375}
        ariaLabel="Partners, all districts"
      />,
    )
    const legend = screen.getByRole('list', { name: 'Legend' })
    const entries = within(legend).getAllByRole('listitem')
    expect(entries.map((entry) => entry.textContent)).toEqual(DISTRICTS.map((d) => d.name))
    expect(legend.tagName).toBe('UL')
  })

  it('leaves value labels to the tooltip when 16 bars share a group, and shows them for 2', () => {
    const { container, rerender } = render(
      <GroupedColumnChart
        categories={EDITIONS}
        series={series}
        value={value}
        width={1280}
        ariaLabel="Partners, all districts"
      />,
    )
    expect(container.querySelectorAll('.chart-value-label')).toHaveLength(0)
    rerender(
      <GroupedColumnChart
        categories={EDITIONS}
        series={series.slice(1, 3)}
        value={value}
        width={1280}
        ariaLabel="Partners, all districts"
      />,
    )
    const labels = [...container.querySelectorAll('.chart-value-label')].map((l) => l.textContent)
    expect(labels.length).toBeGreaterThan(0)
    expect(labels).toContain(value('1', 'huangpu').display)
  })

  it('scrolls sideways at phone width rather than squeezing 128 bars into 375px', () => {
    const { container } = render(
      <GroupedColumnChart
        categories={EDITIONS}
        series={series}
        value={value}
        width={375}
        ariaLabel="Partners, all districts"
      />,
    )
    const width = Number(container.querySelector('svg')?.getAttribute('width'))
    expect(width).toBeGreaterThan(375)
    for (const bar of container.querySelectorAll('.chart-mark__bar')) {
      expect(Number(bar.getAttribute('width'))).toBeGreaterThanOrEqual(4)
    }
  })

  it('opens a bar with click, Enter and Space, and shows its district in the tooltip', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    render(
      <GroupedColumnChart
        categories={EDITIONS}
        series={series.slice(0, 3)}
        value={value}
        onSelect={onSelect}
        width={800}
        ariaLabel="Partners, three districts"
      />,
    )
    const bar = screen.getByRole('button', { name: "Jing'an, edition 2" })
    await user.click(bar)
    expect(onSelect).toHaveBeenLastCalledWith('jingan|2')
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent("Jing'an")
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('2nd (2019)')
    await user.keyboard('{Enter}')
    await user.keyboard(' ')
    expect(onSelect).toHaveBeenCalledTimes(3)
    expect(onSelect.mock.calls.every(([key]) => key === 'jingan|2')).toBe(true)
  })
})

describe('GroupedColumnChart by keyboard', () => {
  it('is one Tab stop; Left and Right move along editions, Up and Down across districts', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    render(
      <>
        <GroupedColumnChart
          categories={EDITIONS}
          series={series}
          value={value}
          onSelect={onSelect}
          width={1280}
          ariaLabel="Partners, all districts"
        />
        <button type="button">after</button>
      </>,
    )
    const bars = screen.getAllByRole('button', { name: /edition/ })
    expect(bars.filter((bar) => bar.tabIndex === 0)).toHaveLength(1)
    await user.tab()
    // Pudong at the 1st edition: (1 × 16 + 0) % 5 ≠ 0, so reported, and the first bar.
    expect(document.activeElement).toHaveAttribute('data-key', 'pudong|1')
    await user.keyboard('{ArrowRight}')
    expect(document.activeElement).toHaveAttribute('data-key', 'pudong|2')
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toHaveAttribute('data-key', 'huangpu|2')
    // Down, Down: Jing'an, then past Xuhui, not reported at the 2nd ((2 × 16 + 3) % 5 = 0).
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toHaveAttribute('data-key', 'changning|2')
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toHaveAttribute('data-key', 'jingan|2')
    // End: Jing'an's last reported edition, the 7th (the 8th is a gap).
    await user.keyboard('{End}')
    expect(document.activeElement).toHaveAttribute('data-key', 'jingan|7')
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenLastCalledWith('jingan|7')
    await user.tab()
    expect(document.activeElement).toHaveTextContent('after')
  })
})
