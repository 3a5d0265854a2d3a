import * as v from 'valibot'
import { beforeEach, describe, expect, it } from 'vitest'
import { layoutFigure } from '../../src/export/figure-layout'
import {
  FigureSpecSchema,
  type FigureChart,
  type FigureSpec,
  type FigureValue,
} from '../../src/export/figure-spec'
import { withCjkFonts } from '../../src/export/fonts'
import { figureSize, PRESET_IDS } from '../../src/export/presets'
import { serializeSvg, type SvgElement } from '../../src/export/svg-tree'
import { estimateTextWidth } from '../../src/export/text-measure'
import { activateLocale } from '../../src/i18n/i18n'
import { outside, overlaps } from './layout-checks'

/**
 * Figures exported in Chinese: the title, labels and what the layout adds itself (the key to the
 * marks, "未见报道", the note of a grouped chart drawn as a table) are Chinese, and Chinese text,
 * which has no spaces, wraps between characters without overlapping or leaving the figure.
 */

beforeEach(() => activateLocale('zh'))

const OPTIONS = { measure: estimateTextWidth, fontFamily: withCjkFonts('system-ui, sans-serif') }

const DISTRICTS = [
  '浦东新区',
  '黄浦区',
  '徐汇区',
  '长宁区',
  '静安区',
  '普陀区',
  '虹口区',
  '杨浦区',
  '闵行区',
  '宝山区',
  '嘉定区',
  '金山区',
  '松江区',
  '青浦区',
  '奉贤区',
  '崇明区',
]
const EDITIONS = ['首届', '第二届', '第三届', '第四届', '第五届', '第六届', '第七届', '第八届'].map(
  (name, i) => `${name}（${2018 + i}）`,
)
const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b']

/** Values in the words of the Chinese dashboard: 超过80家, 约7亿美元, or not reported. */
function value(label: string, i: number, color = '#2f6aa8'): FigureValue {
  const amount = (i * 37) % 11 === 3 ? null : 20 + ((i * 53) % 900)
  return {
    key: `${label}|${i}`,
    label,
    value: amount,
    display:
      amount === null ? '未见报道' : i % 3 === 0 ? `超过${amount}家` : `约${amount / 100}亿美元`,
    qualifier: amount === null ? null : i % 3 === 0 ? 'more_than' : 'about',
    conflict: i % 7 === 2,
    color,
  }
}

function zhSpec(chart: FigureChart, over: Partial<FigureSpec> = {}): FigureSpec {
  return v.parse(FigureSpecSchema, {
    title: '各区签约金额',
    subtitle: '第六届进博会（2023）· 16个区中有13个区有报道',
    chart,
    legend: [],
    notes: ['80+ 表示超过80。'],
    sources: '数据来源：3篇新闻报道，2023年11月6日至2023年11月9日。',
    built: '进博会区级数据看板，2026年1月15日生成，收录截至2025年11月10日的报道。',
    fileStem: 'ciie-6th-2023_agreements-signed_by-district',
    csv: [],
    ...over,
  })
}

const bars = () => zhSpec({ kind: 'bars', rows: DISTRICTS.map((d, i) => value(d, i)) })
const panels = () =>
  zhSpec({
    kind: 'panels',
    rows: [
      {
        title: '签约金额（美元）',
        sharedScale: true,
        panels: DISTRICTS.slice(0, 4).map((d, p) => ({
          title: d,
          color: COLORS[p] ?? '#2f6aa8',
          values: EDITIONS.map((e, i) => ({ ...value(e, i + p), key: `${d}|${e}` })),
        })),
      },
    ],
  })
const grouped = (series: number) =>
  zhSpec(
    {
      kind: 'grouped',
      categories: EDITIONS.map((label, i) => ({ key: String(i + 1), label })),
      series: DISTRICTS.slice(0, series).map((d, s) => ({
        key: d,
        label: d,
        color: COLORS[s % COLORS.length] ?? '#2f6aa8',
        values: EDITIONS.map((e, i) => ({ ...value(e, i + s), key: `${d}|${e}` })),
      })),
    },
    {
      legend: DISTRICTS.slice(0, series).map((d, s) => ({
        label: d,
        color: COLORS[s % 6] ?? '#2f6aa8',
      })),
    },
  )
