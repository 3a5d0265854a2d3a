import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { BarChart } from '../../src/charts/bar-chart'
import { chartValue } from './chart-values'

const amounts = [
  { key: 'a', label: 'Changning', value: 40e9, display: 'more than 40 billion yuan' },
  { key: 'b', label: 'Songjiang', value: 18e9, display: 'about 18 billion yuan' },
].map((v) => chartValue(v))

/** The value label's baseline and the top of the bar in the same mark. */
function geometry(key: string) {
  const mark = document.querySelector(`[data-key="${key}"]`)
  const label = mark?.querySelector('.chart-value-label')
  const bar = mark?.querySelector('.chart-mark__bar')
  return {
    labelX: Number(label?.getAttribute('x')),
    labelY: Number(label?.getAttribute('y')),
    barX: Number(bar?.getAttribute('x')),
    barY: Number(bar?.getAttribute('y')),
    barWidth: Number(bar?.getAttribute('width')),
  }
}

describe('BarChart on a narrow screen', () => {
  it('puts long value labels above their bars, so bars keep the width and labels stay inside', () => {
    render(<BarChart values={amounts} width={300} ariaLabel="Investment by district" />)
    expect(screen.getByRole('group', { name: 'Investment by district' })).toBeInTheDocument()
    const top = geometry('a')
    expect(top.labelY).toBeLessThan(top.barY)
    expect(top.labelX).toBeGreaterThanOrEqual(top.barX)
    // The largest bar runs to near the end of the plot rather than a sliver of it.
    expect(top.barX + top.barWidth).toBeGreaterThan(300 * 0.75)
  })

  it('keeps labels after the bars when there is room', () => {
    render(<BarChart values={amounts} width={900} ariaLabel="Investment by district" />)
    const top = geometry('a')
    expect(top.labelY).toBeGreaterThan(top.barY)
  })
})
