/**
 * `npm run data -- --articles <dir> --out <dir> [--corrections <file>] [--report] [--lenient] [--stats]`
 *
 * The only pipeline file that touches the disk: reads the articles, runs the pure stages and
 * writes the API files. Bad files are reported as `file:line: cause`; without --lenient nothing
 * is written, so the last good output stays in place.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  writevSync,
} from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildDataset, CorrectionsError } from './build-dataset'
import { parseCorrections, type LocatedCorrection } from './corrections'
import { emitApiFiles, type ApiFileBytes } from './emit-api'
import {
  MAX_ARTICLE_BYTES,
  parseArticleBytes,
  type Article,
  type ArticleProblem,
} from './parse-article'
import { getGazetteer, loadCatalog } from './reference'
import { formatReport } from './report'
import { renderReviewPage, REVIEW_PAGE_FILE } from './review-page'

interface Options {
  articles: string
  out: string
  /** Undefined: corrections.json beside the articles folder, when there is one. */
  corrections: string | undefined
  report: boolean
  lenient: boolean
  stats: boolean
}

const USAGE = `usage: npm run data -- [--articles <dir>] [--out <dir>] [--corrections <file>] [--report] [--lenient] [--stats]
  --articles <dir>     folder of article .txt files (default: data/articles)
  --out <dir>          folder the API files are written to (default: public/api, served by the app)
  --corrections <file> corrections to apply (default: corrections.json beside the articles folder,
                       i.e. data/corrections.json, when it exists)
  --report          print every figure and every discarded number with its reason, and write
                    review.html (the same, with the sentences and corrections) into the --out folder
  --lenient         skip files that cannot be read (listed) and write the dataset for the rest
  --stats           print one JSON line of timing and memory figures to stderr`

const PROGRESS_ABOVE = 300

class UsageError extends Error {}

function parseOptions(argv: ReadonlyArray<string>): Options | 'help' {
  const options: Options = {
    articles: 'data/articles',
    out: 'public/api',
    corrections: undefined,
    report: false,
    lenient: false,
    stats: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]
    const value = () => {
      const next = argv[++i]
      if (next === undefined || next.startsWith('--'))
        throw new UsageError(
          `${argument} needs a ${argument === '--corrections' ? 'file' : 'folder'}`,
        )
      return next
    }
    if (argument === '--articles') options.articles = value()
    else if (argument === '--out') options.out = value()
    else if (argument === '--corrections') options.corrections = value()
    else if (argument === '--report') options.report = true
    else if (argument === '--lenient') options.lenient = true
    else if (argument === '--stats') options.stats = true
    else if (argument === '--help' || argument === '-h') return 'help'
    else throw new UsageError(`unknown option "${argument}"`)
  }
  return options
}

function listArticleFiles(folder: string): Array<string> {
  let entries: Array<string>
  try {
    entries = readdirSync(folder)
  } catch {
    throw new UsageError(
      `cannot read the articles folder "${folder}": it does not exist or is not a folder`,
    )
  }
  const files = entries.filter((name) => name.toLowerCase().endsWith('.txt')).sort()
  if (files.length === 0) throw new UsageError(`no .txt articles in "${folder}"`)
  return files
}

/**
 * The corrections file: the one asked for (which must exist), else corrections.json beside the
 * articles folder if there is one. Problems come back as `file:line: cause`, like the articles'.
 */
function readCorrections(options: Options): {
  corrections: Array<LocatedCorrection>
  problems: Array<ArticleProblem>
} {
  const path = options.corrections ?? join(dirname(resolve(options.articles)), 'corrections.json')
  if (options.corrections === undefined && !existsSync(path))
    return { corrections: [], problems: [] }
  const shown = relative(process.cwd(), path) || path
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const cause =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    throw new UsageError(`cannot read the corrections file "${shown}": ${cause}`)
  }
  return parseCorrections(shown, text)
}

