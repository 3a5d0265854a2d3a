import { render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { markInteraction, useInteractionMeasure } from '../../src/app/interaction-timing'

function View({ edition }: { edition: string }) {
  useInteractionMeasure('test-edition', edition)
  return <p>{edition}</p>
}

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))

afterEach(() => {
  performance.clearMarks()
  performance.clearMeasures()
})

describe('interaction timing', () => {
  it('measures from the mark to the first frame after the view shows the new key', async () => {
    const { rerender } = render(<View edition="5" />)
    await frame()
    expect(performance.getEntriesByName('render:test-edition')).toHaveLength(0)
    markInteraction('test-edition')
    rerender(<View edition="6" />)
    await frame()
    expect(performance.getEntriesByName('render:test-edition')).toHaveLength(1)
    // The mark is used up: a later render without a user's change measures nothing.
    expect(performance.getEntriesByName('interaction:test-edition')).toHaveLength(0)
    rerender(<View edition="7" />)
    await frame()
    expect(performance.getEntriesByName('render:test-edition')).toHaveLength(1)
  })
})
