import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { layoutFigure, type FigureLayout } from '../../src/export/figure-layout'
import { FigureSpecSchema, type FigureSpec, type FigureValue } from '../../src/export/figure-spec'
import { COLORS } from '../../src/export/layout/theme'
import { figureSize, PRESET_IDS, type PresetId } from '../../src/export/presets'
import type { SvgElement } from '../../src/export/svg-tree'
import { estimateTextWidth } from '../../src/export/text-measure'
import { EDITION_LABELS, outside, overlaps } from './layout-checks'

/**
 * The compare view's "Export all" figure: one row of panels per metric, one panel per district,
 * eight editions each, most not reported. Many small panels in a fixed height are where the
 * layout must flow rows side by side rather than shrink the whole chart.
 */

const METRICS = [
  'Agreements signed',
  'Projects signed',
  'Partners',
  'Experts appointed',
  'Floor area',
  'Enterprises at the expo',
]
const DISTRICTS: ReadonlyArray<readonly [string, string]> = [
  ["Jing'an", '#8957e3'],
  ['Qingpu', '#703805'],
  ['Pudong New Area', '#1f77b4'],
  ['Hongkou', '#2ca02c'],
  ['Minhang', '#d62728'],
  ['Songjiang', '#9467bd'],
]
/** What was reported at the 6th edition, by metric and district; everything else is not. */
const REPORTED: ReadonlyArray<Partial<Record<number, readonly [number, string]>>> = [
  { 0: [28, '28'] },
  { 1: [30, '30'] },
  { 1: [26, '26'] },
  { 1: [14, '14'] },
  { 1: [100_000, '100,000+ sqm'] },
  { 0: [80, '80+'] },
]
const HIGHLIGHT = 5

function value(label: string, reported: readonly [number, string] | undefined, color: string) {
  const v: FigureValue = {
    key: label,
    label,
    value: reported?.[0] ?? null,
    display: reported?.[1] ?? 'not reported',
    qualifier: null,
    conflict: false,
    color,
    highlight: label === EDITION_LABELS[HIGHLIGHT],
  }
  return v
}

function compareAll(
  districts: number,
  metrics: number,
  reported: (
    metric: number,
    district: number,
    edition: number,
  ) => readonly [number, string] | undefined = (m, d, e) =>
    e === HIGHLIGHT ? REPORTED[m]?.[d] : undefined,
): FigureSpec {
  const chosen = DISTRICTS.slice(0, districts)
  const names = chosen.map(([name]) => name)
  return v.parse(FigureSpecSchema, {
    title: `${names.slice(0, -1).join(', ')} and ${names.at(-1)} compared`,
    subtitle: `${METRICS.slice(0, metrics).join(', ')} · at each CIIE edition · 6th CIIE (2023) outlined`,
    chart: {
      kind: 'panels',
      rows: METRICS.slice(0, metrics).map((metric, m) => ({
        title: metric,
        sharedScale: true,
        panels: chosen.map(([name, color], d) => ({
          title: name,
          color,
          values: EDITION_LABELS.map((e, i) => value(e, reported(m, d, i), color)),
        })),
      })),
    },
    legend: chosen.map(([label, color]) => ({ label, color })),
    notes: [
      'Panels in a row share one scale, so bar heights compare across districts. Currencies are never converted.',
    ],
    sources:
      "Sources: “Ahead of the 6th China International Import Expo, the West Hongqiao Business District in…” (31 Aug 2023); “Jing'an has traditionally used the CIIE to promote the district's economic strengths and…” (27 Nov 2023).",
    built: 'CIIE District Dashboard, built 23 Nov 2026 from articles up to 27 Nov 2023.',
    fileStem: 'jingan-qingpu_compare-all',
    csv: [],
  })
}

const OPTIONS = { measure: estimateTextWidth, fontFamily: 'Inter, Arial, sans-serif' }
const lay = (s: FigureSpec, preset: PresetId, screenWidth = 800) =>
  layoutFigure(s, figureSize(preset, screenWidth), OPTIONS)
const SIZES: Array<[string, PresetId, number]> = [
  ...PRESET_IDS.map((p): [string, PresetId, number] => [p, p, 800]),
  ['screen at 1280', 'screen', 1280],
]

interface Placed {
  element: SvgElement
  x: number
  y: number
  scale: number
}

