/**
 * data/corrections.json: what a person decided about the extractor's figures, applied on every
 * build. A correction names its figure by the article, the sentence and the number as written
 * ("more than 80"), never by a generated id, so it still finds its figure after the extractor
 * changes, and fails loudly once the article itself no longer says it.
 *
 * Pure and isomorphic: the CLI reads the file, /analyze writes entries in the same shape.
 */
import * as v from 'valibot'
import type { ArticleExtraction } from './extract-article'
import type { Article } from './parse-article'
import {
  CorrectableFieldsSchema,
  DistrictIdSchema,
  MetricKeySchema,
  QualifierSchema,
  UnitSchema,
  type Catalog,
  type CorrectableFields,
  type CorrectionNote,
  type Discarded,
  type MetricKey,
  type Observation,
  type Unit,
} from './schema'
import { splitSentences } from './sentences'
import { stableId } from './stable-id'

const IsoDateSchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'))
const Words = v.pipe(v.string(), v.trim(), v.minLength(1))

/** What every correction says: which figure (article, sentence, number), why and when. */
const TargetFields = {
  /** The article's file name without `.txt`: its id. */
  article: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9-]*$/, 'an article id, e.g. 2023-11-27-jingan'),
  ),
  /** The sentence as the article has it, or enough of it (with the number) to find it. */
  sentence: Words,
  /** The number as written in the sentence, as the evidence shows it ("more than 80"). */
  number: Words,
  reason: Words,
  date: IsoDateSchema,
}

export const RejectCorrectionSchema = v.strictObject({
  action: v.literal('reject'),
  ...TargetFields,
})

export const FixCorrectionSchema = v.strictObject({
  action: v.literal('fix'),
  ...TargetFields,
  /** The fields to change; the others keep what the extractor read. */
  set: v.pipe(
    v.strictObject(CorrectableFieldsSchema.entries),
    v.check((set) => Object.keys(set).length > 0, 'must change at least one field'),
  ),
})

export const AddCorrectionSchema = v.strictObject({
  action: v.literal('add'),
  ...TargetFields,
  /** The figure the extractor missed; edition null for a standing fact (an area, a total). */
  figure: v.strictObject({
    metric: MetricKeySchema,
    value: v.pipe(v.number(), v.finite(), v.minValue(0)),
    unit: UnitSchema,
    qualifier: QualifierSchema,
    district: DistrictIdSchema,
    edition: v.nullable(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  }),
})

export const CorrectionSchema = v.variant('action', [
  RejectCorrectionSchema,
  FixCorrectionSchema,
  AddCorrectionSchema,
])
export type Correction = v.InferOutput<typeof CorrectionSchema>

export const CorrectionsFileSchema = v.strictObject({ corrections: v.array(CorrectionSchema) })
export type CorrectionsFile = v.InferOutput<typeof CorrectionsFileSchema>

/** A correction and where it stands, so every message can name the file and line. */
export interface LocatedCorrection {
  correction: Correction
  file: string
  line: number
}

/** Why a correction cannot be read or applied: printed as `file:line: cause`. */
export interface CorrectionProblem {
  file: string
  line: number
  cause: string
}

/**
 * Reads the corrections file's text. Each entry is checked on its own, so one bad entry is
 * reported with its line and the others still count; the caller decides whether to go on.
 */
export function parseCorrections(
  file: string,
  text: string,
): { corrections: Array<LocatedCorrection>; problems: Array<CorrectionProblem> } {
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    const { offset, expected } = jsonSyntaxError(text)
    return {
      corrections: [],
      problems: [{ file, line: lineAt(text, offset), cause: `not valid JSON: ${expected}` }],
    }
  }
  const top = v.safeParse(v.looseObject({ corrections: v.array(v.unknown()) }), json)
  if (!top.success) {
    return {
      corrections: [],
      problems: [
        { file, line: 1, cause: 'expected an object { "corrections": [ ... ] } (see README)' },
      ],
    }
  }
  const problems: Array<CorrectionProblem> = []
  const extraKeys = Object.keys(top.output).filter((key) => key !== 'corrections')
  if (extraKeys.length > 0)
    problems.push({ file, line: 1, cause: `unknown key "${extraKeys[0]}" beside "corrections"` })
  const lines = elementLines(text)
  const corrections: Array<LocatedCorrection> = []
  top.output.corrections.forEach((entry, index) => {
    const line = lines[index] ?? 1
    // Only the first issue is reported: stop there.
    const result = v.safeParse(CorrectionSchema, entry, { abortEarly: true })
    if (result.success) corrections.push({ correction: result.output, file, line })
    else
      problems.push({
        file,
        line,
        cause: `correction ${index + 1}: ${describeIssue(result.issues[0], entry)}`,
      })
  })
  return { corrections, problems }
}

