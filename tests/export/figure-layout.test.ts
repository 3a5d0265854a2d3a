import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  FigureSpecSchema,
  type FigureChart,
  type FigureSpec,
  type FigureValue,
} from '../../src/export/figure-spec'
import { layoutFigure, type FigureLayout } from '../../src/export/figure-layout'
import { shownAsTable } from '../../src/export/layout/grouped'
import { figureSize, PRESET_IDS, type PresetId } from '../../src/export/presets'
import { serializeSvg, type SvgElement } from '../../src/export/svg-tree'
import { estimateTextWidth } from '../../src/export/text-measure'
import { barsSpec, matrixSpec, panelsSpec } from '../fixtures/figure-specs'
import { EDITION_LABELS, outside, overlaps } from './layout-checks'

const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
  '#0b3a6e',
  '#aa3377',
  '#228833',
  '#ccbb44',
  '#66ccee',
  '#4477aa',
]
const color = (i: number) => PALETTE[i % PALETTE.length] ?? '#2f6aa8'
const DISTRICTS = [
  'Pudong New Area',
  'Huangpu',
  'Xuhui',
  'Changning',
  "Jing'an 静安区",
  'Putuo',
  'Hongkou',
  'Yangpu',
  'Minhang',
  'Baoshan',
  'Jiading',
  'Jinshan',
  'Songjiang',
  'Qingpu',
  'Fengxian',
  '浦东新区',
]

function value(label: string, v: number | null, extra: Partial<FigureValue> = {}): FigureValue {
  return {
    key: `${label}|${v}`,
    label,
    value: v,
    display: v === null ? 'not reported' : v.toLocaleString('en-US'),
    qualifier: null,
    conflict: false,
    color: '#2f6aa8',
    ...extra,
  }
}

/** A deterministic spread of amounts with a gap now and then (about one in eleven). */
const amount = (i: number, j: number) =>
  (i * 7 + j * 13) % 11 === 0 ? null : 40 + ((i * 97 + j * 31) % 1200)
/** Money in the dashboard's words, with a scale word that changes, so no unit can be factored. */
const money = (n: number) => (n >= 1000 ? `US$${(n / 1000).toFixed(3)} billion` : `US$${n} million`)

function spec(chart: FigureChart, over: Partial<FigureSpec> = {}): FigureSpec {
  return v.parse(FigureSpecSchema, {
    title: 'Agreements signed by district',
    subtitle: '6th CIIE (2023) · 13 of 16 districts report it',
    chart,
    legend: [],
    notes: [],
    sources:
      'Sources: “Pudong signs deals worth billions at the expo” (6 Nov 2023); “Hongkou exhibitors report record interest” (9 Nov 2023).',
    built: 'CIIE District Dashboard, built 15 Jan 2026 from articles up to 10 Nov 2025.',
    fileStem: 'ciie-6th-2023_agreements-signed_by-district',
    csv: [],
    ...over,
  })
}

const smallBars = () =>
  spec({
    kind: 'bars',
    rows: [
      value('Pudong New Area', 1234, {
        display: 'US$1,234 million',
        conflict: true,
        color: color(0),
      }),
      value('Hongkou', 700, { display: 'US$700 million', color: color(1) }),
      value('Xuhui', 80, { display: '80+', qualifier: 'more_than', color: color(2) }),
      value('浦东新区', 12, { color: color(3) }),
      value('Jiading', null, { color: color(4) }),
    ],
  })

const denseBars = () =>
  spec({
    kind: 'bars',
    rows: DISTRICTS.map((d, i) => {
      const n = i % 5 === 4 ? null : 2000 - i * 120
      return value(d, n, {
        display: n === null ? 'not reported' : money(n),
        conflict: n !== null && i % 3 === 0,
        color: color(i),
      })
    }),
  })

