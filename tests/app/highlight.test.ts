import { describe, expect, it } from 'vitest'
import {
  rankSpans,
  splitAtSpan,
  splitSentenceAtFigure,
  type SpanRef,
} from '../../src/app/highlight'

describe('splitAtSpan', () => {
  it('highlights the words in the middle of a sentence', () => {
    expect(splitAtSpan('Over 400 companies attended.', '400')).toEqual([
      { text: 'Over ', highlight: false },
      { text: '400', highlight: true },
      { text: ' companies attended.', highlight: false },
    ])
  })

  it('highlights words at the start and at the end without empty parts', () => {
    expect(splitAtSpan('Fourteen experts', 'Fourteen')).toEqual([
      { text: 'Fourteen', highlight: true },
      { text: ' experts', highlight: false },
    ])
    expect(splitAtSpan('It had 28', '28')).toEqual([
      { text: 'It had ', highlight: false },
      { text: '28', highlight: true },
    ])
  })

  it('picks the occurrence asked for when the words repeat', () => {
    const parts = splitAtSpan('28 firms, and 28 of them signed.', '28', 1)
    expect(parts.map((p) => p.text)).toEqual(['28 firms, and ', '28', ' of them signed.'])
  })

  it('falls back to a match ignoring case', () => {
    expect(splitAtSpan('More than 80 firms', 'more than 80')[0]).toEqual({
      text: 'More than 80',
      highlight: true,
    })
  })

  it('returns the sentence whole when the words are not in it', () => {
    expect(splitAtSpan('No numbers here.', '12')).toEqual([
      { text: 'No numbers here.', highlight: false },
    ])
  })
})

describe('rankSpans', () => {
  const sentence = '28 firms, and 28 of them signed.'
  const span = (start: number, article = 'a'): SpanRef => ({
    article,
    sentence,
    start,
    end: start + 2,
    text: '28',
  })

  it('ranks spans with the same words in the same sentence by their article offset', () => {
    const first = span(100)
    const second = span(114)
    const rankOf = rankSpans([second, first])
    expect(rankOf(first)).toBe(0)
    expect(rankOf(second)).toBe(1)
  })

  it('keeps articles apart', () => {
    const rankOf = rankSpans([span(100, 'a'), span(5, 'b')])
    expect(rankOf(span(100, 'a'))).toBe(0)
    expect(rankOf(span(5, 'b'))).toBe(0)
  })
})

describe('splitSentenceAtFigure', () => {
  it('cuts the sentence at the recorded offsets, not at the first matching words', () => {
    const sentence = 'It signed 28 deals, and 28 firms came.'
    const second = sentence.lastIndexOf('28')
    const parts = splitSentenceAtFigure({
      sentence,
      sentenceStart: 100,
      start: 100 + second,
      end: 100 + second + 2,
      text: '28',
    })
    expect(parts.map((p) => p.text).join('')).toBe(sentence)
    expect(parts.find((p) => p.highlight)?.text).toBe('28')
    expect(parts[0]?.text).toBe('It signed 28 deals, and ')
  })

  it('finds the words when the offsets do not point at them', () => {
    const parts = splitSentenceAtFigure({
      sentence: 'About 80 came.',
      sentenceStart: 0,
      start: 50,
      end: 52,
      text: '80',
    })
    expect(parts).toEqual([
      { text: 'About ', highlight: false },
      { text: '80', highlight: true },
      { text: ' came.', highlight: false },
    ])
  })
})