function describeIssue(issue: v.BaseIssue<unknown> | undefined, entry: unknown): string {
  if (!issue) return 'is not a correction'
  const keys = issue.path?.map((item) => String(item.key)) ?? []
  const quote = (path: ReadonlyArray<string>) => (path.length > 0 ? `"${path.join('.')}" ` : '')
  const where = quote(keys)
  // An unknown key: the path ends at that key.
  if (issue.type === 'strict_object' && issue.expected === 'never')
    return `${quote(keys.slice(0, -1))}has an unknown key "${keys.at(-1)}"`
  // A discriminator that matches no kind of correction (the entry itself is an object).
  if (issue.type === 'variant' && keys.length > 0)
    return `"action" must be "reject", "fix" or "add"`
  switch (issue.type) {
    case 'picklist':
    case 'literal':
      // `expected` reads `("a" | "b")`.
      return `${where}must be one of ${issue.expected
        ?.replace(/^\((.*)\)$/, '$1')
        .split(' | ')
        .join(', ')}`
    case 'safe_integer':
      return `${where}must be a whole number`
    case 'regex':
      return `${where}must be ${issue.message}`
    case 'min_length':
      return `${where}is empty`
    case 'min_value':
      return `${where}must be at least ${String(issue.requirement)}`
  }
  if (issue.kind !== 'schema') return `${where}${issue.message}`
  // A value of the wrong type, or none: a missing key is reported by its object.
  const expected = issue.expected?.toLowerCase() ?? 'something else'
  return valueAt(entry, keys) === undefined
    ? `${where}is missing`
    : `${where}must be ${/^[aeiou]/.test(expected) ? 'an' : 'a'} ${expected}`
}

function valueAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let here = value
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined
    here = (here as Record<PropertyKey, unknown>)[key]
  }
  return here
}

/**
 * Where JSON.parse gave up, and what it wanted there: V8's own message has no position for many
 * mistakes (a doubled comma, a trailing comma), and a person fixing the file needs the line.
 */
function jsonSyntaxError(text: string): { offset: number; expected: string } {
  let at = 0
  const fail = (expected: string): never => {
    throw { offset: at, expected }
  }
  const space = () => {
    while (at < text.length && /\s/.test(text[at] ?? '')) at++
  }
  const literal = (word: string) => {
    if (text.startsWith(word, at)) at += word.length
    else fail('a value (a string, number, object, array, true, false or null)')
  }
  const string = () => {
    at++
    while (at < text.length && text[at] !== '"') {
      if (text[at] === '\n') fail('the closing " of the string before the line ends')
      at += text[at] === '\\' ? 2 : 1
    }
    if (at >= text.length) fail('a closing "')
    at++
  }
  const value = (): void => {
    space()
    const char = text[at]
    if (char === '{') {
      at++
      space()
      if (text[at] === '}') return void at++
      for (;;) {
        space()
        if (text[at] !== '"') fail('a key in double quotes (no comma after the last entry)')
        string()
        space()
        if (text[at] !== ':') fail('":" after the key')
        at++
        value()
        space()
        if (text[at] === ',') at++
        else if (text[at] === '}') return void at++
        else fail('"," or "}"')
      }
    } else if (char === '[') {
      at++
      space()
      if (text[at] === ']') return void at++
      for (;;) {
        value()
        space()
        if (text[at] === ',') {
          at++
          space()
          if (text[at] === ']') fail('another entry (remove the comma after the last entry)')
        } else if (text[at] === ']') return void at++
        else fail('"," or "]"')
      }
    } else if (char === '"') string()
    else if (char !== undefined && /[-0-9]/.test(char)) {
      const number = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at))
      if (!number) fail('a number')
      at += number?.[0].length ?? 0
    } else if (char === 't') literal('true')
    else if (char === 'f') literal('false')
    else if (char === 'n') literal('null')
    else fail('a value (a string, number, object, array, true, false or null)')
  }
  try {
    value()
    space()
    if (at < text.length) fail('the end of the file')
    return { offset: 0, expected: 'a JSON value' }
  } catch (error) {
    return error as { offset: number; expected: string }
  }
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++
  return line
}

