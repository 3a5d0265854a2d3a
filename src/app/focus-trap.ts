import type { KeyboardEvent } from 'react'

/**
 * Keeps Tab inside a modal: from the last control it goes to the first, and Shift+Tab from the
 * first to the last. `focusable` is the modal's controls in order; other keys pass through.
 */
export function keepTabInside(event: KeyboardEvent, focusable: ArrayLike<HTMLElement>): void {
  if (event.key !== 'Tab') return
  const first = focusable[0]
  const last = focusable[focusable.length - 1]
  if (!first || !last) return
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}
