import { describe, expect, it } from 'vitest'
import { applyCorrections, parseCorrections } from '../../src/pipeline/corrections'
import { parseArticle } from '../../src/pipeline/parse-article'
import { loadCatalog } from '../../src/pipeline/reference'
import { METRIC_KEYS, UNITS } from '../../src/pipeline/schema'
import {
  analyseArticle,
  articleFileText,
  articleIdFrom,
  correctionsFileText,
  fieldsOf,
  fixCorrection,
  hasDateLine,
  prefillForDiscarded,
  readArticleFile,
  unitsFor,
} from '../../src/routes/analyze-model'

/** A synthetic article: one figure, one number a reader may want counted. */
const ARTICLE = [
  'date 2024-11-07 Fengxian District signed 27 projects at a CIIE promotion event on Wednesday.',
  '',
  'Its trading delegation met exhibitors from more than 12 countries at the expo.',
].join('\n')

function analysed(text = ARTICLE) {
  const result = analyseArticle(text, '')
  if (!result.ok) throw new Error(result.message)
  return result.analysis
}

describe('reading the article', () => {
  it.each([
    ['date 2024-11-07 Text', true],
    ['\n\n  date 2024-11-07\nText', true],
    ['\uFEFFDATE 2024-11-07 Text', true],
    ['Fengxian District signed 27 projects.', false],
    ['Dated 2024-11-07: text', false],
    ['', false],
  ])('tells whether %j starts with a date line (%s)', (text, expected) => {
    expect(hasDateLine(text)).toBe(expected)
  })

  it('puts the added date before a text without a date line, and counts lines as pasted', () => {
    const body = ARTICLE.replace(/^date \S+ /, '')
    const result = analyseArticle(body, '2024-11-07')
    expect(result.ok && result.analysis.article.date).toBe('2024-11-07')
    expect(result.ok && result.analysis.extraction.summary.edition).toBe(7)
    expect(analyseArticle(body, '')).toEqual({
      ok: false,
      message: 'The text has no date line. Add the article’s date first.',
    })
    expect(analyseArticle(body, '1999-01-01')).toEqual({
      ok: false,
      message: 'The date you added: invalid date "1999-01-01": the year is out of range.',
    })
    expect(analyseArticle(`date 2024-11-07 ${'x'.repeat(6 * 1024 * 1024)}`, '')).toEqual({
      ok: false,
      message: 'The text is 6.0 MB, over the 5 MB limit for one article.',
    })
    expect(analyseArticle('date 2024-11-07 A\u0000B', '')).toEqual({
      ok: false,
      message: 'Line 1: binary file (contains a NUL byte), not text.',
    })
    const long = `${'word '.repeat(5000)}\n\n${'word '.repeat(5000)}`
    const tooLong = analyseArticle(long, '2024-11-07')
    expect(tooLong.ok).toBe(false)
    expect(!tooLong.ok && tooLong.message).toMatch(/^Line 1: a paragraph of 24,999 characters/)
  })

  it('refuses a file over 5 MB before reading it, and names a file that is not UTF-8', async () => {
    const big = new Blob([new Uint8Array(5 * 1024 * 1024 + 1)])
    expect(await readArticleFile(big, 'big.txt')).toEqual({
      ok: false,
      message: expect.stringContaining('over the 5 MB limit') as unknown as string,
    })
    const latin1 = new Blob([new Uint8Array([0x64, 0x61, 0x74, 0x65, 0x20, 0xe9, 0x0a])])
    expect(await readArticleFile(latin1, 'old.txt')).toMatchObject({ ok: false })
    const withBom = new Blob(['\uFEFFdate 2024-11-07 Text'])
    expect(await readArticleFile(withBom, 'a.txt')).toEqual({
      ok: true,
      text: 'date 2024-11-07 Text',
    })
  })
})

