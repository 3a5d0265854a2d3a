/**
 * The dark palette in the style sheets: both ways of turning it on say the same, every pair of
 * text and background it draws reads (WCAG AA), and the charts' dark district colours stand out
 * on the dark chart background.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { contrastRatio, parseHexColor } from '../../src/charts/contrast'
import {
  DARK_CHART_BACKGROUND,
  DARK_DISTRICT_COLORS,
  DISTRICT_COLORS,
  darkVariant,
  markColorVars,
} from '../../src/charts/district-colors'
import { DISTRICT_IDS } from '../../src/pipeline/schema'

const SRC = join(import.meta.dirname, '../../src')
const SYSTEM_DARK = '@media screen and (prefers-color-scheme: dark) {'
const CHOSEN_DARK = '@media screen {'
const SYSTEM_PREFIX = ":root:not([data-theme='light'])"
const CHOSEN_PREFIX = ":root[data-theme='dark']"

function cssFiles(dir: string): Array<string> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return cssFiles(path)
    return entry.name.endsWith('.css') ? [path] : []
  })
}

/** The bodies of every block that opens with `opening`, braces matched. */
function blocks(css: string, opening: string): Array<string> {
  const found: Array<string> = []
  let from = css.indexOf(opening)
  while (from !== -1) {
    const start = from + opening.length
    let depth = 1
    let at = start
    while (depth > 0 && at < css.length) {
      if (css[at] === '{') depth++
      if (css[at] === '}') depth--
      at++
    }
    found.push(css.slice(start, at - 1))
    from = css.indexOf(opening, at)
  }
  return found
}

/** `--name: value;` declarations of a block, as a map. */
function customProperties(block: string): Map<string, string> {
  return new Map(
    [...block.matchAll(/(--[a-z-]+):\s*([^;]+);/g)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()]),
  )
}

const appCss = readFileSync(join(SRC, 'app/app.css'), 'utf8')
const light = customProperties(blocks(appCss, ':root {')[0] ?? '')
const systemDark = blocks(appCss, SYSTEM_DARK)
const chosenDark = blocks(appCss, CHOSEN_DARK).filter((block) => block.includes(CHOSEN_PREFIX))
const dark = customProperties(blocks(systemDark[0] ?? '', `${SYSTEM_PREFIX} {`)[0] ?? '')

describe('the dark palette in app.css', () => {
  it('is the same whether the system asks for it or the reader chose it', () => {
    const chosen = customProperties(blocks(chosenDark[0] ?? '', `${CHOSEN_PREFIX} {`)[0] ?? '')
    expect(dark.size).toBeGreaterThan(30)
    expect(chosen).toEqual(dark)
  })

  it('gives every colour of the light palette a dark value', () => {
    const colours = [...light.keys()].filter((name) => name.startsWith('--color-'))
    expect(colours.filter((name) => !dark.has(name))).toEqual([])
  })

  it('has the dark chart background the district colours are chosen for', () => {
    expect(dark.get('--color-surface')).toBe(DARK_CHART_BACKGROUND)
  })
})

describe.each(cssFiles(SRC).map((path) => [relative(SRC, path), path] as const))(
  'the dark rules of %s',
  (_name, path) => {
    it('are the same for the system setting and the reader’s choice', () => {
      const css = readFileSync(path, 'utf8')
      const normalise = (block: string, prefix: string) =>
        block.replaceAll(prefix, ':dark').replace(/\s+/g, ' ').trim()
      const bySystem = blocks(css, SYSTEM_DARK).map((b) => normalise(b, SYSTEM_PREFIX))
      const byChoice = blocks(css, CHOSEN_DARK)
        .filter((b) => b.includes(CHOSEN_PREFIX))
        .map((b) => normalise(b, CHOSEN_PREFIX))
      expect(byChoice).toEqual(bySystem)
      // No dark rule without the prefix that limits it to the dark theme.
      for (const block of bySystem) expect(block).not.toMatch(/(^|\}) *[.#a-z]/)
    })
  },
)

/** Text and the background it is drawn on, by custom property: 4.5:1 (WCAG 1.4.3). */
const TEXT_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['--color-text', '--color-surface'],
  ['--color-text', '--color-background'],
  ['--color-text', '--color-subtle'],
  ['--color-text', '--color-row-alt'],
  ['--color-text', '--color-mark'],
  ['--color-text', '--color-mark-hover'],
  ['--color-text', '--color-mark-strong'],
  ['--color-text', '--color-mark-row'],
  ['--color-text', '--color-milestone'],
  ['--color-text', '--color-error-surface'],
  ['--color-text', '--color-error-mark'],
  ['--color-text', '--color-ok-surface-strong'],
  ['--color-muted', '--color-surface'],
  ['--color-muted', '--color-background'],
  ['--color-muted', '--color-subtle'],
  ['--color-muted', '--color-row-alt'],
  ['--color-muted', '--color-mark'],
  ['--color-brand', '--color-surface'],
  ['--color-brand', '--color-background'],
  ['--color-on-brand', '--color-brand'],
  ['--color-on-brand', '--color-brand-dark'],
  ['--color-header-text', '--color-header'],
  ['--color-header-muted', '--color-header'],
  ['--color-header', '--color-header-text'],
  ['--color-error-text', '--color-surface'],
  ['--color-error-text', '--color-error-surface'],
  ['--color-error-text', '--color-error-note'],
  ['--color-warn-text', '--color-warn-surface'],
  ['--color-warn-strong', '--color-surface'],
  ['--color-ok-text', '--color-ok-surface'],
  ['--color-ok-text', '--color-surface'],
  ['--color-on-ok', '--color-ok-strong'],
  ['--color-subtle-text', '--color-subtle'],
]