const singleColumnChart = () =>
  spec(
    {
      kind: 'panels',
      rows: [
        {
          title: '',
          sharedScale: true,
          panels: [
            {
              title: '',
              color: '#2f6aa8',
              values: EDITION_LABELS.map((e, j) =>
                value(e, j === 2 ? null : 50 + j * 30, {
                  ...(j === 1 ? { display: '80+', qualifier: 'more_than' as const } : {}),
                  highlight: j === 5,
                }),
              ),
            },
          ],
        },
      ],
    },
    { title: 'Pudong New Area: Agreements signed', subtitle: 'At each CIIE edition' },
  )

const panelsOf = (districts: number) =>
  spec(
    {
      kind: 'panels',
      rows: [
        {
          title: 'Partners',
          sharedScale: true,
          panels: DISTRICTS.slice(0, districts).map((d, i) => ({
            title: d,
            color: color(i),
            values: EDITION_LABELS.map((e, j) =>
              value(e, amount(i, j), {
                color: color(i),
                highlight: j === 5,
                conflict: (i + j) % 9 === 0,
              }),
            ),
          })),
        },
        {
          title: 'Agreements signed (US dollars)',
          sharedScale: false,
          panels: DISTRICTS.slice(0, districts).map((d, i) => ({
            title: d,
            color: color(i),
            values: EDITION_LABELS.map((e, j) => {
              const n = amount(i + 3, j)
              return value(e, n, {
                display: n === null ? 'not reported' : money(n),
                color: color(i),
                highlight: j === 5,
              })
            }),
            ...(i === 1
              ? { note: 'Also reported in another currency: 19.6 billion yuan (6th).' }
              : {}),
          })),
        },
      ],
    },
    { title: 'Compare districts', subtitle: '6th (2023) outlined' },
  )

const groupedOf = (districts: number, editions: number, long: boolean) => {
  const names = DISTRICTS.slice(0, districts)
  const labels = EDITION_LABELS.slice(0, editions)
  return spec(
    {
      kind: 'grouped',
      categories: labels.map((e) => ({ key: e, label: e })),
      series: names.map((d, i) => ({
        key: d,
        label: d,
        color: color(i),
        values: labels.map((e, j) => {
          const n = amount(i, j)
          return value(e, n, {
            ...(n !== null && long ? { display: `US$${n.toLocaleString('en-US')} million` } : {}),
            color: color(i),
            conflict: long && (i + j) % 4 === 0,
          })
        }),
      })),
    },
    {
      title: 'Agreements signed, by edition and district',
      legend: names.map((d, i) => ({ label: d, color: color(i) })),
    },
  )
}

const matrixOf = (districts: number, editions: number) =>
  spec(
    {
      kind: 'matrix',
      columns: EDITION_LABELS.slice(0, editions),
      rows: DISTRICTS.slice(0, districts).map((d, i) => ({
        label: d,
        cells: EDITION_LABELS.slice(0, editions).map((e, j) => {
          const n = amount(i, j)
          return value(e, n, {
            display: n === null ? 'not reported' : money(n),
            conflict: (i + j) % 5 === 0,
          })
        }),
      })),
    },
    {
      title: 'Agreements signed: districts × editions',
      subtitle: 'Darker cells hold larger values',
      notes: ['Each cell is the largest figure reported for that district and edition.'],
    },
  )

const OPTIONS = { measure: estimateTextWidth, fontFamily: 'Inter, Arial, sans-serif' }
const lay = (s: FigureSpec, preset: PresetId, screenWidth = 800) =>
  layoutFigure(s, figureSize(preset, screenWidth), OPTIONS)

function* elements(node: SvgElement): Generator<SvgElement> {
  yield node
  for (const child of node.children) if (typeof child !== 'string') yield* elements(child)
}
const textOf = (node: SvgElement) => node.children.filter((c) => typeof c === 'string').join('')
const textElements = (layout: FigureLayout) =>
  [...elements(layout.svg)].filter((e) => e.tag === 'text')
