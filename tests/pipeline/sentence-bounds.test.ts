import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sentenceBounds } from '../../src/pipeline/sentences'
import { BUNDLED_ARTICLES, FIXTURE_ARTICLES, ROOT, readArticles } from './corpus'

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })
const segmenterBounds = (text: string) => [
  ...Array.from(segmenter.segment(text), (segment) => segment.index),
  text.length,
]

// Pieces that reach every rule: stops, closing quotes, spaces, numbers, abbreviations, dashes,
// and characters the hand-written rules leave to the segmenter.
const piece = fc.constantFrom(
  ...['a', 'x', 'A', 'S', 'U', '3', '.', '.', '!', '?', ' ', ' ', '"', "'", '(', ')', '[', ']'],
  ...['’', '‘', '“', '”', '–', '—', ',', '-', ':', ';', '#', '$', '%', '&', '/', '…', 'é', '中'],
  ...['Mr.', 'U.S.', 'Co. Ltd.', ' The', ' the', '3.5', 'No. 5', '\t'],
)

describe('sentenceBounds', () => {
  it('splits every fixture and bundled paragraph where Intl.Segmenter does', () => {
    const folders = [
      FIXTURE_ARTICLES,
      BUNDLED_ARTICLES,
      join(ROOT, 'tests', 'fixtures', 'held-out'),
      join(ROOT, 'tests', 'fixtures', 'held-out-2'),
    ]
    for (const article of folders.flatMap(readArticles)) {
      for (const paragraph of article.paragraphs) {
        const text = article.text.slice(paragraph.start, paragraph.end)
        expect(sentenceBounds(text), text).toEqual(segmenterBounds(text))
      }
    }
  })

  it('splits random text where Intl.Segmenter does', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('')
        expect(sentenceBounds(text)).toEqual(segmenterBounds(text))
      }),
      { numRuns: 20_000 },
    )
  })
})