/**
 * The line where each element of the top-level "corrections" array starts: a small scan over
 * the JSON text (strings and nesting only), since JSON.parse keeps no positions.
 */
function elementLines(text: string): Array<number> {
  const lines: Array<number> = []
  const stack: Array<string> = []
  let line = 1
  let lastKey: string | null = null
  let inCorrections = false
  let expectElement = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (char === '\n') {
      line++
      continue
    }
    if (char === '"') {
      let end = i + 1
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1
      const value = text.slice(i + 1, end)
      if (inCorrections && expectElement && stack.length === 2) {
        lines.push(line)
        expectElement = false
      }
      if (stack.length === 1) lastKey = value
      i = end
      continue
    }
    if (/\s/.test(char ?? '')) continue
    if (inCorrections && stack.length === 2 && expectElement && char !== ']') {
      lines.push(line)
      expectElement = false
    }
    if (char === '{' || char === '[') {
      if (char === '[' && stack.length === 1 && lastKey === 'corrections') {
        inCorrections = true
        expectElement = true
      }
      stack.push(char)
    } else if (char === '}' || char === ']') {
      stack.pop()
      if (stack.length === 1) inCorrections = false
    } else if (char === ',' && inCorrections && stack.length === 2) {
      expectElement = true
    }
  }
  return lines
}

/** The metric's kind decides which units a corrected figure may carry. */
export const UNITS_OF_KIND: Record<Catalog['metrics'][number]['unitKind'], ReadonlyArray<Unit>> = {
  count: ['count', 'percent'],
  money: ['CNY', 'USD'],
  area: ['sqm'],
}

