import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { BarChart } from '../../src/charts/bar-chart'
import { estimateTextWidth } from '../../src/charts/chart-text'
import { activateLocale } from '../../src/i18n/i18n'
import { DISTRICTS, chartValue } from './chart-values'

const values = [
  chartValue({ key: 'jingan|6|partners', label: "Jing'an", value: 80, display: '80+' }),
  chartValue({ key: 'pudong|6|partners', label: 'Pudong', value: null }),
  chartValue({ key: 'xuhui|6|partners', label: 'Xuhui', value: 26, conflict: true }),
]

function chart() {
  return screen.getByRole('group', { name: 'Partners by district' })
}

describe('BarChart', () => {
  it('writes "未见报道", the keyboard help and the conflict in Chinese', () => {
    activateLocale('zh')
    render(<BarChart values={values} onSelect={() => {}} width={600} ariaLabel="各区合作伙伴" />)
    const group = screen.getByRole('group', { name: '各区合作伙伴' })
    expect(within(group).getByText('未见报道')).toHaveAttribute('data-key', 'pudong|6|partners')
    expect(screen.getByText('方向键在数值间移动；按 Enter 打开依据。')).toBeInTheDocument()
    expect(group.textContent).toContain('各来源数据不一致')
    expect(group.textContent).not.toMatch(/not reported|sources disagree/)
  })

  it('draws a bar only for reported values and writes "not reported" for the others', () => {
    render(
      <BarChart values={values} onSelect={() => {}} width={600} ariaLabel="Partners by district" />,
    )
    const bars = within(chart()).getAllByRole('button')
    expect(bars.map((bar) => bar.getAttribute('data-key'))).toEqual([
      'jingan|6|partners',
      'xuhui|6|partners',
    ])
    expect(within(chart()).queryByRole('button', { name: /Pudong/ })).toBeNull()
    const notReported = within(chart()).getByText('not reported')
    expect(notReported).toHaveAttribute('data-key', 'pudong|6|partners')
    // Every drawn rectangle belongs to a reported value: none for Pudong, not even a zero bar.
    const drawn = chart().querySelectorAll('.chart-mark__bar')
    expect(drawn).toHaveLength(2)
    expect(chart().querySelector('[data-key="pudong|6|partners"] rect')).toBeNull()
  })

  it('labels each bar with the value as reported, "80+" and not "80"', () => {
    render(<BarChart values={values} width={600} ariaLabel="Partners by district" />)
    const jingan = within(chart()).getByRole('img', { name: /Jing'an/ })
    expect(within(jingan).getByText('80+')).toBeInTheDocument()
    expect(jingan).not.toHaveTextContent(/^80$/)
  })

  it('marks a conflict with a ⚠ and the words "sources disagree"', () => {
    render(<BarChart values={values} width={600} ariaLabel="Partners by district" />)
    const xuhui = within(chart()).getByRole('img', { name: /Xuhui/ })
    expect(xuhui).toHaveTextContent('⚠')
    expect(xuhui).toHaveTextContent('sources disagree')
    expect(within(chart()).getByRole('img', { name: /Jing'an/ })).not.toHaveTextContent('⚠')
  })

  it('names each bar by its description and puts the district names on the axis', () => {
    render(
      <BarChart values={values} onSelect={() => {}} width={600} ariaLabel="Partners by district" />,
    )
    expect(
      screen.getByRole('button', { name: "Jing'an, Partners: 80+. Open the evidence." }),
    ).toHaveAttribute('tabindex', '0')
    for (const name of ["Jing'an", 'Pudong', 'Xuhui']) {
      expect(within(chart()).getByText(name)).toBeInTheDocument()
    }
  })

  it('opens the evidence on click', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    render(
      <BarChart values={values} onSelect={onSelect} width={600} ariaLabel="Partners by district" />,
    )
    await user.click(screen.getByRole('button', { name: /Xuhui/ }))
    expect(onSelect).toHaveBeenCalledWith('xuhui|6|partners')
    expect(onSelect).toHaveBeenCalledTimes(1)
  })

  it('is one Tab stop: the arrow keys reach the other bars, Enter or Space opens one', async () => {
    const onSelect = vi.fn()
    const user = userEvent.setup()
    render(
      <>
        <button type="button">before</button>
        <BarChart
          values={values}
          onSelect={onSelect}
          width={600}
          ariaLabel="Partners by district"
        />
        <button type="button">after</button>
      </>,
    )
    await user.tab()
    await user.tab()
    expect(document.activeElement).toHaveAttribute('data-key', 'jingan|6|partners')
    await user.keyboard('{Enter}')
    expect(onSelect).toHaveBeenLastCalledWith('jingan|6|partners')
    // Pudong is not reported: the next value down is Xuhui.
    await user.keyboard('{ArrowDown}')
    expect(document.activeElement).toHaveAttribute('data-key', 'xuhui|6|partners')
    await user.keyboard(' ')
    expect(onSelect).toHaveBeenLastCalledWith('xuhui|6|partners')
    expect(onSelect).toHaveBeenCalledTimes(2)
    await user.keyboard('{ArrowUp}')
    expect(document.activeElement).toHaveAttribute('data-key', 'jingan|6|partners')
    // One Tab leaves the chart.
    await user.tab()
    expect(document.activeElement).toHaveTextContent('after')
  })

  it('keeps keyboard focus on a bar when the chart re-renders with equal values', async () => {
    const user = userEvent.setup()
    const { rerender } = render(
      <BarChart values={values} onSelect={() => {}} width={600} ariaLabel="Partners by district" />,
    )
    await user.tab()
    const focused = document.activeElement
    expect(focused).toHaveAttribute('data-key', 'jingan|6|partners')
    rerender(
      <BarChart
        values={values.map((v) => ({ ...v }))}
        onSelect={() => {}}
        width={600}
        ariaLabel="Partners by district"
      />,
    )
    expect(document.activeElement).toBe(focused)
  })

  it('shows a tooltip with label, value and a hint on hover and on focus', async () => {
    const user = userEvent.setup()
    render(
      <BarChart values={values} onSelect={() => {}} width={600} ariaLabel="Partners by district" />,
    )
    expect(screen.queryByTestId('chart-tooltip')).toBeNull()
    await user.hover(screen.getByRole('button', { name: /Jing'an/ }))
    const tooltip = screen.getByTestId('chart-tooltip')
    expect(tooltip).toHaveTextContent("Jing'an")
    expect(tooltip).toHaveTextContent('80+')
    expect(tooltip).toHaveTextContent('Click for the evidence')
    await user.unhover(screen.getByRole('button', { name: /Jing'an/ }))
    await waitFor(() => expect(screen.queryByTestId('chart-tooltip')).toBeNull())

    act(() => screen.getByRole('button', { name: /Xuhui/ }).focus())
    expect(screen.getByTestId('chart-tooltip')).toHaveTextContent('Sources disagree')
    await user.keyboard('{Escape}')
    expect(screen.queryByTestId('chart-tooltip')).toBeNull()
  })

  it('makes no buttons when nothing can be opened', () => {
    render(<BarChart values={values} width={600} ariaLabel="Partners by district" />)
    expect(screen.queryAllByRole('button')).toHaveLength(0)
    expect(within(chart()).getAllByRole('img')).toHaveLength(2)
  })

  it('grows with the number of rows, 32px each, and fits 16 districts', () => {
    const sixteen = DISTRICTS.map((d, i) =>
      chartValue({ key: d.id, label: d.name, value: i % 5 === 0 ? null : (i + 1) * 10 }),
    )
    const { container, rerender } = render(
      <BarChart values={sixteen} width={375} ariaLabel="Partners by district" />,
    )
    const tall = Number(container.querySelector('svg')?.getAttribute('height'))
    expect(tall).toBeGreaterThanOrEqual(16 * 32)
    for (const d of DISTRICTS) expect(within(chart()).getByText(d.name)).toBeInTheDocument()

    rerender(<BarChart values={sixteen.slice(0, 4)} width={375} ariaLabel="Partners by district" />)
    const short = Number(container.querySelector('svg')?.getAttribute('height'))
    expect(tall - short).toBe(12 * 32)
  })

  it('takes the width it is given, or 640 where nothing can be measured', () => {
    const { container, rerender } = render(
      <BarChart values={values} width={375} ariaLabel="Partners by district" />,
    )
    expect(container.querySelector('svg')).toHaveAttribute('width', '375')
    rerender(<BarChart values={values} ariaLabel="Partners by district" />)
    expect(container.querySelector('svg')).toHaveAttribute('width', '640')
  })

  it('keeps every value label inside the chart at phone width', () => {
    const money = DISTRICTS.slice(0, 6).map((d, i) =>
      chartValue({
        key: d.id,
        label: d.name,
        value: (i + 1) * 200_000_000,
        display: `US$${(i + 1) * 200} million`,
        conflict: i === 5,
      }),
    )
    const { container } = render(<BarChart values={money} width={343} ariaLabel="Deal value" />)
    for (const mark of container.querySelectorAll('.chart-mark')) {
      const bar = mark.querySelector('.chart-mark__bar')
      const label = mark.querySelector('.chart-value-label')
      const end = Number(bar?.getAttribute('x')) + Number(bar?.getAttribute('width'))
      const labelX = Number(label?.getAttribute('x'))
      // Outside the bar: starts after its end and ends within 343px; inside: ends at the bar's end.
      if (label?.getAttribute('text-anchor') === 'start') {
        expect(labelX).toBeGreaterThan(end)
        const text = label.textContent?.replace(' sources disagree', '') ?? ''
        expect(labelX + estimateTextWidth(text, 13, true)).toBeLessThanOrEqual(343)
      } else {
        expect(labelX).toBeLessThanOrEqual(end)
      }
    }
  })

  it('draws a chart of nothing but "not reported" without a value axis or a zero bar', () => {
    const none = values.map((v) => ({
      ...v,
      value: null,
      display: 'not reported',
      conflict: false,
    }))
    const { container } = render(
      <BarChart values={none} width={500} ariaLabel="Partners by district" />,
    )
    expect(within(chart()).getAllByText('not reported')).toHaveLength(3)
    expect(container.querySelectorAll('.chart-mark')).toHaveLength(0)
    expect(container.querySelectorAll('.chart-axis-text')).toHaveLength(0)
  })

  it('survives an empty list', () => {
    render(<BarChart values={[]} width={500} ariaLabel="Partners by district" />)
    expect(chart()).toBeInTheDocument()
  })
})