describe('the article id and the files', () => {
  it.each([
    'Fengxian Beauty Valley',
    '2024-11-07-fengxian.txt',
    '  -Jing’an 2023 ',
    '***',
    'ÜBER_alles.TXT',
  ])('makes %j an id by the rule parse-article applies to file names', (name) => {
    const parsed = parseArticle(`${name.trim().replace(/\.txt$/i, '')}.txt`, 'date 2024-11-07 Text')
    expect(parsed.ok && parsed.article.id).toBe(articleIdFrom(name))
    expect(articleIdFrom(name)).toMatch(/^[a-z0-9][a-z0-9-]*$/)
  })

  it('writes the article file so that it reads back to the same text', () => {
    const { article } = analysed(
      `date 2024-11-07   Fengxian  District signed\n27 projects.\r\n\r\n\r\nMore text.`,
    )
    const file = articleFileText(article)
    const again = parseArticle('x.txt', file)
    expect(file).toBe('date 2024-11-07 Fengxian District signed 27 projects.\n\nMore text.\n')
    expect(again.ok && again.article.text).toBe(article.text)
  })

  it('refuses to write a corrections file that breaks the schema', () => {
    const { extraction } = analysed()
    const figure = extraction.observations.find((o) => o.text === '27')
    if (!figure) throw new Error('no figure 27')
    const fix = fixCorrection(
      figure,
      { ...fieldsOf(figure), metric: 'partners' },
      'reason',
      '2026-01-15',
    )
    expect(fix).not.toBeNull()
    if (!fix) return
    expect(() => correctionsFileText([fix], 'Not An Id')).toThrow()
    expect(JSON.parse(correctionsFileText([fix], 'a-1'))).toEqual({
      corrections: [{ ...fix, article: 'a-1' }],
    })
  })
})

describe('corrections', () => {
  it('sets only the fields that changed, and nothing when none did', () => {
    const { extraction } = analysed()
    const figure = extraction.observations.find((o) => o.text === '27')
    if (!figure) throw new Error('no figure 27')
    expect(fixCorrection(figure, fieldsOf(figure), 'no change', '2026-01-15')).toBeNull()
    expect(
      fixCorrection(
        figure,
        { ...fieldsOf(figure), edition: null, district: 'qingpu' },
        ' why ',
        '2026-01-15',
      ),
    ).toMatchObject({
      action: 'fix',
      number: '27',
      reason: 'why',
      set: { edition: null, district: 'qingpu' },
    })
  })

  it('prefills a number that was not counted with its qualifier, the article’s district and edition', () => {
    const { extraction } = analysed()
    const twelve = extraction.discarded.find((d) => d.text.includes('12'))
    if (!twelve) throw new Error('no discarded 12')
    expect(prefillForDiscarded(twelve, extraction.summary)).toEqual({
      metric: null,
      value: 12,
      unit: 'count',
      qualifier: 'more_than',
      district: 'fengxian',
      edition: 7,
    })
  })

  it('offers for each metric exactly the units applyCorrections accepts for it', () => {
    const catalog = loadCatalog()
    const analysis = analysed()
    const figure = analysis.extraction.observations.find((o) => o.text === '27')
    if (!figure) throw new Error('no figure 27')
    for (const metric of METRIC_KEYS) {
      const offered = unitsFor(metric, catalog)
      expect(offered.length).toBeGreaterThan(0)
      for (const unit of UNITS) {
        const fix = fixCorrection(figure, { ...fieldsOf(figure), metric, unit }, 'r', '2026-01-15')
        const { corrections } = parseCorrections(
          'c.json',
          correctionsFileText(fix ? [fix] : [], 'a'),
        )
        const { problems } = applyCorrections(
          analysis.extraction,
          analysis.article,
          corrections,
          catalog,
        )
        expect({ metric, unit, accepted: problems.length === 0 }).toEqual({
          metric,
          unit,
          accepted: offered.includes(unit),
        })
      }
    }
  })
})