const matrix = () =>
  zhSpec({
    kind: 'matrix',
    columns: EDITIONS,
    rows: DISTRICTS.map((d, r) => ({ label: d, cells: EDITIONS.map((e, i) => value(e, r + i)) })),
  })

function* elements(node: SvgElement): Generator<SvgElement> {
  yield node
  for (const child of node.children) if (typeof child !== 'string') yield* elements(child)
}
const textOf = (node: SvgElement): string =>
  node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('')
/** The words drawn as `<text>` elements, in order. */
const drawnTexts = (svg: SvgElement) =>
  [...elements(svg)].filter((e) => e.tag === 'text').map(textOf)

describe('a figure exported in Chinese', () => {
  const cases = [
    ['bars', bars],
    ['panels', panels],
    ['grouped', () => grouped(3)],
    ['matrix', matrix],
  ] as const

  it.each(
    cases.flatMap(([kind, make]) => PRESET_IDS.map((preset) => [kind, preset, make] as const)),
  )('%s at %s: Chinese text neither overlaps nor leaves the figure', (_kind, preset, make) => {
    const layout = layoutFigure(make(), figureSize(preset, 640), OPTIONS)
    expect(overlaps(layout.texts)).toEqual([])
    expect(outside(layout)).toEqual([])
  })

  it('draws the Chinese title, labels, values and footer as text', () => {
    const layout = layoutFigure(bars(), figureSize('document', 640), OPTIONS)
    const texts = drawnTexts(layout.svg)
    expect(texts).toContain('各区签约金额')
    expect(texts.join('')).toContain('第六届进博会（2023）')
    expect(texts).toEqual(expect.arrayContaining(['浦东新区', '崇明区', '超过20家']))
    expect(texts.join('')).toContain('数据来源：3篇新闻报道')
    // A district with no figure says so in Chinese in its row.
    expect(texts).toContain('未见报道')
    expect(texts.join(' ')).not.toMatch(/not reported|sources disagree/)
    const svg = serializeSvg(layout.svg)
    expect(svg).toContain('<title>各区签约金额</title>')
    expect(svg).toContain('lang="zh-CN"')
    expect(svg).toContain("'Noto Sans CJK SC'")
  })

  it('explains its marks in Chinese under a table', () => {
    const texts = drawnTexts(layoutFigure(matrix(), figureSize('document', 640), OPTIONS).svg)
    expect(texts.join(' ')).toContain('⚠ 各来源数据不一致 · — 未见报道')
  })

  it('says in Chinese when a grouped chart too dense for the size is drawn as a table', () => {
    const layout = layoutFigure(grouped(16), figureSize('square', 640), OPTIONS)
    expect(layout.drawnAs).toBe('matrix')
    expect(drawnTexts(layout.svg).join('')).toContain('此尺寸下柱形过多，改以表格显示。')
    expect(overlaps(layout.texts)).toEqual([])
    expect(outside(layout)).toEqual([])
  })

  it('wraps a long Chinese title between characters, within the width, never starting a line with "，"', () => {
    const title =
      '2018年至2025年历届中国国际进口博览会期间上海市各区签约金额、合作伙伴数量及参展企业数量，按区县排列'
    const size = figureSize('square', 640)
    const layout = layoutFigure(zhSpec(bars().chart, { title }), size, OPTIONS)
    const titleLines = layout.texts.filter((t) => title.includes(t.text) && t.text.length > 1)
    expect(titleLines.length).toBeGreaterThan(1)
    expect(titleLines.map((t) => t.text).join('')).toBe(title)
    for (const line of titleLines) {
      expect(line.x + line.width).toBeLessThanOrEqual(size.width)
      expect(line.text).not.toMatch(/^[，、。]/)
    }
  })
})