/** Every element with the translation and scale of the groups around it. */
function placed(node: SvgElement, at = { x: 0, y: 0, scale: 1 }): Array<Placed> {
  const transform = String(node.attrs.transform ?? '')
  const move = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(transform)
  const grow = /scale\(([\d.]+)\)/.exec(transform)
  const here =
    node.tag === 'g'
      ? {
          x: at.x + Number(move?.[1] ?? 0) * at.scale,
          y: at.y + Number(move?.[2] ?? 0) * at.scale,
          scale: at.scale * Number(grow?.[1] ?? 1),
        }
      : at
  return [
    { element: node, ...here },
    ...node.children.flatMap((c) => (typeof c === 'string' ? [] : placed(c, here))),
  ]
}

/** The panels' baselines in figure pixels: one per panel, as wide as the panel. */
function baselines(layout: FigureLayout) {
  return placed(layout.svg)
    .filter((p) => p.element.tag === 'line' && p.element.attrs.stroke === COLORS.baseline)
    .map(({ element, x, y, scale }) => ({
      x1: x + Number(element.attrs.x1) * scale,
      x2: x + Number(element.attrs.x2) * scale,
      y: y + Number(element.attrs.y1) * scale,
    }))
}

const scales = (layout: FigureLayout) =>
  placed(layout.svg).flatMap((p) => {
    const match = /scale\(([\d.]+)\)/.exec(String(p.element.attrs.transform ?? ''))
    return match ? [Number(match[1])] : []
  })

const fontSizes = (layout: FigureLayout) =>
  placed(layout.svg)
    .filter((p) => p.element.tag === 'text')
    .map((p) => Number(p.element.attrs['font-size']) * p.scale)

/** The width the content may take: the page less its margins (the title starts at the left). */
function contentWidth(layout: FigureLayout, s: FigureSpec): { left: number; width: number } {
  const title = layout.texts.find((t) => s.title.startsWith(t.text))
  const left = title?.x ?? 0
  return { left, width: layout.width - 2 * left }
}

/** How much of the content width the panels span, from the first baseline to the last. */
function drawnShare(layout: FigureLayout, s: FigureSpec): number {
  const lines = baselines(layout)
  const span = Math.max(...lines.map((l) => l.x2)) - Math.min(...lines.map((l) => l.x1))
  return span / contentWidth(layout, s).width
}

describe('"Export all" of two districts on a 16:9 slide', () => {
  const s = compareAll(2, 6)
  const layout = lay(s, 'slide')

  it('draws the chart at full size, across the width, instead of scaling it down', () => {
    expect(scales(layout)).toEqual([])
    expect(drawnShare(layout, s)).toBeGreaterThanOrEqual(0.85)
    expect(Math.min(...fontSizes(layout))).toBeGreaterThanOrEqual(9)
    expect(layout.height).toBe(540)
  })

  it('keeps every text apart and on the canvas', () => {
    expect(overlaps(layout.texts)).toEqual([])
    expect(outside(layout)).toEqual([])
  })

  it('flows the metrics into columns, each metric over its own two panels', () => {
    const titles = layout.texts.filter((t) => METRICS.includes(t.text))
    expect(titles.map((t) => t.text)).toEqual(METRICS)
    // Side by side: fewer title rows than metrics.
    const rows = [...new Set(titles.map((t) => t.y))].sort((a, b) => a - b)
    expect(rows.length).toBeLessThan(METRICS.length)
    const right = contentWidth(layout, s).left + contentWidth(layout, s).width
    for (const title of titles) {
      // The block under a title reaches to the next title in its row, or to the margin.
      const next = titles
        .filter((t) => t.y === title.y && t.x > title.x)
        .reduce((x, t) => Math.min(x, t.x), right)
      const below = rows.find((y) => y > title.y) ?? Infinity
      const panels = layout.texts.filter(
        (t) =>
          (t.text === "Jing'an" || t.text === 'Qingpu') &&
          t.x >= title.x &&
          t.x < next &&
          t.y > title.y &&
          t.y < below,
      )
      expect(panels.map((t) => t.text).sort()).toEqual(["Jing'an", 'Qingpu'])
    }
  })

  it('names the editions by their ordinal where the full label would not fit', () => {
    const words = layout.texts.map((t) => t.text)
    for (const ordinal of ['1st', '6th', '8th'])
      expect(words.filter((w) => w === ordinal)).toHaveLength(12)
    expect(words.join(' ')).not.toContain('(2018)')
  })

  it('sets a long value label above its column, reaching over the empty editions beside it', () => {
    const label = layout.texts.find((t) => t.text === '100,000+ sqm')
    expect(label).toBeDefined()
    if (!label) return
    // The dashes of the same panel: in the columns under the label, on the nearest line below.
    const beside = layout.texts.filter(
      (t) => t.text === '—' && t.x < label.x + label.width && t.x + t.width > label.x,
    )
    const line = Math.min(...beside.filter((d) => d.y > label.y).map((d) => d.y))
    const under = beside.filter((d) => Math.abs(d.y - line) < 0.5)
    // Over the dashes on both sides of its column, so wider than its slot; clear above them.
    expect(under.filter((d) => d.x + d.width < label.x + label.width / 2).length).toBeGreaterThan(0)
    expect(under.filter((d) => d.x > label.x + label.width / 2).length).toBeGreaterThan(0)
    for (const dash of under) expect(label.y + label.height).toBeLessThanOrEqual(dash.y)
  })
})