const rects = (layout: FigureLayout) => [...elements(layout.svg)].filter((e) => e.tag === 'rect')
/** All drawn words in order, so wrapped lines read back as the sentence they came from. */
const drawnWords = (layout: FigureLayout) => layout.texts.map((t) => t.text).join(' ')

/**
 * Each case, and the presets where it cannot fit at 9 px and is drawn smaller as a whole:
 * sixteen rows of two-line money cells in 540 px.
 */
const CASES: Array<[string, () => FigureSpec, ReadonlyArray<PresetId>]> = [
  ['bars', smallBars, []],
  ['dense bars (16 districts, long money labels)', denseBars, []],
  ['a single column chart', singleColumnChart, []],
  ['small multiples (2 × 4 panels)', () => panelsOf(4), []],
  ['grouped columns (3 × 6)', () => groupedOf(3, 6, false), []],
  ['dense grouped columns (16 × 8)', () => groupedOf(16, 8, true), []],
  ['a dense matrix (16 × 8)', () => matrixOf(16, 8), ['square']],
]

describe.each(CASES)('%s', (_, make, shrunk) => {
  it.each(PRESET_IDS)('lays out for the %s preset at its size', (preset) => {
    const size = figureSize(preset, 800)
    const layout = lay(make(), preset)
    expect(layout.width).toBe(size.width)
    expect(layout.svg.attrs.width).toBe(size.width * size.scale)
    expect(layout.svg.attrs.height).toBe(layout.height * size.scale)
    expect(layout.svg.attrs.viewBox).toBe(`0 0 ${size.width} ${layout.height}`)
    expect(layout.height).toBeLessThanOrEqual(size.maxHeight)
    if (size.height !== null) expect(layout.height).toBe(size.height)
  })

  it.each(PRESET_IDS)('keeps every text apart and on the canvas (%s)', (preset) => {
    const layout = lay(make(), preset)
    expect(layout.texts.length).toBeGreaterThan(4)
    expect(overlaps(layout.texts)).toEqual([])
    expect(outside(layout)).toEqual([])
  })

  it.each(PRESET_IDS)('draws text at 9 px or more, unless too much for the size (%s)', (preset) => {
    const layout = lay(make(), preset)
    const sizes = textElements(layout).map((t) => Number(t.attrs['font-size']))
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9)
    const scales = [...elements(layout.svg)].flatMap((e) => {
      const match = /scale\(([\d.]+)\)/.exec(String(e.attrs.transform ?? ''))
      return match ? [Number(match[1])] : []
    })
    if (shrunk.includes(preset)) {
      expect(scales).toHaveLength(1)
      expect(scales[0]).toBeGreaterThan(0.6)
    } else expect(scales).toEqual([])
  })

  it.each(PRESET_IDS)('states title, subtitle, sources and build (%s)', (preset) => {
    const s = make()
    const words = drawnWords(lay(s, preset))
    for (const text of [s.title, s.subtitle, s.sources, s.built]) expect(words).toContain(text)
  })

  it('writes a standalone SVG: parses as XML, no script, links, styles or foreign content', () => {
    for (const preset of PRESET_IDS) {
      const svg = serializeSvg(lay(make(), preset).svg)
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
      expect(doc.documentElement.localName).toBe('svg')
      expect(svg).not.toMatch(/<script|href|<style|foreignObject|\sclass=|\sstyle=|<image/i)
    }
  })

  it('never draws an empty rect', () => {
    for (const preset of PRESET_IDS)
      for (const rect of rects(lay(make(), preset))) {
        expect(Number(rect.attrs.width)).toBeGreaterThan(0)
        expect(Number(rect.attrs.height)).toBeGreaterThan(0)
      }
  })
})

