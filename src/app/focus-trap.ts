import type { KeyboardEvent } from 'react'

/**
 * A modal's keys: Escape closes it, and Tab stays inside (from the last control it goes to the
 * first, Shift+Tab from the first to the last). `focusable` lists the modal's controls in order;
 * it is asked for only when Tab is pressed. Other keys pass through.
 */
export function handleModalKeys(
  event: KeyboardEvent,
  onClose: () => void,
  focusable: () => ArrayLike<HTMLElement>,
): void {
  if (event.key === 'Escape') {
    event.preventDefault()
    onClose()
    return
  }
  if (event.key !== 'Tab') return
  const controls = focusable()
  const first = controls[0]
  const last = controls[controls.length - 1]
  if (!first || !last) return
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault()
    first.focus()
  }
}
