// @vitest-environment node
/**
 * Fuzzing the pipeline CLI with whole article files (fuzz-articles.ts): on any folder it either
 * writes files the shared schemas accept, or names each bad file with its line and a cause in
 * words; it never throws, never prints a stack trace, and never drops a good file next to a bad
 * one.
 *
 * The property runs in memory through the CLI's own per-file step (`addArticleFile`), then
 * buildDataset and emitApi as `main` does: FUZZ_RUNS folders (default 10,000), seed FUZZ_SEED
 * (fixed by default; printed). A few real CLI processes then run on generated bad folders.
 */
import * as v from 'valibot'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDataset } from '../../src/pipeline/build-dataset'
import { addArticleFile, emptyArticleSet, type ArticleSet } from '../../src/pipeline/cli'
import { emitApi } from '../../src/pipeline/emit-api'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'
import {
  ArticleDetailSchema,
  ArticleIndexSchema,
  DatasetSchema,
  DistrictDetailSchema,
  SummarySchema,
} from '../../src/pipeline/schema'
import { ROOT } from './corpus'
import { badFuzzFolder, fuzzFolder, hugeLineArticle, lineCount } from './fuzz-articles'
import type { NamedFuzzFile } from './fuzz-articles'

function positiveInteger(name: string, fallback: number): number {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be an integer ≥ 0`)
  return value
}

const RUNS = positiveInteger('FUZZ_RUNS', 10_000)
// The opening day of the sixth CIIE.
const SEED = positiveInteger('FUZZ_SEED', 20_231_105)
const CLI_RUNS = 20

const gazetteer = getGazetteer()
const catalog = loadCatalog()

/** A cause in words: a few words, on one line, with no control characters or leaked internals. */
function expectCauseInWords(cause: string, where: string) {
  expect(cause, where).toMatch(/[A-Za-z]{3,}[^\n]* [A-Za-z]{2,}/)
  expect(cause, where).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u)
  expect(cause, where).not.toMatch(/\bat .+:\d+:\d+|Error:|undefined|\[object |NaN/)
}

/** Reads a folder the way the CLI does, in memory; `shown` names each file in messages. */
function readFolder(
  folder: ReadonlyArray<NamedFuzzFile>,
  shown: (name: string) => string = (name) => name,
): ArticleSet {
  const set = emptyArticleSet()
  for (const file of folder) addArticleFile(set, shown(file.name), file.bytes)
  return set
}

/** What the CLI must say about each file: an article, or one problem naming it. */
function checkFiles(
  folder: ReadonlyArray<NamedFuzzFile>,
  set: ArticleSet,
  shown: (name: string) => string = (name) => name,
) {
  const names = new Set(folder.map((file) => shown(file.name)))
  for (const problem of set.problems) expect(names, problem.file).toContain(problem.file)
  for (const file of folder) {
    const where = `${file.name} (${file.kind})`
    const articles = set.articles.filter((article) => article.fileName === shown(file.name))
    const problems = set.problems.filter((problem) => problem.file === shown(file.name))
    expect(articles.length + problems.length, where).toBe(1)
    if (file.mustRead) expect(problems, where).toEqual([])
    const problem = problems[0]
    if (!problem) continue
    expect(Number.isInteger(problem.line), where).toBe(true)
    expect(problem.line, where).toBeGreaterThanOrEqual(1)
    expect(problem.line, where).toBeLessThanOrEqual(lineCount(file.bytes))
    expectCauseInWords(problem.cause, where)
    if (file.cause) expect(problem.cause, where).toMatch(file.cause)
  }
}

/** Builds and emits the API files from the articles that were read, and checks them. */
function checkOutput(set: ArticleSet) {
  const files = emitApi(
    buildDataset(set.articles, gazetteer),
    catalog,
    new Map(set.articles.map((article) => [article.id, article.text])),
  )
  const byPath = new Map(files.map((file) => [file.path, JSON.parse(file.contents) as unknown]))
  const dataset = v.parse(DatasetSchema, byPath.get('dataset.json'))
  expect(dataset.articles.map((article) => article.id).sort()).toEqual(
    set.articles.map((article) => article.id).sort(),
  )
  v.parse(SummarySchema, byPath.get('summary.json'))
  v.parse(ArticleIndexSchema, byPath.get('articles.json'))
  for (const [path, json] of byPath) {
    if (path.startsWith('districts/')) v.parse(DistrictDetailSchema, json)
    else if (path.startsWith('articles/')) {
      const detail = v.parse(ArticleDetailSchema, json)
      for (const o of detail.observations) expect(detail.text.slice(o.start, o.end)).toBe(o.text)
    }
  }
}

describe('the pipeline CLI, fuzzed with whole article files', () => {
  it(
    `names every bad file with its line and cause and keeps the good ones (${RUNS} folders)`,
    () => {
      console.log(`cli-fuzz: ${RUNS} folders, seed ${SEED} (set FUZZ_RUNS, FUZZ_SEED to change)`)
      const started = performance.now()
      fc.assert(
        fc.property(fuzzFolder(), (folder) => {
          const set = readFolder(folder)
          checkFiles(folder, set)
          // Without --lenient the CLI writes nothing when a file is bad; with it, or when every
          // file is good, it writes the dataset for the articles it read.
          if (set.articles.length > 0) checkOutput(set)
        }),
        { numRuns: RUNS, seed: SEED },
      )
      console.log(`cli-fuzz: ${RUNS} folders in ${Math.round(performance.now() - started)} ms`)
    },
    // 10,000 folders take about 30 s on 2 cores; this leaves room for a busy machine.
    Math.max(120_000, RUNS * 30),
  )
})

interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

function runCli(args: ReadonlyArray<string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'src/pipeline/cli.ts'), ...args],
      { cwd: ROOT, timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })
}

describe('the pipeline CLI process, on generated bad folders', () => {
  const temporary = mkdtempSync(join(tmpdir(), 'ciie-cli-fuzz-'))
  afterAll(() => rmSync(temporary, { recursive: true, force: true }))

  // Two with a line of 1–2 MB; the rest any damage, with up to two other files beside it.
  const folders = [
    ...fc.sample(badFuzzFolder(hugeLineArticle), { seed: SEED, numRuns: 2 }),
    ...fc.sample(badFuzzFolder(), { seed: SEED, numRuns: CLI_RUNS - 2 }),
  ]

  it(`exits non-zero naming each bad file's line and cause, with no stack trace (${CLI_RUNS} runs)`, async () => {
    const cases = folders.map((folder, index) => {
      const root = join(temporary, String(index))
      const articles = join(root, 'articles')
      mkdirSync(articles, { recursive: true })
      for (const file of folder) writeFileSync(join(articles, file.name), file.bytes)
      // Every other run is lenient: it must still name the bad files, and write the good ones.
      const lenient = index % 2 === 1
      return { folder, articles, out: join(root, 'api'), lenient }
    })
    // Two processes at a time: the machine has two cores.
    const results: Array<CliRun> = []
    for (let i = 0; i < cases.length; i += 2) {
      results.push(
        ...(await Promise.all(
          cases
            .slice(i, i + 2)
            .map(({ articles, out, lenient }) =>
              runCli(['--articles', articles, '--out', out, ...(lenient ? ['--lenient'] : [])]),
            ),
        )),
      )
    }

    cases.forEach(({ folder, articles, out, lenient }, index) => {
      const result = results[index]
      if (!result) throw new Error(`no result for run ${index}`)
      const shown = (name: string) => relative(ROOT, join(articles, name))
      const set = readFolder(folder, shown)
      const where = `run ${index} (${folder.map((file) => `${file.name}: ${file.kind}`).join('; ')})\n${result.stderr.slice(0, 2000)}`
      checkFiles(folder, set, shown)

      expect(result.stderr, where).not.toMatch(/^\s+at /m)
      expect(result.stderr, where).not.toMatch(/internal error/)
      for (const problem of set.problems) {
        expect(result.stderr, where).toContain(
          `${problem.file}:${problem.line}: ${problem.cause}\n`,
        )
      }
      for (const file of folder) {
        if (!set.articles.some((article) => article.fileName === shown(file.name)))
          expect(result.stderr, where).toContain(file.name)
      }
      const writes = set.articles.length > 0 && (lenient || set.problems.length === 0)
      expect(result.status, where).toBe(writes ? 0 : 1)
      if (!writes) return
      const dataset = v.parse(
        DatasetSchema,
        JSON.parse(readFileSync(join(out, 'dataset.json'), 'utf8')) as unknown,
      )
      expect(dataset.articles.map((article) => article.id).sort(), where).toEqual(
        set.articles.map((article) => article.id).sort(),
      )
    })
    // Most generated folders have a bad file: the CLI must have refused some of them.
    expect(results.filter((result) => result.status === 1).length).toBeGreaterThan(0)
  }, 180_000)
})
