import type { FigureLayout, TextBox } from '../../src/export/figure-layout'

/**
 * Checks shared by the figure layout tests: which texts overlap, which leave the canvas. Touching
 * is fine, so boxes must overlap by more than a hundredth of a pixel to count.
 */

const EPS = 0.01

/** The eight CIIE editions as chart categories. */
export const EDITION_LABELS = [
  '1st (2018)',
  '2nd (2019)',
  '3rd (2020)',
  '4th (2021)',
  '5th (2022)',
  '6th (2023)',
  '7th (2024)',
  '8th (2025)',
]

export const boxesOverlap = (a: TextBox, b: TextBox) =>
  a.x < b.x + b.width - EPS &&
  b.x < a.x + a.width - EPS &&
  a.y < b.y + b.height - EPS &&
  b.y < a.y + a.height - EPS

/** Every pair of overlapping texts, by their words. */
export function overlaps(texts: ReadonlyArray<TextBox>): Array<[string, string]> {
  const pairs: Array<[string, string]> = []
  texts.forEach((a, i) => {
    for (const b of texts.slice(i + 1)) if (boxesOverlap(a, b)) pairs.push([a.text, b.text])
  })
  return pairs
}

/** Texts that reach outside the figure. */
export const outside = (layout: FigureLayout) =>
  layout.texts.filter(
    (t) =>
      t.x < -EPS ||
      t.y < -EPS ||
      t.x + t.width > layout.width + EPS ||
      t.y + t.height > layout.height + EPS,
  )