describe('the frame', () => {
  it('starts with the title and description, then a white page', () => {
    const layout = lay(smallBars(), 'slide')
    const [title, desc, page] = layout.svg.children
    expect(title).toMatchObject({ tag: 'title', children: ['Agreements signed by district'] })
    expect(desc).toMatchObject({
      tag: 'desc',
      children: ['6th CIIE (2023) · 13 of 16 districts report it'],
    })
    expect(page).toMatchObject({
      tag: 'rect',
      attrs: { x: 0, y: 0, width: 960, height: 540, fill: '#ffffff' },
    })
    expect(layout.svg.attrs['font-family']).toBe('Inter, Arial, sans-serif')
  })

  it('sets the title bold and larger than everything else, in the text colour', () => {
    const texts = textElements(lay(smallBars(), 'document'))
    const title = texts.find((t) => textOf(t) === 'Agreements signed by district')
    expect(title?.attrs).toMatchObject({ 'font-weight': 700, fill: '#1a1a1a' })
    const titleSize = Number(title?.attrs['font-size'])
    expect(titleSize).toBeGreaterThanOrEqual(20)
    expect(titleSize).toBeLessThanOrEqual(24)
    for (const t of texts)
      if (t !== title) expect(Number(t.attrs['font-size'])).toBeLessThan(titleSize)
  })

  it('orders the frame top to bottom: title, subtitle, chart, notes, sources', () => {
    const s = { ...matrixOf(4, 4), notes: ['A note under the chart.'] }
    const layout = lay(s, 'document')
    const top = (text: string) => layout.texts.find((t) => t.text.startsWith(text))?.y ?? NaN
    const order = [
      top('Agreements signed'),
      top('Darker cells'),
      top('Pudong New Area'),
      top('A note under'),
      top('Sources:'),
    ]
    expect(order.every((y, i) => i === 0 || y > (order[i - 1] ?? Infinity))).toBe(true)
  })

  it('keeps a long title whole by wrapping it, within the margins', () => {
    const title =
      'Agreements signed by district at the sixth China International Import Expo, as reported by the district governments in the days after the expo closed'
    const layout = lay({ ...smallBars(), title }, 'square')
    const lines = textElements(layout).filter(
      (t) => t.attrs['font-weight'] === 700 && Number(t.attrs['font-size']) > 15,
    )
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.map(textOf).join(' ')).toBe(title)
    expect(overlaps(layout.texts)).toEqual([])
  })

  it('puts the build line beside the sources when both fit, and under them when not', () => {
    const short = lay(
      { ...smallBars(), sources: 'Source: one article.', built: 'Built 15 Jan 2026.' },
      'slide',
    )
    const source = short.texts.find((t) => t.text === 'Source: one article.')
    const built = short.texts.find((t) => t.text === 'Built 15 Jan 2026.')
    expect(built?.y).toBe(source?.y)
    expect((built?.x ?? 0) + (built?.width ?? 0)).toBeCloseTo(960 - (source?.x ?? 0))

    const long = lay(smallBars(), 'square')
    const lastSource = long.texts
      .filter((t) => t.text.startsWith('Sources') || t.text.includes('(9 Nov 2023).'))
      .at(-1)
    const builtLine = long.texts.find((t) => t.text.startsWith('CIIE District Dashboard'))
    expect(builtLine?.y).toBeGreaterThan(lastSource?.y ?? Infinity)
  })

  it('escapes article text: markup in a title stays text and reads back the same', () => {
    const title = 'Pudong & Hongkou <script>alert(1)</script> "deals"'
    const layout = lay({ ...smallBars(), title, subtitle: 'R&D <b>centres</b>' }, 'document')
    const svg = serializeSvg(layout.svg)
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&amp; Hongkou &lt;script&gt;')
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(doc.getElementsByTagName('script')).toHaveLength(0)
    expect(doc.querySelector('svg > title')?.textContent).toBe(title)
    expect(doc.querySelector('svg > desc')?.textContent).toBe('R&D <b>centres</b>')
    const drawn = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent)
    expect(drawn.join(' ')).toContain(title)
  })

  it('wraps a long legend onto several rows, swatch beside label', () => {
    // Districts that are not rows of the chart, so each label is the legend's own.
    const names = ['Putuo', 'Yangpu', 'Minhang', 'Baoshan', 'Jinshan', 'Songjiang', 'Qingpu']
    const more = ['Fengxian', "Jing'an 静安区", 'Changning', 'Huangpu', 'Chongming']
    const legend = [...names, ...more].map((label, i) => ({ label, color: color(i) }))
    const layout = lay({ ...smallBars(), legend }, 'square')
    const labels = layout.texts.filter((t) => legend.some((l) => l.label === t.text))
    expect(labels).toHaveLength(12)
    expect(new Set(labels.map((t) => t.y)).size).toBeGreaterThan(1)
    const swatches = rects(layout).filter((r) => r.attrs.rx !== undefined)
    expect(swatches).toHaveLength(12)
    expect(overlaps(layout.texts)).toEqual([])
  })

  it('lays out the shared test fixtures at every size', () => {
    for (const make of [barsSpec, panelsSpec, matrixSpec])
      for (const preset of PRESET_IDS) {
        const layout = lay(make(), preset)
        expect(overlaps(layout.texts)).toEqual([])
        expect(outside(layout)).toEqual([])
        expect(drawnWords(layout)).toContain(make().title)
      }
  })

  it('grows a fit-content figure with its content, up to the maximum height', () => {
    const few = lay(smallBars(), 'document')
    const many = lay(denseBars(), 'document')
    expect(many.height).toBeGreaterThan(few.height)
    const huge = lay(
      spec({
        kind: 'bars',
        rows: Array.from({ length: 200 }, (_, i) => value(`District ${i + 1}`, 200 - i)),
      }),
      'screen',
    )
    expect(huge.height).toBeLessThanOrEqual(2400)
    expect(overlaps(huge.texts)).toEqual([])
    expect(outside(huge)).toEqual([])
  })

  it('uses the on-screen width for the screen preset, from 320 to 1600 px', () => {
    for (const width of [200, 320, 1024, 1600, 2400]) {
      const layout = lay(denseBars(), 'screen', width)
      expect(layout.width).toBe(Math.min(1600, Math.max(320, width)))
      expect(overlaps(layout.texts)).toEqual([])
      expect(outside(layout)).toEqual([])
    }
  })
})

