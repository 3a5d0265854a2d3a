// @vitest-environment node
import * as v from 'valibot'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  writeFileSync,
  existsSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ArticleDetailSchema,
  ArticleIndexSchema,
  DatasetSchema,
  DistrictDetailSchema,
  SummarySchema,
} from '../../src/pipeline/schema'
import { BUNDLED_ARTICLES, ROOT } from './corpus'

function runCli(...args: Array<string>) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/pipeline/cli.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function folderWith(files: Record<string, string | Uint8Array>) {
  const folder = mkdtempSync(join(tmpdir(), 'ciie-cli-'))
  const articles = join(folder, 'articles')
  mkdirSync(articles)
  copyFileSync(
    join(BUNDLED_ARTICLES, '2023-11-27-jingan.txt'),
    join(articles, '2023-11-27-jingan.txt'),
  )
  for (const [name, contents] of Object.entries(files))
    writeFileSync(join(articles, name), contents)
  return { articles, out: join(folder, 'api') }
}

describe('npm run data', () => {
  it('writes the summary, district, article and dataset files from the articles', () => {
    const { articles, out } = folderWith({})
    const result = runCli('--articles', articles, '--out', out)
    expect(result.status).toBe(0)
    const read = (path: string): unknown => JSON.parse(readFileSync(join(out, path), 'utf8'))
    const dataset = v.parse(DatasetSchema, read('dataset.json'))
    expect(dataset.articles.map((article) => article.id)).toEqual(['2023-11-27-jingan'])
    expect(v.parse(SummarySchema, read('summary.json')).corpus.articles).toBe(1)
    expect(v.parse(ArticleIndexSchema, read('articles.json')).articles).toHaveLength(1)
    expect(v.parse(DistrictDetailSchema, read('districts/jingan.json')).observations.length).toBe(
      dataset.observations.filter((o) => o.district === 'jingan').length,
    )
    const article = v.parse(ArticleDetailSchema, read('articles/2023-11-27-jingan.json'))
    for (const o of article.observations) expect(article.text.slice(o.start, o.end)).toBe(o.text)
  })

  it('writes byte-identical files on a second run', () => {
    const { articles, out } = folderWith({})
    runCli('--articles', articles, '--out', out)
    const first = readFileSync(join(out, 'dataset.json'))
    const firstSummary = readFileSync(join(out, 'summary.json'))
    runCli('--articles', articles, '--out', out)
    expect(readFileSync(join(out, 'dataset.json')).equals(first)).toBe(true)
    expect(readFileSync(join(out, 'summary.json')).equals(firstSummary)).toBe(true)
  })

  it('removes the files of an article that is no longer there', () => {
    const { articles, out } = folderWith({})
    runCli('--articles', articles, '--out', out)
    expect(existsSync(join(out, 'articles/2023-11-27-jingan.json'))).toBe(true)
    renameSync(join(articles, '2023-11-27-jingan.txt'), join(articles, '2023-11-28-jingan.txt'))
    expect(runCli('--articles', articles, '--out', out).status).toBe(0)
    expect(existsSync(join(out, 'articles/2023-11-27-jingan.json'))).toBe(false)
    expect(existsSync(join(out, 'articles/2023-11-28-jingan.json'))).toBe(true)
  })

  it('names every bad file with its line and cause, exits non-zero and writes nothing', () => {
    const { articles, out } = folderWith({
      'no-date.txt': 'Jing’an hosted an event.',
      'bad-date.txt': ' date 2023-13-01 Text.',
      'empty.txt': '',
      'binary.txt': new Uint8Array([0, 1, 2]),
    })
    const result = runCli('--articles', articles, '--out', out)
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/no-date\.txt:1: no date/)
    expect(result.stderr).toMatch(/bad-date\.txt:1: invalid date "2023-13-01"/)
    expect(result.stderr).toMatch(/empty\.txt:1: empty file/)
    expect(result.stderr).toMatch(/binary\.txt:1: binary file/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(out, 'dataset.json'))).toBe(false)
  })

  it('with --lenient, skips and lists the bad files and writes the rest', () => {
    const { articles, out } = folderWith({ 'no-date.txt': 'Jing’an hosted an event.' })
    const result = runCli('--articles', articles, '--out', out, '--lenient')
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/skipped 1 unreadable files/)
    const dataset = v.parse(
      DatasetSchema,
      JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')),
    )
    expect(dataset.articles).toHaveLength(1)
  })

  it('prints a review of every figure and every discarded number with --report', () => {
    const { articles, out } = folderWith({})
    const result = runCli('--articles', articles, '--out', out, '--report')
    expect(result.stdout).toMatch(/agreements_signed\s+28/)
    expect(result.stdout).toMatch(/"2005"\s+a year/)
  })

  it('with --report, also writes review.html beside the API files and says where', () => {
    const { articles, out } = folderWith({})
    const result = runCli('--articles', articles, '--out', out, '--report')
    expect(result.status).toBe(0)
    const page = join(out, 'review.html')
    expect(result.stderr).toContain(`review page: ${page} — open it in a browser`)
    const html = readFileSync(page, 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('id="article-2023-11-27-jingan"')
    expect(html).toContain('Corrections applied (0)')
    expect(html).not.toMatch(/<script/i)
    // A run without --report leaves no page behind that would describe other files.
    expect(runCli('--articles', articles, '--out', out).status).toBe(0)
    expect(existsSync(page)).toBe(false)
    expect(existsSync(join(out, 'dataset.json'))).toBe(true)
  })

  it('shows the corrections applied in the review page', () => {
    const { articles, out } = folderWith({})
    writeFileSync(
      join(articles, '..', 'corrections.json'),
      JSON.stringify({
        corrections: [
          {
            action: 'fix',
            article: '2023-11-27-jingan',
            sentence: 'of them signed cooperation agreements',
            number: '28',
            set: { value: 29 },
            reason: 'the district release says 29',
            date: '2024-01-10',
          },
        ],
      }),
    )
    const result = runCli('--articles', articles, '--out', out, '--report')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/corrected: the district release says 29 \(2024-01-10\)/)
    const html = readFileSync(join(out, 'review.html'), 'utf8')
    expect(html).toContain('Corrections applied (1)')
    expect(html).toContain('<strong>corrected:</strong> the district release says 29 (2024-01-10)')
  })

  it('writes no review page when a run fails, and keeps the previous one whole', () => {
    const fresh = folderWith({ 'no-date.txt': 'Jing’an hosted an event.' })
    expect(runCli('--articles', fresh.articles, '--out', fresh.out, '--report').status).toBe(1)
    expect(existsSync(join(fresh.out, 'review.html'))).toBe(false)

    const { articles, out } = folderWith({})
    expect(runCli('--articles', articles, '--out', out, '--report').status).toBe(0)
    const before = readFileSync(join(out, 'review.html'))
    writeFileSync(join(articles, 'no-date.txt'), 'Jing’an hosted an event.')
    expect(runCli('--articles', articles, '--out', out, '--report').status).toBe(1)
    expect(readFileSync(join(out, 'review.html')).equals(before)).toBe(true)

    const stale = join(articles, '..', 'stale.json')
    writeFileSync(
      stale,
      JSON.stringify({
        corrections: [
          {
            action: 'reject',
            article: '2023-11-27-jingan',
            sentence: 'a sentence the article does not have',
            number: '28',
            reason: 'stale',
            date: '2024-01-10',
          },
        ],
      }),
    )
    const failed = runCli(
      '--articles',
      articles,
      '--out',
      out,
      '--report',
      '--lenient',
      '--corrections',
      stale,
    )
    expect(failed.status).toBe(1)
    expect(failed.stderr).not.toMatch(/review page/)
    expect(readFileSync(join(out, 'review.html')).equals(before)).toBe(true)
  })

  it('explains a missing folder and an unknown option in plain words', () => {
    expect(runCli('--articles', '/nowhere').stderr).toMatch(
      /cannot read the articles folder "\/nowhere"/,
    )
    const unknown = runCli('--frobnicate')
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toMatch(/unknown option "--frobnicate"/)
  })
})
