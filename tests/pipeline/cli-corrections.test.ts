// @vitest-environment node
import * as v from 'valibot'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatasetSchema, SummarySchema } from '../../src/pipeline/schema'
import { ROOT } from './corpus'

// A synthetic article for these tests: the numbers are made up.
const ARTICLE = ` date 2023-11-20
Jing’an District signed 28 cooperation agreements at the sixth China International Import Expo, officials said.

More than 80 enterprises from Jing’an attended the expo this year.
`
const ID = 'synthetic-2023-11-20-jingan'

function runCli(...args: Array<string>) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/pipeline/cli.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8' },
  )
  return { status: result.status, stderr: result.stderr }
}

/** A data-like folder: articles/ with the synthetic article and, if given, corrections.json. */
function dataFolder(corrections?: unknown) {
  const folder = mkdtempSync(join(tmpdir(), 'ciie-curation-'))
  const articles = join(folder, 'articles')
  mkdirSync(articles)
  writeFileSync(join(articles, `${ID}.txt`), ARTICLE)
  const file = join(folder, 'corrections.json')
  if (corrections !== undefined) writeFileSync(file, `${JSON.stringify(corrections, null, 2)}\n`)
  return { folder, articles, file, out: join(folder, 'api') }
}

const fix = {
  action: 'fix',
  article: ID,
  sentence: 'Jing’an District signed 28 cooperation agreements',
  number: '28',
  set: { value: 29 },
  reason: 'the district’s own release says 29',
  date: '2026-11-20',
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

describe('npm run data with corrections', () => {
  it('applies corrections.json from beside the articles folder, in the dataset and the summary', () => {
    const { articles, out } = dataFolder({ corrections: [fix] })
    const result = runCli('--articles', articles, '--out', out)
    expect(result.stderr).not.toMatch(/correction/)
    expect(result.status).toBe(0)
    const dataset = v.parse(DatasetSchema, readJson(join(out, 'dataset.json')))
    expect(dataset.observations.find((o) => o.text === '28')).toMatchObject({
      value: 29,
      correction: { action: 'fix', reason: fix.reason, was: { value: 28 } },
    })
    const summary = v.parse(SummarySchema, readJson(join(out, 'summary.json')))
    expect(
      summary.aggregates.find((a) => a.district === 'jingan' && a.metric === 'agreements_signed'),
    ).toMatchObject({ value: 29, edition: 6 })
  })

  it('fails on a correction the article no longer matches, naming file and line, and keeps the last good files', () => {
    const { articles, out, file } = dataFolder({ corrections: [fix] })
    expect(runCli('--articles', articles, '--out', out).status).toBe(0)
    const before = readFileSync(join(out, 'dataset.json'), 'utf8')
    // The article is edited: the sentence the correction names is gone.
    writeFileSync(join(articles, `${ID}.txt`), ARTICLE.replace('signed 28', 'signed 27'))
    const result = runCli('--articles', articles, '--out', out)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(
      `${relative(ROOT, file)}:3: article ${ID} has no sentence "Jing’an District signed 28 cooperation agreements": the article changed`,
    )
    expect(result.stderr).toMatch(/nothing was written/)
    expect(readFileSync(join(out, 'dataset.json'), 'utf8')).toBe(before)
  })

  it('reads the file --corrections names, and says so plainly when it does not exist', () => {
    const { articles, out, folder } = dataFolder()
    const elsewhere = join(folder, 'reviewed.json')
    const reject = { ...fix, action: 'reject', set: undefined }
    writeFileSync(elsewhere, JSON.stringify({ corrections: [reject] }))
    expect(runCli('--articles', articles, '--out', out, '--corrections', elsewhere).status).toBe(0)
    const dataset = v.parse(DatasetSchema, readJson(join(out, 'dataset.json')))
    expect(dataset.observations.map((o) => o.text)).not.toContain('28')

    const missing = runCli(
      '--articles',
      articles,
      '--out',
      out,
      '--corrections',
      join(folder, 'no.json'),
    )
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/cannot read the corrections file ".*no\.json": no such file/)
    expect(missing.stderr).not.toMatch(/\n\s+at /)
  })
})