describe('bars', () => {
  const layout = lay(smallBars(), 'slide')
  const texts = textElements(layout)

  it('marks a value that was not reported in muted italics and draws no bar for it', () => {
    const mark = texts.find((t) => textOf(t) === 'not reported')
    expect(mark?.attrs).toMatchObject({ 'font-style': 'italic', fill: '#555555' })
    // Jiading's colour: its row has the words and no rect at all, not even a zero-width one.
    expect(rects(layout).filter((r) => r.attrs.fill === color(4))).toHaveLength(0)
    expect(rects(layout).filter((r) => r.attrs.fill === color(1))).toHaveLength(1)
  })

  it('shows qualified values as given, and the conflict mark after the value', () => {
    const words = texts.map(textOf)
    expect(words).toContain('80+')
    expect(words).toContain('US$1,234 million ⚠')
    expect(words).toContain('⚠ sources disagree')
    // Bars spell "not reported" out, so there is no dash to explain.
    expect(words.join(' ')).not.toContain('— not reported')
  })

  it('keeps the rows in the given order', () => {
    const labels = ['Pudong New Area', 'Hongkou', 'Xuhui', '浦东新区', 'Jiading']
    const tops = labels.map((l) => layout.texts.find((t) => t.text === l)?.y ?? NaN)
    expect(tops).toEqual([...tops].sort((a, b) => a - b))
    expect(tops.every(Number.isFinite)).toBe(true)
  })

  it('scales bars to their values, the longest with its label inside the plot', () => {
    const bar = (fill: string) =>
      Number(rects(layout).find((r) => r.attrs.fill === fill)?.attrs.width)
    expect(bar(color(1)) / bar(color(0))).toBeCloseTo(700 / 1234, 2)
    const last = layout.texts.find((t) => t.text === 'US$1,234 million ⚠')
    expect((last?.x ?? Infinity) + (last?.width ?? 0)).toBeLessThanOrEqual(960)
  })

  it('wraps a long category label and caps its column', () => {
    const long = 'Lingang Special Area of the China (Shanghai) Pilot Free Trade Zone'
    const s = spec({
      kind: 'bars',
      rows: [value(long, 10), value('Xuhui', 5)],
    })
    const l = lay(s, 'square')
    const lines = l.texts.filter((t) => long.includes(t.text) && t.text !== 'Xuhui')
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines.map((t) => t.text).join(' ')).toBe(long)
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(540 * 0.38)
    expect(overlaps(l.texts)).toEqual([])
  })
})

