import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { buildDataset } from '../../src/pipeline/build-dataset'
import {
  MAX_ARTICLE_BYTES,
  MAX_PARAGRAPH_CHARS,
  parseArticle,
  parseArticleBytes,
} from '../../src/pipeline/parse-article'
import { getGazetteer } from '../../src/pipeline/reference'
import { DatasetSchema } from '../../src/pipeline/schema'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('parseArticle', () => {
  it.each([
    ['a leading space', ' date 2023-11-27 First paragraph.\n\nSecond.'],
    ['no leading space', 'date 2023-11-27 First paragraph.\n\nSecond.'],
    ['CRLF line ends', ' date 2023-11-27 First paragraph.\r\n\r\nSecond.'],
    ['a UTF-8 BOM', '\uFEFF date 2023-11-27 First paragraph.\n\nSecond.'],
    ['trailing spaces', ' date 2023-11-27 First paragraph.   \n  \t\nSecond.  '],
    ['several blank lines', ' date 2023-11-27 First paragraph.\n\n\n\n\nSecond.'],
  ])('reads an article with %s the same way', (_case, text) => {
    const result = parseArticle('2023-11-27-jingan.txt', text)
    expect(result).toMatchObject({
      ok: true,
      article: { id: '2023-11-27-jingan', date: '2023-11-27', text: 'First paragraph.\n\nSecond.' },
    })
  })

  it('keeps curly quotes and apostrophes as they are', () => {
    const result = parseArticle('a.txt', ' date 2023-11-27 Jing’an said “yes”.')
    expect(result.ok && result.article.text).toBe('Jing’an said “yes”.')
  })

  it('joins the lines of a wrapped paragraph with a space', () => {
    const result = parseArticle('a.txt', ' date 2023-11-27 One line\nand the next.')
    expect(result.ok && result.article.text).toBe('One line and the next.')
  })

  it.each([
    ['an empty file', '', 1, /empty file/],
    ['no date', 'Jing’an hosted an event.', 1, /no date/],
    ['a date in another format', ' date 27/11/2023 Text.', 1, /invalid date "27\/11\/2023"/],
    ['a day that does not exist', ' date 2023-02-30 Text.', 1, /no such day/],
    ['a date but no text', ' date 2023-11-27', 1, /no text/],
    ['the date on a later line', '\n\n date nonsense Text.', 3, /invalid date/],
  ])('rejects %s, naming the line and the cause', (_case, text, line, cause) => {
    const result = parseArticle('bad.txt', text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem.file).toBe('bad.txt')
    expect(result.problem.line).toBe(line)
    expect(result.problem.cause).toMatch(cause)
  })
})

describe('parseArticleBytes', () => {
  it('rejects a binary file, naming the line of the NUL byte', () => {
    const result = parseArticleBytes('image.txt', new Uint8Array([32, 10, 65, 0, 66]))
    expect(result).toMatchObject({
      ok: false,
      problem: { line: 2, cause: expect.stringMatching(/binary/) },
    })
  })

  it('rejects text that is not UTF-8, naming the line', () => {
    const latin1 = new Uint8Array([...bytes(' date 2023-11-27 Caf\n\n'), 0xe9, 0x20, 0x41])
    const result = parseArticleBytes('latin1.txt', latin1)
    expect(result).toMatchObject({
      ok: false,
      problem: { line: 3, cause: expect.stringMatching(/not UTF-8/) },
    })
  })

  it('rejects a file over 5 MB', () => {
    const result = parseArticleBytes('huge.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1).fill(65))
    expect(result).toMatchObject({
      ok: false,
      problem: { cause: expect.stringMatching(/over the 5 MB limit/) },
    })
  })

  it('makes a link-safe id from an odd file name, and says so', () => {
    const result = parseArticleBytes('Jing an report (1).txt', bytes(' date 2023-11-27 Text.'))
    expect(result).toMatchObject({ ok: true, article: { id: 'jing-an-report-1-' } })
    expect(result.ok && result.article.warnings[0]).toMatch(/not safe in a link/)
  })

  // Found by the CLI fuzz test: upper case, "." and "_" passed into the id, and the dataset then
  // failed its schema ("a lower-case slug") as an internal error naming no file.
  it.each([
    ['Jing an report (1)-0.txt', 'jing-an-report-1--0'],
    ['2023-11-27-Jingan.txt', '2023-11-27-jingan'],
    ['2023.11.27_jingan.txt', '2023-11-27-jingan'],
  ])('makes an id the dataset schema accepts from "%s"', (fileName, id) => {
    const text =
      ' date 2018-01-01 Jing’an signed US$700 million\n\nJing’an signed 30,000 square meters（US$700 million）；\n'
    const result = parseArticleBytes(fileName, bytes(text))
    expect(result).toMatchObject({ ok: true, article: { id } })
    if (!result.ok) return
    expect(() =>
      v.parse(DatasetSchema, buildDataset([result.article], getGazetteer())),
    ).not.toThrow()
  })

  // Found by the CLI fuzz test: one paragraph of 1–2 MB ("12 12 12 …") took minutes to extract.
  it('rejects a paragraph too long to be one, naming its line', () => {
    const huge = '12 '.repeat(500_000)
    const result = parseArticleBytes('huge.txt', bytes(` date 2023-11-27 Title.\n\n${huge}\n`))
    expect(result).toMatchObject({
      ok: false,
      problem: {
        file: 'huge.txt',
        line: 3,
        cause: expect.stringMatching(/1,499,999 characters, over the 20,000/),
      },
    })
    const longest = 'a'.repeat(MAX_PARAGRAPH_CHARS)
    expect(parseArticle('long.txt', ` date 2023-11-27 ${longest}`).ok).toBe(true)
  })
})
