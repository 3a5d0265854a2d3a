import { Fragment, type ReactNode } from 'react'

/**
 * Messages with elements inside them ("Put the file in <code>data/articles/</code>"): the
 * element's place is a placeholder of the message, so each language orders the sentence its own
 * way. Pass `slot('name')` as the placeholder's value to t(), then give the string and the
 * elements to `withParts`.
 */

const OPEN = '\uE000'
const CLOSE = '\uE001'
const SLOT = new RegExp(`${OPEN}([\\w-]+)${CLOSE}`, 'g')

/** The value that marks where the element named `name` goes. */
export function slot(name: string): string {
  return `${OPEN}${name}${CLOSE}`
}

/** The message with each slot replaced by its element; an unknown slot is left out. */
export function withParts(message: string, parts: Record<string, ReactNode>): ReactNode {
  const pieces = message.split(SLOT)
  // split with one capturing group: text, name, text, name, …, text
  return pieces.map((piece, index) =>
    index % 2 === 0 ? piece : <Fragment key={index}>{parts[piece] ?? null}</Fragment>,
  )
}