describe('panels', () => {
  it('draws a single chart across the full width with no titles', () => {
    const layout = lay(singleColumnChart(), 'document')
    const bars = rects(layout).filter((r) => r.attrs.fill === '#2f6aa8')
    // Seven reported editions, one missing: seven columns, no zero-height one.
    expect(bars).toHaveLength(7)
    const right = Math.max(...bars.map((r) => Number(r.attrs.x) + Number(r.attrs.width)))
    expect(right).toBeGreaterThan(794 * 0.85)
  })

  it('marks a missing edition with a dash and explains it once', () => {
    const layout = lay(singleColumnChart(), 'slide')
    const words = textElements(layout).map(textOf)
    expect(words.filter((w) => w === '—')).toHaveLength(1)
    expect(words).toContain('— not reported')
    expect(words).toContain('80+')
  })

  it('outlines the highlighted edition and sets its label in bold', () => {
    const layout = lay(singleColumnChart(), 'slide')
    const outlined = rects(layout).filter((r) => r.attrs.stroke === '#1a1a1a')
    expect(outlined).toHaveLength(1)
    expect(outlined[0]?.attrs['stroke-width']).toBe(2)
    const bold = textElements(layout).filter(
      (t) => t.attrs['font-weight'] === 700 && /6th|2023/.test(textOf(t)),
    )
    expect(bold.length).toBeGreaterThan(0)
  })

  it('shares one scale within a shared row and not across independent panels', () => {
    const s = panelsOf(2)
    const layout = lay(s, 'document')
    if (s.chart.kind !== 'panels') throw new Error('panels expected')
    const [shared, own] = s.chart.rows
    // A district's columns in drawing order: its panel in the first row, then in the second.
    // (Swatches share the colour but have rounded corners.)
    const perUnit = (panel: number) => {
      const columns = rects(layout).filter((r) => r.attrs.fill === color(panel) && !r.attrs.rx)
      const reported = (row: typeof shared) =>
        (row?.panels[panel]?.values ?? []).filter((v) => (v.value ?? 0) > 0)
      const values = [...reported(shared), ...reported(own)]
      expect(columns).toHaveLength(values.length)
      const scales = columns.map((r, i) => Number(r.attrs.height) / (values[i]?.value ?? 1))
      const split = reported(shared).length
      return { shared: scales.slice(0, split), own: scales.slice(split) }
    }
    const first = perUnit(0)
    const second = perUnit(1)
    const sharedScales = [...first.shared, ...second.shared]
    expect(Math.max(...sharedScales) / Math.min(...sharedScales)).toBeCloseTo(1, 2)
    // Within a panel of its own the scale is one; between the two panels it differs.
    expect(Math.max(...first.own) / Math.min(...first.own)).toBeCloseTo(1, 2)
    expect(Math.abs((first.own[0] ?? 0) / (second.own[0] ?? 1) - 1)).toBeGreaterThan(0.01)
  })

  it('shows a panel note under its panel', () => {
    const layout = lay(panelsOf(4), 'document')
    const note = 'Also reported in another currency: 19.6 billion yuan (6th).'
    const lines = layout.texts.filter((t) => t.text.length > 5 && note.includes(t.text))
    expect(lines.map((t) => t.text).join(' ')).toBe(note)
    const huangpu = layout.texts.filter((t) => t.text === 'Huangpu')
    const secondRowTitle = huangpu.at(-1)
    expect(lines[0]?.y).toBeGreaterThan(secondRowTitle?.y ?? Infinity)
  })
})

