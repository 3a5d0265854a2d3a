import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ColumnChart } from '../../src/charts/column-chart'
import { TOOLTIP_LEAVE_DELAY_MS } from '../../src/charts/chart-tooltip'
import { EDITIONS, chartValue } from './chart-values'

const values = EDITIONS.slice(0, 4).map((edition, index) =>
  chartValue({ key: `jingan|${edition.key}|partners`, label: edition.label, value: 10 + index }),
)

const tooltip = () => screen.queryByTestId('chart-tooltip')
const shownTooltip = () => {
  const shown = tooltip()
  if (!shown) throw new Error('no tooltip')
  return shown
}
const column = (name: RegExp) => screen.getByRole('button', { name })

/** Past the grace time the pointer has to reach a tooltip. */
const afterLeaveDelay = () => act(() => vi.advanceTimersByTime(TOOLTIP_LEAVE_DELAY_MS + 1))

function renderChart(onSelect = vi.fn()) {
  render(
    <>
      <button type="button">elsewhere</button>
      <ColumnChart values={values} onSelect={onSelect} width={640} ariaLabel="Partners" />
    </>,
  )
  return onSelect
}

// WCAG 1.4.13: content shown on hover or focus is dismissable, hoverable and persistent.
// Events are fired directly: user-event's waiting does not run under fake timers in vitest.
describe('chart tooltips', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('stays while the pointer rests on it, and goes when the pointer leaves both', () => {
    renderChart()
    fireEvent.mouseEnter(column(/2nd \(2019\)/))
    expect(shownTooltip()).toHaveTextContent('2nd (2019)')
    fireEvent.mouseLeave(column(/2nd \(2019\)/))
    fireEvent.mouseEnter(shownTooltip())
    afterLeaveDelay()
    expect(shownTooltip()).toHaveTextContent('2nd (2019)')
    fireEvent.mouseLeave(shownTooltip())
    afterLeaveDelay()
    expect(tooltip()).toBeNull()
  })

  it('stays while the pointer is on its value, however long', () => {
    renderChart()
    fireEvent.mouseEnter(column(/3rd \(2020\)/))
    act(() => vi.advanceTimersByTime(60_000))
    expect(shownTooltip()).toHaveTextContent('3rd (2020)')
  })

  it('gives way at once to the tooltip of the next value the pointer reaches', () => {
    renderChart()
    fireEvent.mouseEnter(column(/2nd \(2019\)/))
    fireEvent.mouseLeave(column(/2nd \(2019\)/))
    fireEvent.mouseEnter(column(/3rd \(2020\)/))
    expect(shownTooltip()).toHaveTextContent('3rd (2020)')
    afterLeaveDelay()
    expect(shownTooltip()).toHaveTextContent('3rd (2020)')
  })

  it('is dismissed with Escape while hovered, with focus elsewhere', () => {
    renderChart()
    const elsewhere = screen.getByRole('button', { name: 'elsewhere' })
    act(() => elsewhere.focus())
    fireEvent.mouseEnter(column(/2nd \(2019\)/))
    expect(tooltip()).not.toBeNull()
    fireEvent.keyDown(elsewhere, { key: 'Escape' })
    expect(tooltip()).toBeNull()
    expect(elsewhere).toHaveFocus()
  })

  it('opens the evidence when clicked, like its value', () => {
    const onSelect = renderChart()
    fireEvent.mouseEnter(column(/4th \(2021\)/))
    fireEvent.click(shownTooltip())
    expect(onSelect).toHaveBeenCalledWith('jingan|4|partners')
  })

  it('names the keys when opened by focus, and stays until focus leaves', () => {
    renderChart()
    act(() => column(/1st \(2018\)/).focus())
    expect(shownTooltip()).toHaveTextContent('Enter for the evidence')
    // A pointer passing over and away does not take a tooltip that focus opened.
    fireEvent.mouseEnter(shownTooltip())
    fireEvent.mouseLeave(shownTooltip())
    afterLeaveDelay()
    expect(shownTooltip()).toHaveTextContent('1st (2018)')
    fireEvent.keyDown(column(/1st \(2018\)/), { key: 'ArrowRight' })
    expect(column(/2nd \(2019\)/)).toHaveFocus()
    expect(shownTooltip()).toHaveTextContent('2nd (2019)')
    act(() => screen.getByRole('button', { name: 'elsewhere' }).focus())
    expect(tooltip()).toBeNull()
  })
})