/** The articles read so far, the files that could not be read, and which file holds each id. */
export interface ArticleSet {
  articles: Array<Article>
  problems: Array<ArticleProblem>
  ids: Map<string, string>
}

export const emptyArticleSet = (): ArticleSet => ({ articles: [], problems: [], ids: new Map() })

/**
 * Adds one file's bytes to the set: its article, or why it cannot be read (`shown` names the
 * file in messages). No disk: the seam the CLI fuzz test drives in memory.
 */
export function addArticleFile(set: ArticleSet, shown: string, content: Uint8Array): void {
  const result = parseArticleBytes(shown, content)
  if (!result.ok) {
    set.problems.push(result.problem)
    return
  }
  const clash = set.ids.get(result.article.id)
  if (clash) {
    set.problems.push({
      file: shown,
      line: 1,
      cause: `same article id "${result.article.id}" as ${clash}`,
    })
    return
  }
  set.ids.set(result.article.id, shown)
  set.articles.push(result.article)
}

function readArticles(folder: string, files: ReadonlyArray<string>) {
  const set = emptyArticleSet()
  const { articles, problems } = set
  let bytes = 0
  // Relative once for the folder, not for each of thousands of files.
  const shownFolder = relative(process.cwd(), folder)
  files.forEach((name, index) => {
    const path = join(folder, name)
    const shown = join(shownFolder, name)
    try {
      const content = readSmallFile(path)
      if (typeof content === 'number') {
        problems.push({
          file: shown,
          line: 1,
          cause: `file is ${(content / 1024 / 1024).toFixed(1)} MB, over the 5 MB limit for one article`,
        })
        return
      }
      bytes += content.length
      addArticleFile(set, shown, content)
    } catch (error) {
      problems.push({
        file: shown,
        line: 1,
        cause: `cannot read the file (${(error as Error).message})`,
      })
    }
    if (files.length > PROGRESS_ABOVE && ((index + 1) % 500 === 0 || index + 1 === files.length)) {
      process.stderr.write(`read ${index + 1}/${files.length} articles\n`)
    }
  })
  return { articles, problems, bytes }
}

/**
 * A file's bytes, or its size when it is over the article limit (it is not read). One open per
 * file: its size comes from the open file, not from a second look-up by path.
 */
function readSmallFile(path: string): Uint8Array | number {
  const fd = openSync(path, 'r')
  try {
    const size = fstatSync(fd).size
    if (size > MAX_ARTICLE_BYTES) return size
    const content = Buffer.allocUnsafe(size)
    let read = 0
    while (read < size) {
      const chunk = readSync(fd, content, read, size - read, read)
      if (chunk === 0) break
      read += chunk
    }
    return content.subarray(0, read)
  } finally {
    closeSync(fd)
  }
}

/**
 * Writes the API files into a staging folder next to `out`, then swaps it in, so a failed run
 * leaves the previous files whole and files of removed articles do not linger. Each file is
 * written as it is made and then dropped.
 */
function writeApi(out: string, files: Iterable<ApiFileBytes>) {
  const target = resolve(out)
  const staging = `${target}.staging-${process.pid}`
  const previous = `${target}.previous-${process.pid}`
  rmSync(staging, { recursive: true, force: true })
  try {
    const folders = new Set<string>()
    for (const file of files) {
      const path = join(staging, file.path)
      const folder = dirname(path)
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true })
        folders.add(folder)
      }
      const fd = openSync(path, 'w')
      try {
        const length = file.chunks.reduce((sum, chunk) => sum + chunk.length, 0)
        if (writevSync(fd, file.chunks) !== length) throw new Error(`${path} was cut short`)
      } finally {
        closeSync(fd)
      }
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  const hadPrevious = existsSync(target)
  if (hadPrevious) renameSync(target, previous)
  renameSync(staging, target)
  if (hadPrevious) rmSync(previous, { recursive: true, force: true })
}