describe('grouped columns', () => {
  it('draws a small grouped chart as columns with its legend', () => {
    const layout = lay(groupedOf(3, 6, false), 'square')
    expect(layout.drawnAs).toBe('grouped')
    const words = drawnWords(layout)
    expect(words).not.toContain(shownAsTable())
    for (const name of ['Pudong New Area', 'Huangpu', 'Xuhui']) expect(words).toContain(name)
    expect(rects(layout).filter((r) => r.attrs.fill === color(0)).length).toBeGreaterThan(1)
  })

  it('falls back to a table when the columns cannot carry their labels, and says so', () => {
    const layout = lay(groupedOf(16, 8, true), 'square')
    expect(layout.drawnAs).toBe('matrix')
    const words = drawnWords(layout)
    expect(words).toContain(shownAsTable())
    expect(words).toContain('Fengxian')
    expect(words).toContain('8th')
    // Every district is a row label; the colour legend would key nothing and is left out.
    expect(layout.texts.filter((t) => t.text === 'Pudong New Area')).toHaveLength(1)
    expect(overlaps(layout.texts)).toEqual([])
  })

  it('keeps the dense chart as columns where there is room', () => {
    const layout = lay(groupedOf(16, 2, false), 'screen', 1600)
    expect(layout.drawnAs).toBe('grouped')
  })
})

describe('matrix', () => {
  it('shades cells by their share of the largest value, dark text on light and white on dark', () => {
    const s = spec({
      kind: 'matrix',
      columns: ['6th (2023)', '7th (2024)'],
      rows: [
        { label: 'Pudong New Area', cells: [value('6th', 100), value('7th', 10)] },
        { label: 'Huangpu', cells: [value('6th', 55), value('7th', null)] },
      ],
    })
    const layout = lay(s, 'document')
    const fills = rects(layout).map((r) => r.attrs.fill)
    expect(fills).toContain('#0b3a6e')
    expect(fills).toContain('#e8f0f8')
    expect(fills).toContain('#8fb3d9')
    const texts = textElements(layout)
    expect(texts.find((t) => textOf(t) === '100')?.attrs.fill).toBe('#ffffff')
    expect(texts.find((t) => textOf(t) === '10')?.attrs.fill).toBe('#1a1a1a')
    const dash = texts.find((t) => textOf(t) === '—')
    expect(dash?.attrs.fill).toBe('#555555')
    const empty = rects(layout).find(
      (r) => r.attrs.stroke !== undefined && r.attrs.fill === '#ffffff',
    )
    expect(empty).toBeDefined()
    expect(drawnWords(layout)).toContain('— not reported')
  })

  it('marks conflicting cells', () => {
    const layout = lay(matrixOf(4, 4), 'document')
    expect(drawnWords(layout)).toContain('⚠ sources disagree')
    expect(layout.texts.some((t) => t.text.endsWith('⚠'))).toBe(true)
  })
})

describe('speed', () => {
  it('lays out a 16 × 8 figure in a few milliseconds', () => {
    const figures = [groupedOf(16, 8, true), matrixOf(16, 8)]
    for (const preset of PRESET_IDS)
      for (const s of figures) {
        lay(s, preset)
        const times = Array.from({ length: 5 }, () => {
          const start = performance.now()
          lay(s, preset)
          return performance.now() - start
        }).sort((a, b) => a - b)
        // The budget is 10 ms; the bound leaves room for a busy two-core test machine.
        expect(times[2]).toBeLessThan(30)
      }
  })
})
