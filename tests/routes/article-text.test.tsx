import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findParagraphs, layoutArticleText, type TextSpan } from '../../src/routes/article-text'

const TEXT = 'Jing’an signed 28 deals.\n\nIt signed 28 more, and 28 again in 2024.'

function span(start: number, end: number, data = `${start}-${end}`): TextSpan<string> {
  return { start, end, data }
}

/** The highlighted runs of a layout, as [words, data]. */
function highlights(text: string, spans: Array<TextSpan<string>>, ranges = []) {
  return layoutArticleText(text, spans, ranges).paragraphs.flatMap((paragraph) =>
    paragraph.segments.flatMap((segment) =>
      segment.span ? [[segment.text, segment.span.data] as const] : [],
    ),
  )
}

describe('findParagraphs', () => {
  it('splits at blank lines and leaves the breaks out', () => {
    const paragraphs = findParagraphs(TEXT)
    expect(paragraphs.map(({ start, end }) => TEXT.slice(start, end))).toEqual([
      'Jing’an signed 28 deals.',
      'It signed 28 more, and 28 again in 2024.',
    ])
  })

  it('ignores extra blank lines and an empty text', () => {
    expect(findParagraphs('a\n\n\n\nb\n\n').length).toBe(2)
    expect(findParagraphs('')).toEqual([])
    expect(findParagraphs('\n\n')).toEqual([])
  })

  it('keeps a single line break inside its paragraph', () => {
    expect(findParagraphs('line one\nline two')).toEqual([{ start: 0, end: 17 }])
  })
})

describe('layoutArticleText', () => {
  it('gives back every paragraph whole when nothing is highlighted', () => {
    const layout = layoutArticleText(TEXT, [])
    expect(layout.paragraphs.map((p) => p.segments.map((s) => s.text).join(''))).toEqual([
      'Jing’an signed 28 deals.',
      'It signed 28 more, and 28 again in 2024.',
    ])
  })

  it('places each highlight by its offsets, not by searching for its words', () => {
    const second = TEXT.indexOf('28', TEXT.indexOf('more'))
    expect(highlights(TEXT, [span(second, second + 2, 'the third 28')])).toEqual([
      ['28', 'the third 28'],
    ])
    const layout = layoutArticleText(TEXT, [span(second, second + 2)])
    const [, paragraph] = layout.paragraphs
    expect(paragraph?.segments.map((s) => [s.text, s.span !== null])).toEqual([
      ['It signed 28 more, and ', false],
      ['28', true],
      [' again in 2024.', false],
    ])
  })

  it('keeps the text around the highlights unchanged', () => {
    const first = TEXT.indexOf('28')
    const year = TEXT.indexOf('2024')
    const layout = layoutArticleText(TEXT, [span(year, year + 4), span(first, first + 2)])
    const rebuilt = layout.paragraphs.map((p) => p.segments.map((s) => s.text).join(''))
    expect(rebuilt.join('\n\n')).toBe(TEXT)
    expect(layout.placed.map((s) => s.start)).toEqual([first, year])
  })

  it.each([
    ['starts before the text', -1, 3],
    ['ends after the text', TEXT.length - 2, TEXT.length + 5],
    ['is empty', 4, 4],
    ['is reversed', 10, 5],
    ['has fractional offsets', 1.5, 3],
    ['crosses a paragraph break', TEXT.indexOf('deals'), TEXT.indexOf('It') + 2],
  ])('skips a span that %s', (_, start, end) => {
    const layout = layoutArticleText(TEXT, [span(start, end)])
    expect(layout.placed).toEqual([])
    expect(layout.skipped).toEqual([span(start, end)])
    expect(layout.paragraphs.flatMap((p) => p.segments).every((s) => s.span === null)).toBe(true)
  })

  it('lets the earlier span win an overlap and skips the later one', () => {
    const figure = span(15, 23, 'figure')
    const overlapping = span(20, 24, 'discarded')
    const layout = layoutArticleText(TEXT, [figure, overlapping])
    expect(layout.placed).toEqual([figure])
    expect(layout.skipped).toEqual([overlapping])
  })

  it('places spans that touch without overlapping', () => {
    expect(highlights('abcdef', [span(0, 3, 'first'), span(3, 6, 'second')])).toEqual([
      ['abc', 'first'],
      ['def', 'second'],
    ])
  })

  it('tints the runs inside a range and says where the range begins', () => {
    const layout = layoutArticleText(
      'Before. Inside 28 here. After.',
      [span(15, 17)],
      [{ start: 8, end: 23 }],
    )
    const segments = layout.paragraphs[0]?.segments ?? []
    expect(segments.map((s) => [s.text, s.inRange, s.rangesStarting.length])).toEqual([
      ['Before. ', false, 0],
      ['Inside ', true, 1],
      ['28', true, 0],
      [' here.', true, 0],
      [' After.', false, 0],
    ])
  })

  it('never cuts a highlight at a range boundary', () => {
    const layout = layoutArticleText('one 12345 two', [span(4, 9, 'n')], [{ start: 6, end: 13 }])
    const segments = layout.paragraphs[0]?.segments ?? []
    expect(segments.filter((s) => s.span).map((s) => s.text)).toEqual(['12345'])
    expect(segments.map((s) => s.text).join('')).toBe('one 12345 two')
  })

  it('ignores unusable ranges', () => {
    const layout = layoutArticleText(
      'abc',
      [],
      [
        { start: -2, end: 1 },
        { start: 2, end: 99 },
      ],
    )
    expect(layout.paragraphs[0]?.segments.every((s) => !s.inRange)).toBe(true)
  })

  it('never throws, rebuilds the text and draws no two spans over each other', () => {
    const offset = fc.integer({ min: -5, max: 60 })
    fc.assert(
      fc.property(
        fc.string({ maxLength: 50 }).map((s) => s.replaceAll('|', '\n\n')),
        fc.array(fc.tuple(offset, offset), { maxLength: 8 }),
        fc.array(fc.tuple(offset, offset), { maxLength: 4 }),
        (text, spanOffsets, rangeOffsets) => {
          const spans = spanOffsets.map(([start, end]) => span(start, end))
          const ranges = rangeOffsets.map(([start, end]) => ({ start, end }))
          const layout = layoutArticleText(text, spans, ranges)
          expect(layout.placed.length + layout.skipped.length).toBe(spans.length)
          for (const paragraph of layout.paragraphs) {
            expect(paragraph.segments.map((s) => s.text).join('')).toBe(
              text.slice(paragraph.start, paragraph.end),
            )
            for (const segment of paragraph.segments) {
              if (segment.span)
                expect(segment.text).toBe(text.slice(segment.span.start, segment.span.end))
            }
          }
          layout.placed.forEach((placed, i) => {
            const previous = layout.placed[i - 1]
            if (previous) expect(placed.start).toBeGreaterThanOrEqual(previous.end)
          })
        },
      ),
    )
  })
})
