import { describe, expect, it } from 'vitest'
import { Scene } from '../../src/export/layout/scene'
import { layoutMeasurer, widthForLines, wrapText } from '../../src/export/layout/text'
import { estimateTextWidth, type MeasureText } from '../../src/export/text-measure'

const font = { size: 12 }
const measure = estimateTextWidth
const width = (text: string) => measure(text, font)

describe('wrapText', () => {
  it.each([
    ['Sources: “Pudong signs deals worth billions at the expo” (6 Nov 2023).', 150],
    ['Agreements signed by district at the 6th CIIE', 90],
    ['one', 300],
  ])('keeps every line of %j within %i px and loses no word', (text, max) => {
    const lines = wrapText(text, max, font, measure)
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(max)
    expect(lines.join(' ')).toBe(text)
  })

  it('fills lines greedily: a line ends only where the next word would not fit', () => {
    const lines = wrapText('aaa bbb ccc ddd eee', width('aaa bbb ccc'), font, measure)
    expect(lines).toEqual(['aaa bbb ccc', 'ddd eee'])
  })

  it('breaks Chinese text between characters, where there are no spaces', () => {
    const lines = wrapText('浦东新区静安区徐汇区', 12 * 4, font, measure)
    expect(lines).toEqual(['浦东新区', '静安区徐', '汇区'])
  })

  it('never leaves one Chinese character alone on the last line', () => {
    // Greedy filling would give ['浦东新区', '静安区徐', '汇']: "区" goes down with "汇".
    expect(wrapText('浦东新区静安区徐汇', 12 * 4, font, measure)).toEqual([
      '浦东新区',
      '静安区',
      '徐汇',
    ])
    // A lone word at the end of English text is normal and stays.
    expect(wrapText('aaa bbb ccc d', width('aaa bbb ccc'), font, measure)).toEqual([
      'aaa bbb ccc',
      'd',
    ])
  })

  it('never starts a line with closing Chinese punctuation, nor ends one with an opening bracket', () => {
    // At four characters a line, "，" would start the second line: it stays with "区"; "（"
    // stays with the year it opens.
    const lines = wrapText('浦东新区，静安区（2023）', 12 * 5, font, measure)
    expect(lines).toEqual(['浦东新区，', '静安区', '（2023）'])
    expect(wrapText('进博会（第六届）签约', 12 * 4, font, measure)).toEqual([
      '进博会',
      '（第六',
      '届）签约',
    ])
  })

  it('keeps a space between words on either side of a Chinese run', () => {
    expect(wrapText("Jing'an 静安区 district", 1000, font, measure)).toEqual([
      "Jing'an 静安区 district",
    ])
  })

  it('breaks a word longer than the line between characters instead of clipping it', () => {
    const word = 'Internationalisation-of-the-import-expo'
    const lines = wrapText(word, 60, font, measure)
    expect(lines.length).toBeGreaterThan(2)
    expect(lines.join('')).toBe(word)
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(60)
  })

  it('collapses runs of whitespace and gives no lines for empty text', () => {
    expect(wrapText('  two\n\twords ', 500, font, measure)).toEqual(['two words'])
    expect(wrapText('', 500, font, measure)).toEqual([])
    expect(wrapText('   ', 500, font, measure)).toEqual([])
  })
})

describe('widthForLines', () => {
  it('is the whole width for one line and the wider half for two', () => {
    expect(widthForLines('6th (2023)', 1, font, measure)).toBe(width('6th (2023)'))
    expect(widthForLines('6th (2023)', 2, font, measure)).toBe(width('(2023)'))
  })

  it('finds the most even break of three lines', () => {
    const text = 'aa bb cc dd ee ff'
    const w = widthForLines(text, 3, font, measure)
    expect(w).toBe(width('aa bb'))
    expect(wrapText(text, w, font, measure)).toEqual(['aa bb', 'cc dd', 'ee ff'])
    expect(wrapText(text, w - 1, font, measure).length).toBeGreaterThan(3)
  })

  it('works on long texts too, within half a pixel', () => {
    const text = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ')
    const w = widthForLines(text, 4, font, measure)
    expect(wrapText(text, w, font, measure).length).toBeLessThanOrEqual(4)
    expect(wrapText(text, w - 1, font, measure).length).toBeGreaterThan(4)
  })
})

describe('layoutMeasurer', () => {
  it('measures each string in each font once', () => {
    const calls: Array<string> = []
    const counting: MeasureText = (text, f) => {
      calls.push(`${f.size}:${text}`)
      return measure(text, f)
    }
    const remembering = layoutMeasurer(counting)
    remembering('Xuhui', font)
    remembering('Xuhui', font)
    remembering('Xuhui', { size: 12, weight: 700 })
    expect(calls).toEqual(['12:Xuhui', '12:Xuhui'])
    expect(remembering('Xuhui', font)).toBe(measure('Xuhui', font))
  })
})

describe('Scene', () => {
  it('records the box of a text by its anchor', () => {
    const scene = new Scene(measure)
    const w = width('Huangpu')
    const box = scene.text('Huangpu', 100, 10, { ...font, anchor: 'end' })
    expect(box).toMatchObject({ x: 100 - w, y: 10, width: w })
    expect(box.height).toBeCloseTo(14.4)
    expect(scene.text('Huangpu', 100, 10, { ...font, anchor: 'middle' }).x).toBe(100 - w / 2)
  })

  it('turns text to read upwards with a box as tall as the text is long', () => {
    const scene = new Scene(measure)
    const box = scene.upright('US$700 million', 50, 200, font)
    expect(box.x).toBeCloseTo(50 - 7.2)
    expect(box.width).toBeCloseTo(14.4)
    expect(box.y).toBe(200 - width('US$700 million'))
    expect(box.height).toBe(width('US$700 million'))
    expect(String(scene.nodes[0]?.attrs.transform)).toMatch(/^rotate\(-90 /)
  })

  it('moves and scales the boxes of a placed part with it', () => {
    const part = new Scene(measure)
    part.text('Xuhui', 10, 10, font)
    const page = new Scene(measure)
    page.place(part, 100, 50, 0.5)
    expect(page.texts[0]).toMatchObject({ x: 105, y: 55 })
    expect(page.texts[0]?.height).toBeCloseTo(7.2)
    expect(page.nodes[0]?.attrs.transform).toBe('translate(100 50) scale(0.5)')
  })

  it('draws nothing for a rect without area', () => {
    const scene = new Scene(measure)
    scene.rect(0, 0, 0, 10, { fill: '#000000' })
    scene.rect(0, 0, 10, -1, { fill: '#000000' })
    expect(scene.nodes).toEqual([])
  })
})