describe('rows of panels side by side', () => {
  it('keeps one scale within each row and its own scale per row', () => {
    // Both districts report in every row, Qingpu twice Jing'an; rows differ tenfold.
    const s = compareAll(2, 6, (m, d, e) => {
      if (e !== HIGHLIGHT && e !== 2) return undefined
      const n = (d + 1) * 10 ** (m % 3) * (e === 2 ? 1 : 2)
      return [n, String(n)]
    })
    const layout = lay(s, 'slide')
    expect(overlaps(layout.texts)).toEqual([])
    const heights = (color: string) =>
      placed(layout.svg)
        .filter((p) => p.element.tag === 'rect' && p.element.attrs.fill === color)
        .filter((p) => p.element.attrs.rx === undefined)
        .map((p) => Number(p.element.attrs.height) * p.scale)
    const jingan = heights('#8957e3')
    const qingpu = heights('#703805')
    expect(jingan).toHaveLength(12)
    expect(qingpu).toHaveLength(12)
    jingan.forEach((h, i) => expect(h / (qingpu[i] ?? 1)).toBeCloseTo(0.5, 2))
    // Each row scales to its own largest value, so the rows' tallest columns match.
    const tallest = [0, 1, 2, 3, 4, 5].map((row) => Math.max(...qingpu.slice(row * 2, row * 2 + 2)))
    for (const t of tallest) expect(t).toBeCloseTo(tallest[0] ?? 0, 1)
  })
})

describe.each(SIZES)('three to six districts × one to six metrics (%s)', (_, preset, screen) => {
  const grid = [3, 4, 5, 6].flatMap((d) => [1, 2, 3, 4, 6].map((m) => [d, m] as const))
  it.each(grid)('%i districts × %i metrics: apart, on the canvas, across the width', (d, m) => {
    const s = compareAll(d, m)
    const layout = lay(s, preset, screen)
    expect(overlaps(layout.texts)).toEqual([])
    expect(outside(layout)).toEqual([])
    expect(Math.min(...fontSizes(layout).filter(Number.isFinite))).toBeGreaterThan(5)
    // Scaled or not, the panels span the width.
    expect(drawnShare(layout, s)).toBeGreaterThanOrEqual(0.85)
    // Up to three districts by three metrics never needs scaling, on any size.
    if (d <= 3 && m <= 3) expect(scales(layout)).toEqual([])
  })

  it('draws two districts × up to six metrics without scaling', () => {
    for (const m of [1, 2, 3, 4, 5, 6]) {
      const layout = lay(compareAll(2, m), preset, screen)
      expect(scales(layout)).toEqual([])
      expect(overlaps(layout.texts)).toEqual([])
    }
  })
})

describe.each(SIZES)('one metric of two to six districts (%s)', (_, preset, screen) => {
  it.each([2, 3, 4, 5, 6])('%i districts: at most four panels a line, each 150 px or more', (d) => {
    const s = compareAll(d, 1)
    const layout = lay(s, preset, screen)
    expect(scales(layout)).toEqual([])
    expect(overlaps(layout.texts)).toEqual([])
    const lines = baselines(layout)
    expect(lines).toHaveLength(d)
    for (const line of lines) expect(line.x2 - line.x1).toBeGreaterThanOrEqual(150)
    const perLine = new Map<number, number>()
    for (const line of lines) perLine.set(line.y, (perLine.get(line.y) ?? 0) + 1)
    expect(Math.max(...perLine.values())).toBeLessThanOrEqual(4)
    expect(drawnShare(layout, s)).toBeGreaterThanOrEqual(0.85)
  })
})

describe('speed', () => {
  it('lays out "Export all" of two districts in a few milliseconds', () => {
    const s = compareAll(2, 6)
    for (const preset of PRESET_IDS) {
      lay(s, preset)
      const times = Array.from({ length: 5 }, () => {
        const start = performance.now()
        lay(s, preset)
        return performance.now() - start
      }).sort((a, b) => a - b)
      expect(times[2]).toBeLessThan(30)
    }
  })
})
