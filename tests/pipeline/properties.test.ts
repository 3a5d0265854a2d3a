import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildDataset } from '../../src/pipeline/build-dataset'
import { emitApi } from '../../src/pipeline/emit-api'
import { parseArticle, parseArticleBytes } from '../../src/pipeline/parse-article'
import { findQuantities } from '../../src/pipeline/quantities'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'

const gazetteer = getGazetteer()
const catalog = loadCatalog()

// Words of the genre mixed with noise, so generated articles reach the interesting paths.
const genreWord = fc.constantFrom(
  'Jing’an',
  "Jing'an",
  'Pudong',
  'West Hongqiao',
  'signed',
  'more than',
  'about',
  'nearly',
  'up to',
  '30',
  '1,200',
  '3.5 billion yuan',
  'US$700 million',
  '(US$1.1 billion)',
  'projects',
  'partners',
  'enterprises',
  'the sixth CIIE',
  'last year',
  'Fourteen',
  'twenty-eight',
  'a dozen',
  '2023',
  '(2021-2025)',
  '400-square-meter',
  'Co. Ltd.',
  'Mr.',
  'U.S.',
  'No. 1',
  '.',
  ',',
  '\n\n',
  '3+1',
  '％',
  '１２３',
  '“',
  '”',
  'visitors',
  'attended',
  'the expo',
  'square meters',
  'percent',
)
const articleBody = fc
  .array(fc.oneof(genreWord, fc.string()), { maxLength: 60 })
  .map((words) => words.join(' '))
const articleFile = fc
  .tuple(fc.constantFrom('2019-11-06', '2023-08-31', '2025-11-10'), articleBody)
  .map(([date, body]) => ` date ${date} ${body}`)

const extract = (text: string) => {
  const result = parseArticle('generated.txt', text)
  return result.ok ? buildDataset([result.article], gazetteer) : null
}

/** The texts emitApi needs, from the same file the dataset was built from. */
const textsOf = (text: string) => {
  const result = parseArticle('generated.txt', text)
  return new Map(result.ok ? [[result.article.id, result.article.text]] : [])
}

describe('the extractor, on any text', () => {
  it('never throws, on whole files of any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        parseArticleBytes('bytes.txt', bytes)
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.oneof(articleFile, fc.string({ maxLength: 300 })), (text) => {
        const dataset = extract(text)
        if (dataset) emitApi(dataset, catalog, textsOf(text))
      }),
      { numRuns: 500 },
    )
  })

  it('never throws finding quantities in any sentence', () => {
    fc.assert(
      fc.property(fc.oneof(articleBody, fc.string({ maxLength: 200 })), (sentence) => {
        findQuantities(sentence)
      }),
      { numRuns: 500 },
    )
  })

  it('is deterministic: the same article gives byte-identical API files', () => {
    fc.assert(
      fc.property(articleFile, (text) => {
        const first = extract(text)
        const second = extract(text)
        if (!first || !second) return
        expect(emitApi(second, catalog, textsOf(text))).toEqual(
          emitApi(first, catalog, textsOf(text)),
        )
      }),
      { numRuns: 200 },
    )
  })

  it('takes every figure from its own sentence, at its own offsets', () => {
    fc.assert(
      fc.property(articleFile, (text) => {
        const result = parseArticle('generated.txt', text)
        if (!result.ok) return
        const dataset = buildDataset([result.article], gazetteer)
        for (const observation of dataset.observations) {
          expect(result.article.text.slice(observation.start, observation.end)).toBe(
            observation.text,
          )
          expect(observation.sentence).toContain(observation.text)
          const inSentence = observation.start - observation.sentenceStart
          expect(observation.sentence.slice(inSentence, inSentence + observation.text.length)).toBe(
            observation.text,
          )
          // The value read back from the words it came from is the value recorded.
          const again = findQuantities(observation.text).find(
            (quantity) => quantity.value === observation.value,
          )
          expect(again, `${observation.value} in "${observation.text}"`).toBeDefined()
        }
      }),
      { numRuns: 300 },
    )
  })
})
