import { describe, expect, it } from 'vitest'
import { nextRovingKey, type RovingItem } from '../../src/charts/roving-focus'

/** One series: editions 1, 2, 3 and 5 (4 not reported). */
const line: Array<RovingItem> = [1, 2, 3, 5].map((col) => ({ key: `e${col}`, row: 0, col }))

/**
 * Two rows (districts a and b) × three columns (editions), reading order; b has nothing at 1:
 *   a1 a2 a3
 *   -- b2 b3
 */
const grid: Array<RovingItem> = [
  { key: 'a1', row: 0, col: 1 },
  { key: 'a2', row: 0, col: 2 },
  { key: 'a3', row: 0, col: 3 },
  { key: 'b2', row: 1, col: 2 },
  { key: 'b3', row: 1, col: 3 },
]

describe('nextRovingKey', () => {
  it.each([
    ['e1', 'ArrowRight', 'e2'],
    ['e3', 'ArrowRight', 'e5'],
    ['e5', 'ArrowRight', 'e5'],
    ['e2', 'ArrowLeft', 'e1'],
    ['e1', 'ArrowLeft', 'e1'],
    ['e2', 'ArrowDown', 'e3'],
    ['e3', 'ArrowUp', 'e2'],
    ['e3', 'Home', 'e1'],
    ['e2', 'End', 'e5'],
  ])('in one series, from %s %s goes to %s', (from, key, to) => {
    expect(nextRovingKey(line, from, key)).toBe(to)
  })

  it.each([
    ['a1', 'ArrowRight', false, 'a2'],
    ['b3', 'ArrowLeft', false, 'b2'],
    ['b2', 'ArrowLeft', false, 'b2'],
    ['a2', 'ArrowDown', false, 'b2'],
    ['a1', 'ArrowDown', false, 'a1'],
    ['b3', 'ArrowUp', false, 'a3'],
    ['b3', 'Home', false, 'b2'],
    ['a1', 'End', false, 'a3'],
    ['b3', 'Home', true, 'a1'],
    ['a1', 'End', true, 'b3'],
  ])('in rows, from %s %s (ctrl %s) goes to %s', (from, key, ctrl, to) => {
    expect(nextRovingKey(grid, from, key, ctrl)).toBe(to)
  })

  it('leaves other keys, and keys it does not know, alone', () => {
    expect(nextRovingKey(line, 'e1', 'Enter')).toBeUndefined()
    expect(nextRovingKey(line, 'e1', 'Tab')).toBeUndefined()
    expect(nextRovingKey(line, 'gone', 'ArrowRight')).toBeUndefined()
  })
})