/** The API files, then the review page, made once the files before it were. */
function* withReviewPage(
  files: Iterable<ApiFileBytes>,
  page: () => string,
): Iterable<ApiFileBytes> {
  yield* files
  yield { path: REVIEW_PAGE_FILE, chunks: [new TextEncoder().encode(page())] }
}

export function main(argv: ReadonlyArray<string>): number {
  const started = performance.now()
  let options: Options | 'help'
  try {
    options = parseOptions(argv)
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  try {
    const files = listArticleFiles(options.articles)
    const { articles, problems, bytes } = readArticles(options.articles, files)
    for (const problem of problems)
      process.stderr.write(`${problem.file}:${problem.line}: ${problem.cause}\n`)
    if (problems.length > 0 && !options.lenient) {
      process.stderr.write(
        `${problems.length} of ${files.length} article files cannot be read; nothing was written. Fix them, or run with --lenient to skip them.\n`,
      )
      return 1
    }
    if (articles.length === 0) {
      process.stderr.write('no article could be read; nothing was written.\n')
      return 1
    }
    const corrections = readCorrections(options)
    if (files.length > PROGRESS_ABOVE)
      process.stderr.write(`extracting figures from ${articles.length} articles\n`)
    let dataset
    try {
      dataset = buildDataset(articles, getGazetteer(), corrections.corrections)
      if (corrections.problems.length > 0) throw new CorrectionsError([])
    } catch (error) {
      if (!(error instanceof CorrectionsError)) throw error
      // Unreadable entries and entries that no longer match, in one list by line.
      const all = [...corrections.problems, ...error.problems].sort((a, b) => a.line - b.line)
      for (const problem of all)
        process.stderr.write(`${problem.file}:${problem.line}: ${problem.cause}\n`)
      process.stderr.write(
        `${all.length} correction(s) cannot be read or applied; nothing was written. Fix or remove them.\n`,
      )
      return 1
    }
    const texts = new Map(articles.map((a) => [a.id, a.text]))
    const apiFiles = emitApiFiles(dataset, loadCatalog(), texts)
    // The review page goes into the same staging folder, so it is swapped in with the files it
    // describes, and a failed run leaves the previous page beside the previous files.
    writeApi(
      options.out,
      options.report
        ? withReviewPage(apiFiles, () => renderReviewPage(dataset, loadCatalog(), texts, problems))
        : apiFiles,
    )
    if (options.report) {
      process.stdout.write(`${formatReport(dataset)}\n`)
      const page = join(resolve(options.out), REVIEW_PAGE_FILE)
      const shown = relative(process.cwd(), page)
      process.stderr.write(
        `review page: ${shown.startsWith('..') ? page : shown} — open it in a browser\n`,
      )
    }
    if (problems.length > 0) {
      process.stderr.write(`skipped ${problems.length} unreadable files (--lenient):\n`)
      for (const problem of problems) process.stderr.write(`  ${problem.file}\n`)
    }
    process.stderr.write(
      `wrote ${resolve(options.out)}: ${dataset.articles.length} articles, ${dataset.observations.length} figures, ${dataset.milestones.length} milestones\n`,
    )
    if (options.stats) {
      const stats = {
        articles: articles.length,
        bytes,
        ms: Math.round(performance.now() - started),
        maxRssKb: process.resourceUsage().maxRSS,
      }
      process.stderr.write(`${JSON.stringify(stats)}\n`)
    }
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`)
      return 2
    }
    // A bug of ours, not bad input: say so plainly, keep the stack for whoever fixes it.
    process.stderr.write(`internal error while building the dataset: ${(error as Error).message}\n`)
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`)
    return 70
  }
}

// Only when run as a program, so tests can import the in-memory seam above without running it.
const entry = process.argv[1]
if (entry !== undefined && existsSync(entry) && realpathSync(entry) === import.meta.filename)
  process.exitCode = main(process.argv.slice(2))
