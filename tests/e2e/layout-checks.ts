/**
 * Readability checks that run inside the page (page.evaluate) on whatever a view shows now:
 *
 * - `text-overlap`: two visible `<text>` elements of the same chart SVG whose boxes intersect by
 *   more than 1px both ways (screen boxes, so rotated labels count as drawn);
 * - `page-overflow`: the page scrolls sideways (`scrollWidth > innerWidth`); the elements that
 *   stick out are named. Content inside a deliberately scrollable box (`overflow-x: auto`, such as
 *   a table wrapper) does not widen the page and is not reported;
 * - `chart-outside-figure`: a chart SVG, or one of its labels (chart SVGs draw with
 *   `overflow: visible`), reaches past the left or right edge of its `<figure>`. A chart inside a
 *   scrollable box within the figure is measured by that box instead;
 * - `legend-overflow`: a legend (`<legend>` or `.chart-legend`) is wider than its box
 *   (`scrollWidth > clientWidth`) or reaches past the right edge of the window.
 *
 * `findLayoutProblems(page)` returns every problem; `expectReadableLayout(page)` fails with all of
 * them, one a line.
 */
import type { Page } from 'playwright-core'

export type LayoutCheck =
  'text-overlap' | 'page-overflow' | 'chart-outside-figure' | 'legend-overflow'

export interface LayoutProblem {
  check: LayoutCheck
  /** Which chart, legend or element, in words a reader can find on the screenshot. */
  where: string
  detail: string
}

/** Pixels two boxes may share, or a box may stick out, before it counts: rounding, anti-aliasing. */
export const TOLERANCE_PX = 1

/**
 * Every layout problem on the page as it is now. Runs in the browser: the function below must not
 * use anything from this module's scope except its argument.
 */