/** Borders, focus rings and marks that carry meaning, on the surface: 3:1 (WCAG 1.4.11). */
const NON_TEXT_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['--color-focus', '--color-surface'],
  ['--color-focus', '--color-background'],
  ['--color-focus', '--color-header'],
  ['--color-input-border', '--color-surface'],
  ['--color-input-border-strong', '--color-surface'],
  ['--color-underline', '--color-surface'],
  ['--color-chart-axis', '--color-surface'],
  ['--color-mark-border', '--color-surface'],
  ['--color-error-border', '--color-surface'],
  ['--color-warn-border', '--color-surface'],
  ['--color-ok', '--color-surface'],
  ['--color-ok-strong', '--color-surface'],
  ['--color-milestone-dot', '--color-surface'],
]

function ratio(palette: Map<string, string>, a: string, b: string): number {
  const fg = palette.get(a)
  const bg = palette.get(b)
  if (!fg || !bg) throw new Error(`no ${fg ? b : a} in the palette`)
  return contrastRatio(fg, bg)
}

describe('contrast', () => {
  it.each(TEXT_PAIRS)('dark: %s on %s reads at 4.5:1 or more', (text, background) => {
    expect(ratio(dark, text, background)).toBeGreaterThanOrEqual(4.5)
  })

  it.each(NON_TEXT_PAIRS)('dark: %s stands out from %s at 3:1 or more', (mark, background) => {
    expect(ratio(dark, mark, background)).toBeGreaterThanOrEqual(3)
  })

  it.each(TEXT_PAIRS)('light: %s on %s reads at 4.5:1 or more', (text, background) => {
    expect(ratio(light, text, background)).toBeGreaterThanOrEqual(4.5)
  })
})

describe('the dark district colours', () => {
  it('has one colour for each of the 16 districts, all different', () => {
    expect(Object.keys(DARK_DISTRICT_COLORS).sort()).toEqual([...DISTRICT_IDS].sort())
    const colours = DISTRICT_IDS.map((id) => DARK_DISTRICT_COLORS[id].toLowerCase())
    expect(new Set(colours).size).toBe(16)
  })

  it.each(DISTRICT_IDS)(
    'draws %s with at least 3:1 contrast on the dark chart background',
    (id) => {
      expect(contrastRatio(DARK_DISTRICT_COLORS[id], DARK_CHART_BACKGROUND)).toBeGreaterThanOrEqual(
        3,
      )
    },
  )

  it('keeps the colours apart: no two are nearly the same', () => {
    const rgb = DISTRICT_IDS.map((id) => parseHexColor(DARK_DISTRICT_COLORS[id]))
    for (let i = 0; i < rgb.length; i++) {
      for (let j = i + 1; j < rgb.length; j++) {
        const [a, b] = [rgb[i], rgb[j]]
        if (!a || !b) throw new Error('missing colour')
        const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
        expect(distance, `${DISTRICT_IDS[i]} vs ${DISTRICT_IDS[j]}`).toBeGreaterThan(40)
      }
    }
  })

  it('maps each district’s light colour to its dark one, and leaves other colours alone', () => {
    for (const id of DISTRICT_IDS) {
      expect(darkVariant(DISTRICT_COLORS[id])).toBe(DARK_DISTRICT_COLORS[id])
      expect(darkVariant(DISTRICT_COLORS[id].toUpperCase())).toBe(DARK_DISTRICT_COLORS[id])
    }
    expect(darkVariant('#123456')).toBe('#123456')
  })

  it('gives a mark both colours and the text colour that reads best on each', () => {
    expect(markColorVars(DISTRICT_COLORS.pudong)).toEqual({
      '--mark': DISTRICT_COLORS.pudong,
      '--mark-dark': DARK_DISTRICT_COLORS.pudong,
      '--mark-text': '#ffffff',
      '--mark-text-dark': '#1f2933',
    })
    // A colour that is not #rrggbb gets no text colour rather than an exception.
    expect(markColorVars('currentColor')).toEqual({
      '--mark': 'currentColor',
      '--mark-dark': 'currentColor',
    })
  })
})
