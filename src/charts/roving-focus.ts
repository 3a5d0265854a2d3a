import { useState, type KeyboardEvent } from 'react'
import { t } from '../i18n/i18n'

/**
 * One Tab stop per chart (a roving tabindex): the chart's values are reached with the arrow keys,
 * not with dozens of Tab presses. Each focusable value carries `data-key` and sits inside an
 * element marked `data-roving-root`, which scopes the keys (two charts on a page may draw the
 * same cell).
 */

/** A value's place: `col` along the categories (editions), `row` across series or table rows. */
export interface RovingItem {
  key: string
  row: number
  col: number
}

/** The attribute that marks a chart's root, for `{...ROVING_ROOT}` on its element. */
export const ROVING_ROOT = { 'data-roving-root': '' } as const

/** Keyboard help for assistive technology, given as the description of each value. */
export const rovingHint = () => t('charts.roving.hint')

/**
 * The key focus moves to from `from` on `key`, or undefined when `key` does not move focus.
 * `items` are in reading order. With one row (a chart of one series) every arrow steps through
 * the values in order (Right and Down forward, Left and Up back); with several, Left and Right
 * stay in the row and Up and Down in the column, skipping gaps (values not reported). Home and
 * End go to the ends of the row; with Ctrl (or with one row), to the first and last value.
 * At an edge focus stays where it is.
 */
export function nextRovingKey(
  items: ReadonlyArray<RovingItem>,
  from: string,
  key: string,
  ctrl = false,
): string | undefined {
  const current = items.find((item) => item.key === from)
  if (!current) return undefined
  const linear = items.every((item) => item.row === current.row)
  const byCol = (a: RovingItem, b: RovingItem) => a.col - b.col
  const byRow = (a: RovingItem, b: RovingItem) => a.row - b.row
  const inRow = items.filter((item) => item.row === current.row).sort(byCol)
  const inCol = items.filter((item) => item.col === current.col).sort(byRow)
  const step = (list: ReadonlyArray<RovingItem>, by: 1 | -1) =>
    list[list.indexOf(current) + by]?.key ?? from

  switch (key) {
    case 'ArrowRight':
      return step(inRow, 1)
    case 'ArrowLeft':
      return step(inRow, -1)
    case 'ArrowDown':
      return linear ? step(inRow, 1) : step(inCol, 1)
    case 'ArrowUp':
      return linear ? step(inRow, -1) : step(inCol, -1)
    case 'Home':
      return (ctrl || linear ? items[0]?.key : inRow[0]?.key) ?? from
    case 'End':
      return (ctrl || linear ? items.at(-1)?.key : inRow.at(-1)?.key) ?? from
    default:
      return undefined
  }
}

export interface RovingFocus {
  /** The one value with tabIndex 0; the others have -1. */
  tabbableKey: string | null
  /** For the value's keydown: moves focus on an arrow, Home or End (and says it did). */
  onKeyDown: (event: KeyboardEvent<Element>, key: string) => boolean
  /** For the value's focus: a value focused by click or by a screen reader becomes the stop. */
  onFocus: (key: string) => void
}

/**
 * The roving tabindex of one chart. The Tab stop is the value last focused, else `preferred`
 * (the outlined edition) when it is a value, else the first value.
 */
export function useRovingFocus(items: ReadonlyArray<RovingItem>, preferred?: string): RovingFocus {
  const [focused, setFocused] = useState<string | null>(null)
  const has = (key: string | null | undefined) =>
    key != null && items.some((item) => item.key === key)
  const tabbableKey = has(focused)
    ? focused
    : has(preferred)
      ? (preferred ?? null)
      : (items[0]?.key ?? null)

  const onKeyDown = (event: KeyboardEvent<Element>, key: string) => {
    const next = nextRovingKey(items, key, event.key, event.ctrlKey || event.metaKey)
    if (next === undefined) return false
    event.preventDefault()
    if (next !== key) {
      focusValue(event.currentTarget, next)
      setFocused(next)
    }
    return true
  }
  return { tabbableKey, onKeyDown, onFocus: setFocused }
}

/** Focuses the value `key` of the chart that holds `from`. */
function focusValue(from: Element, key: string) {
  const root = from.closest('[data-roving-root]')
  if (!root) return
  for (const element of root.querySelectorAll<HTMLElement | SVGElement>('[data-key]')) {
    if (element.getAttribute('data-key') === key && element.hasAttribute('tabindex')) {
      element.focus()
      return
    }
  }
}