// Apostrophes and quotes are typed either way; runs of spaces are one space.
const LOOSE_CHARS: Record<string, string> = {
  "'": "['’‘]",
  '’': "['’‘]",
  '‘': "['’‘]",
  '"': '["“”]',
  '“': '["“”]',
  '”': '["“”]',
}
function loosePattern(words: string): RegExp {
  const pattern = Array.from(words.trim(), (char) =>
    /\s/.test(char) ? '\\s+' : (LOOSE_CHARS[char] ?? char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  )
    .join('')
    .replace(/(?:\\s\+)+/g, '\\s+')
  // Any case: "More than 80" opens a sentence, "more than 80" is how one types it.
  return new RegExp(pattern, 'gi')
}

const shorten = (text: string, max = 70) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text

/**
 * Applies one article's corrections to its extraction. Returns a new extraction (the given one
 * is not changed) and a problem for each correction that no longer matches the article.
 */
export function applyCorrections(
  extraction: ArticleExtraction,
  article: Article,
  corrections: ReadonlyArray<LocatedCorrection>,
  catalog: Pick<Catalog, 'metrics'>,
): { extraction: ArticleExtraction; problems: Array<CorrectionProblem> } {
  const problems: Array<CorrectionProblem> = []
  const observations = [...extraction.observations]
  const discarded = [...extraction.discarded]
  const unitKinds = new Map(catalog.metrics.map((metric) => [metric.key, metric.unitKind]))
  let split: ReturnType<typeof splitSentences> | undefined
  const sentences = () => (split ??= splitSentences(article))
  // Which figure each earlier correction took: a second one for the same figure is a mistake.
  const taken = new Map<string, number>()

  for (const { correction, file, line } of corrections) {
    const fail = (cause: string) => problems.push({ file, line, cause })
    // The quoted words may be part of a sentence: the number is looked for in the whole of it.
    const spans = Array.from(article.text.matchAll(loosePattern(correction.sentence)), (m) => {
      const first = sentences().find((s) => m.index < s.end) ?? { start: m.index }
      const end = m.index + m[0].length
      const last = sentences().find((s) => end <= s.end) ?? { end }
      return { start: Math.min(first.start, m.index), end: Math.max(last.end, end) }
    })
    if (spans.length === 0) {
      fail(
        `article ${article.id} has no sentence "${shorten(correction.sentence)}": the article changed, or the sentence is mistyped`,
      )
      continue
    }
    const inSpan = (record: { start: number; end: number }) =>
      spans.some((span) => record.start >= span.start && record.end <= span.end)
    const numberPattern = loosePattern(correction.number)
    const sameWords = (text: string) => {
      numberPattern.lastIndex = 0
      const match = numberPattern.exec(text)
      return match !== null && match.index === 0 && match[0].length === text.length
    }
    const pick = <T extends { start: number; end: number; text: string }>(records: Array<T>) => {
      const near = records.filter(inSpan)
      const exact = near.filter((record) => sameWords(record.text))
      if (exact.length > 0) return exact
      return near.filter((record) => {
        numberPattern.lastIndex = 0
        return numberPattern.test(record.text)
      })
    }
    const numbersThere = () =>
      [...observations, ...discarded]
        .filter(inSpan)
        .sort((a, b) => a.start - b.start)
        .map((record) => `"${record.text}"`)
    const key = (record: { start: number; end: number }) => `${record.start}:${record.end}`
    const claim = (record: { start: number; end: number }) => {
      const earlier = taken.get(key(record))
      if (earlier !== undefined) {
        fail(`the same number was already corrected at line ${earlier}: keep one of the two`)
        return false
      }
      taken.set(key(record), line)
      return true
    }

    if (correction.action === 'add') {
      const existing = pick(observations)
      if (existing.length > 0) {
        fail(
          `"${correction.number}" is already a figure (${existing[0]?.metric}): use "fix" to change it`,
        )
        continue
      }
      let found: { start: number; end: number } | undefined
      for (const span of spans) {
        numberPattern.lastIndex = 0
        const match = numberPattern.exec(article.text.slice(span.start, span.end))
        if (match) {
          found = {
            start: span.start + match.index,
            end: span.start + match.index + match[0].length,
          }
          break
        }
      }
      if (!found) {
        fail(`that sentence of article ${article.id} has no "${shorten(correction.number, 40)}"`)
        continue
      }
      const { figure } = correction
      if (!unitFits(figure.metric, figure.unit, unitKinds)) {
        fail(`unit "${figure.unit}" does not fit metric "${figure.metric}"`)
        continue
      }
      if (!claim(found)) continue
      const position = found
      const sentence = sentences().find(
        (candidate) => position.start >= candidate.start && position.end <= candidate.end,
      )
      if (!sentence) {
        fail(`"${correction.number}" runs across two sentences: quote a number inside one`)
        continue
      }
      // A number the extractor discarded is now counted: it leaves the discarded list.
      const wasDiscarded = discarded.findIndex(
        (record) => record.start <= position.start && record.end >= position.end,
      )
      if (wasDiscarded >= 0) discarded.splice(wasDiscarded, 1)
      const text = article.text.slice(position.start, position.end)
      observations.push({
        id: `${article.id}~${stableId(`${article.id}|${sentence.text}|${text}|${figure.metric}|added`)}`,
        article: article.id,
        sentence: sentence.text,
        sentenceStart: sentence.start,
        start: position.start,
        end: position.end,
        metric: figure.metric,
        value: figure.value,
        unit: figure.unit,
        qualifier: figure.qualifier,
        district: figure.district,
        area: null,
        edition: figure.edition,
        scope: figure.edition === null ? 'profile' : 'ciie',
        text,
        conversion: null,
        correction: note(correction),
      })
      continue
    }

    const targets = pick(observations)
    const rejectedEarlier = pick(discarded).find((record) => taken.has(key(record)))
    if (targets.length === 0 && rejectedEarlier) {
      claim(rejectedEarlier)
      continue
    }
    if (targets.length === 0) {
      const dropped = pick(discarded)[0]
      if (dropped) {
        fail(
          correction.action === 'reject'
            ? `"${dropped.text}" is not a figure: the extractor already left it out (${dropped.reason})`
            : `"${dropped.text}" is not a figure (the extractor left it out: ${dropped.reason}); use "add" to count it`,
        )
      } else {
        const there = numbersThere()
        fail(
          `no number "${shorten(correction.number, 40)}" in that sentence of article ${article.id}${there.length > 0 ? ` (its numbers: ${there.join(', ')})` : ''}`,
        )
      }
      continue
    }
    if (targets.length > 1) {
      fail(
        `"${correction.number}" matches ${targets.length} figures in that sentence (${targets.map((t) => `"${t.text}"`).join(', ')}): write the number exactly as one of them`,
      )
      continue
    }
    const target = targets[0]
    if (!target || !claim(target)) continue
    const index = observations.indexOf(target)

    if (correction.action === 'reject') {
      observations.splice(index, 1)
      const rejected: Discarded = {
        article: target.article,
        sentence: target.sentence,
        sentenceStart: target.sentenceStart,
        start: target.start,
        end: target.end,
        text: target.text,
        value: target.value,
        unit: target.unit,
        reason: `rejected: ${correction.reason}`,
        correction: note(correction, fieldsOf(target)),
      }
      discarded.push(rejected)
      continue
    }

    const { set } = correction
    const metric = set.metric ?? target.metric
    const unit = set.unit ?? target.unit
    if (!unitFits(metric, unit, unitKinds)) {
      fail(
        `unit "${unit}" does not fit metric "${metric}": set "unit" too (${UNITS_OF_KIND[unitKinds.get(metric) ?? 'count'].join(' or ')})`,
      )
      continue
    }
    const was: CorrectableFields = {}
    const before = fieldsOf(target)
    for (const field of Object.keys(set) as Array<keyof CorrectableFields>) {
      if (set[field] !== before[field]) Object.assign(was, { [field]: before[field] })
    }
    const edition = set.edition === undefined ? target.edition : set.edition
    observations[index] = {
      ...target,
      metric,
      value: set.value ?? target.value,
      unit,
      qualifier: set.qualifier ?? target.qualifier,
      district: set.district ?? target.district,
      edition,
      // A figure moved off every edition is a standing fact; one given an edition counts for it.
      scope:
        edition === null
          ? target.scope === 'ciie'
            ? 'profile'
            : target.scope
          : target.scope === 'profile'
            ? 'ciie'
            : target.scope,
      // The district's zone no longer holds when the district changes.
      area: set.district && set.district !== target.district ? null : target.area,
      correction: note(correction, was),
    }
  }
  return {
    extraction: { ...extraction, observations, discarded },
    problems,
  }
}

function unitFits(
  metric: MetricKey,
  unit: Unit,
  kinds: ReadonlyMap<MetricKey, keyof typeof UNITS_OF_KIND>,
): boolean {
  return UNITS_OF_KIND[kinds.get(metric) ?? 'count'].includes(unit)
}

function fieldsOf(observation: Observation): Required<CorrectableFields> {
  return {
    metric: observation.metric,
    value: observation.value,
    unit: observation.unit,
    qualifier: observation.qualifier,
    district: observation.district,
    edition: observation.edition,
  }
}

function note(correction: Correction, was?: CorrectableFields): CorrectionNote {
  return was === undefined
    ? { action: correction.action, reason: correction.reason, date: correction.date }
    : { action: correction.action, reason: correction.reason, date: correction.date, was }
}