export async function findLayoutProblems(page: Page): Promise<Array<LayoutProblem>> {
  await definePageNameHelper(page)
  return page.evaluate((tolerance: number): Array<LayoutProblem> => {
    const problems: Array<LayoutProblem> = []
    const round = (n: number) => Math.round(n * 10) / 10
    const boxText = (r: DOMRect) =>
      `[${round(r.left)}, ${round(r.top)}, ${round(r.right)}, ${round(r.bottom)}]`
    const snippet = (text: string | null) => {
      const clean = (text ?? '').replace(/\s+/g, ' ').trim()
      return clean.length > 60 ? `${clean.slice(0, 57)}…` : clean
    }
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : ''
      const className =
        typeof element.className === 'string' && element.className.trim() !== ''
          ? `.${element.className.trim().split(/\s+/).join('.')}`
          : ''
      const label = element.getAttribute('aria-label')
      return `<${element.tagName.toLowerCase()}${id}${className}>${label ? ` "${snippet(label)}"` : ''}`
    }
    /** The chart a node belongs to: its figure's title, else its SVG's label. */
    const chartName = (node: Element) => {
      const figure = node.closest('figure')
      // The figure's heading; its whole caption only when it has none.
      const title =
        figure?.querySelector('figcaption :is(h2, h3, h4)') ?? figure?.querySelector('figcaption')
      const svgLabel =
        node.closest('[role="group"][aria-label]')?.getAttribute('aria-label') ??
        node.closest('svg')?.getAttribute('aria-label') ??
        node.closest('svg')?.parentElement?.closest('[aria-label]')?.getAttribute('aria-label')
      const parts = [title ? `figure "${snippet(title.textContent)}"` : null]
      if (svgLabel) parts.push(`chart "${snippet(svgLabel)}"`)
      return parts.filter(Boolean).join(', ') || describe(node)
    }
    const isShown = (element: Element) => {
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
        return false
      const rect = element.getBoundingClientRect()
      return rect.width > 0.5 && rect.height > 0.5
    }
    const scrollsSideways = (element: Element) => {
      const overflow = getComputedStyle(element).overflowX
      return (
        overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip'
      )
    }
    /** The nearest box between `element` and `stop` (exclusive) that scrolls or clips sideways. */
    const scrollerWithin = (element: Element, stop: Element | null) => {
      for (let node = element.parentElement; node && node !== stop; node = node.parentElement) {
        if (scrollsSideways(node)) return node
      }
      return null
    }

    const svgs = [...document.querySelectorAll('svg')].filter(
      (svg) => svg.querySelector('text') !== null && isShown(svg),
    )

    // 1. Overlapping labels inside one chart SVG.
    for (const svg of svgs) {
      const texts = [...svg.querySelectorAll('text')]
        .filter((text) => (text.textContent ?? '').trim() !== '' && isShown(text))
        .map((text) => ({ text, rect: text.getBoundingClientRect() }))
      for (let i = 0; i < texts.length; i += 1) {
        for (let j = i + 1; j < texts.length; j += 1) {
          const a = texts[i]
          const b = texts[j]
          if (!a || !b) continue
          const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left)
          const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top)
          if (width > tolerance && height > tolerance) {
            problems.push({
              check: 'text-overlap',
              where: chartName(svg),
              detail: `"${snippet(a.text.textContent)}" ${boxText(a.rect)} overlaps "${snippet(b.text.textContent)}" ${boxText(b.rect)} by ${round(width)}×${round(height)}px`,
            })
          }
        }
      }
    }

    // 2. The page scrolls sideways: name the outermost elements that stick out of the window.
    const viewport = window.innerWidth
    const scrollWidth = document.documentElement.scrollWidth
    if (scrollWidth > viewport) {
      const culprits: Array<Element> = []
      for (const element of document.body.querySelectorAll('*')) {
        if (!isShown(element)) continue
        const rect = element.getBoundingClientRect()
        if (rect.right <= viewport + tolerance && rect.left >= -tolerance) continue
        if (scrollerWithin(element, document.body)) continue
        if (culprits.some((outer) => outer.contains(element))) continue
        culprits.push(element)
      }
      const named = culprits.slice(0, 8).map((element) => {
        const rect = element.getBoundingClientRect()
        return `${describe(element)} ${boxText(rect)} in ${chartName(element)}`
      })
      problems.push({
        check: 'page-overflow',
        where: 'page',
        detail: `scrollWidth ${scrollWidth}px > window ${viewport}px; sticking out: ${named.join('; ') || 'nothing visible (check margins)'}`,
      })
    }

    // 3. Charts (and their labels, drawn with overflow: visible) inside their figure.
    for (const svg of svgs) {
      const figure = svg.closest('figure')
      if (!figure) continue
      const frame = figure.getBoundingClientRect()
      const scroller = scrollerWithin(svg, figure)
      if (scroller) {
        // A deliberately scrollable box: the box itself must fit; what it scrolls may not.
        const box = scroller.getBoundingClientRect()
        if (box.left < frame.left - tolerance || box.right > frame.right + tolerance) {
          problems.push({
            check: 'chart-outside-figure',
            where: chartName(svg),
            detail: `scroll box ${describe(scroller)} ${boxText(box)} is wider than its figure ${boxText(frame)}`,
          })
        }
        continue
      }
      const outside = [svg, ...svg.querySelectorAll('text')]
        .filter((node) => node === svg || ((node.textContent ?? '').trim() !== '' && isShown(node)))
        .map((node) => ({ node, rect: node.getBoundingClientRect() }))
        .filter(
          ({ rect }) => rect.left < frame.left - tolerance || rect.right > frame.right + tolerance,
        )
      for (const { node, rect } of outside.slice(0, 5)) {
        problems.push({
          check: 'chart-outside-figure',
          where: chartName(svg),
          detail: `${node === svg ? 'the SVG' : `label "${snippet(node.textContent)}"`} ${boxText(rect)} reaches past its figure ${boxText(frame)}`,
        })
      }
    }

    // 4. Legends: chart legends and the legends of fieldsets (the compare picker's).
    for (const legend of document.querySelectorAll('legend, .chart-legend')) {
      if (!isShown(legend)) continue
      const rect = legend.getBoundingClientRect()
      const name = `${describe(legend)} "${snippet(legend.textContent)}"`
      if (legend.scrollWidth > legend.clientWidth + tolerance) {
        problems.push({
          check: 'legend-overflow',
          where: name,
          detail: `scrollWidth ${legend.scrollWidth}px > clientWidth ${legend.clientWidth}px`,
        })
      }
      if (rect.right > viewport + tolerance) {
        problems.push({
          check: 'legend-overflow',
          where: name,
          detail: `reaches ${round(rect.right)}px, past the window's ${viewport}px`,
        })
      }
    }

    return problems
  }, TOLERANCE_PX)
}

/**
 * esbuild with keepNames (tsx, for one) wraps named inner functions in `__name(fn, "name")`,
 * which does not exist in the page the function is sent to: a no-op stand-in, given as a string
 * so no transform touches it.
 */
function definePageNameHelper(page: Page): Promise<unknown> {
  return page.evaluate('globalThis.__name ??= (target) => target')
}

/** Fails with every layout problem on the page, one a line, and what the page is. */
export async function expectReadableLayout(
  page: Page,
  { ignore = [] }: { ignore?: ReadonlyArray<LayoutCheck> } = {},
): Promise<void> {
  const problems = (await findLayoutProblems(page)).filter((p) => !ignore.includes(p.check))
  if (problems.length === 0) return
  const viewport = page.viewportSize()
  const size = viewport ? ` at ${viewport.width}×${viewport.height}` : ''
  const lines = problems.map((p) => `- ${p.check} in ${p.where}: ${p.detail}`)
  throw new Error(
    `${problems.length} layout problem(s) on ${page.url()}${size}:\n${lines.join('\n')}`,
  )
}

/** The charts (SVGs with text) on the page: a check that found none may be looking at nothing. */
export function countCharts(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      [...document.querySelectorAll('figure svg')].filter((svg) => svg.querySelector('text'))
        .length,
  )
}
