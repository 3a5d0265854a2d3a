/**
 * review.html, which `npm run data -- --report` writes beside the API files: for each article,
 * the sentences that hold a number with every quantity marked (a figure and what it was read as,
 * or a number not taken and why), its figures and discarded numbers in tables, and the
 * corrections from data/corrections.json that were applied to it.
 *
 * One self-contained HTML string: inline CSS, no script, nothing fetched (its Content-Security-
 * Policy forbids it), so it opens from disk in any browser and prints on A4. Marks differ by
 * line style and by their text labels, not by colour alone. Article text is outside input: every
 * piece of it is escaped. Pure and deterministic: the same input gives the same bytes (no build
 * date), so a reviewed page can be compared with the next.
 */
import { groupBy } from './group-by'
import type {
  ArticleSummary,
  Catalog,
  CorrectableFields,
  Dataset,
  Discarded,
  Observation,
  Qualifier,
  Scope,
  Unit,
} from './schema'

/** Where the page goes inside the API folder. */
export const REVIEW_PAGE_FILE = 'review.html'

/** A file that was skipped with --lenient, listed at the top so the review is complete. */
export interface SkippedFile {
  file: string
  line: number
  cause: string
}

/**
 * The review page for a dataset. `articleTexts` (normalised text by article id) gives each
 * article's whole text under its sentences; an article without one shows its sentences only.
 */
export function renderReviewPage(
  dataset: Dataset,
  catalog: Catalog,
  articleTexts: ReadonlyMap<string, string>,
  skipped: ReadonlyArray<SkippedFile> = [],
): string {
  const names = catalogNames(catalog)
  // Grouped in one pass: filtering the whole dataset once per article is quadratic.
  const observations = groupBy(dataset.observations, (o) => o.article)
  const discarded = groupBy(dataset.discarded, (d) => d.article)
  const corrections = dataset.articles.flatMap((article) =>
    correctionsOf(observations.get(article.id) ?? [], discarded.get(article.id) ?? []).map(
      (item) => ({ article, item }),
    ),
  )
  const dates = dataset.articles.map((a) => a.date).sort()
  const range = dates.length === 0 ? '' : `, ${dates[0]} to ${dates.at(-1) ?? dates[0]}`

  const body = [
    '<header class="page-head">',
    '<h1>Review of the figures read from the articles</h1>',
    `<p class="corpus">${count(dataset.articles.length, 'article')}${escapeHtml(range)}: ${count(dataset.observations.length, 'figure')}, ${count(dataset.discarded.length, 'number')} not taken, ${count(corrections.length, 'correction')} applied.</p>`,
    LEGEND,
    '</header>',
    '<main>',
    skipped.length === 0 ? '' : skippedSection(skipped),
    correctionsSection(corrections, names),
    contentsSection(dataset.articles, observations, discarded, names),
    ...dataset.articles.map((article) =>
      articleSection(
        article,
        observations.get(article.id) ?? [],
        discarded.get(article.id) ?? [],
        articleTexts.get(article.id),
        names,
      ),
    ),
    '</main>',
  ]
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Review: ${count(dataset.articles.length, 'article')}, ${count(dataset.observations.length, 'figure')}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body.filter((part) => part !== ''),
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

/** Nothing may load or run: styles only from the page itself. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text as HTML text or attribute value: article text is data, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char)
}

interface Names {
  metric: (key: string) => string
  district: (id: string) => string
  zone: (id: string) => string
  edition: (edition: number | null) => string
}

function catalogNames(catalog: Catalog): Names {
  const metrics = new Map(catalog.metrics.map((m) => [m.key as string, m.en]))
  const districts = new Map(catalog.districts.map((d) => [d.id as string, d.en]))
  const zones = new Map(catalog.zones.map((z) => [z.id, z.en]))
  const editions = new Map(catalog.editions.map((e) => [e.edition, e.en]))
  return {
    metric: (key) => metrics.get(key) ?? key,
    district: (id) => districts.get(id) ?? id,
    zone: (id) => zones.get(id) ?? id,
    edition: (edition) =>
      edition === null ? 'no edition' : (editions.get(edition) ?? `CIIE ${edition}`),
  }
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })

/** Every digit shown, so a reader can check "1.2 billion" was read as 1,200,000,000. */
const formatNumber = (value: number) => NUMBER.format(value)

const UNIT_WORDS: Record<Unit, string> = {
  count: 'count',
  CNY: 'yuan',
  USD: 'US dollars',
  sqm: 'square metres',
  percent: 'percent',
}

const QUALIFIER_WORDS: Record<Qualifier, string> = {
  exact: 'exact',
  more_than: 'more than',
  about: 'about',
  nearly: 'nearly',
  at_least: 'at least',
  up_to: 'up to',
}

const SCOPE_WORDS: Record<Scope, string> = {
  ciie: 'CIIE outcome',
  profile: 'district background',
  company: 'a company’s own figure',
}

/** "more than 100,000 sqm", "US$700,000,000", "12%". */
function formatQuantity(value: number, unit: Unit, qualifier: Qualifier = 'exact'): string {
  const number = formatNumber(value)
  const amount =
    unit === 'count'
      ? number
      : unit === 'percent'
        ? `${number}%`
        : unit === 'USD'
          ? `US$${number}`
          : unit === 'CNY'
            ? `${number} yuan`
            : `${number} sqm`
  return qualifier === 'exact' ? amount : `${QUALIFIER_WORDS[qualifier]} ${amount}`
}

/** "Partners · 26 · Qingpu · 6th CIIE (2023)": what a figure was read as, in one line. */
function describeFigure(
  figure: Pick<Observation, 'metric' | 'value' | 'unit' | 'qualifier' | 'edition'> & {
    district: string | undefined
    scope?: Scope
  },
  names: Names,
): string {
  const parts = [
    names.metric(figure.metric),
    formatQuantity(figure.value, figure.unit, figure.qualifier),
    figure.district === undefined ? 'no district' : names.district(figure.district),
    names.edition(figure.edition),
  ]
  if (figure.scope && figure.scope !== 'ciie') parts.push(SCOPE_WORDS[figure.scope])
  return parts.join(' · ')
}

/** A fixed field as it was: "value 25", "metric Partners", "edition 5th CIIE (2022)". */
function describeField(
  field: keyof CorrectableFields,
  was: CorrectableFields,
  unit: Unit,
  names: Names,
) {
  switch (field) {
    case 'metric':
      return `metric ${names.metric(was.metric ?? '')}`
    case 'value':
      return `value ${formatQuantity(was.value ?? 0, was.unit ?? unit)}`
    case 'unit':
      return `unit ${UNIT_WORDS[was.unit ?? unit]}`
    case 'qualifier':
      return `qualifier ${QUALIFIER_WORDS[was.qualifier ?? 'exact']}`
    case 'district':
      return `district ${names.district(was.district ?? '')}`
    case 'edition':
      return `edition ${names.edition(was.edition ?? null)}`
  }
}

const FIELD_ORDER: ReadonlyArray<keyof CorrectableFields> = [
  'metric',
  'value',
  'unit',
  'qualifier',
  'district',
  'edition',
]

/** What a fix changed, as the extractor had it: "value 25, qualifier more than". */
function describeWas(observation: Observation, names: Names): string {
  const was = observation.correction?.was ?? {}
  const fields = FIELD_ORDER.filter((field) => field in was)
  return fields.length === 0
    ? 'nothing (the fix set the same values)'
    : fields.map((field) => describeField(field, was, observation.unit, names)).join(', ')
}

/** A rejected figure as the extractor had read it, from its correction note. */
function describeRejected(item: Discarded, names: Names): string {
  const was = item.correction?.was
  if (was?.metric === undefined || was.value === undefined || was.unit === undefined)
    return `“${item.text}”`
  return describeFigure(
    {
      metric: was.metric,
      value: was.value,
      unit: was.unit,
      qualifier: was.qualifier ?? 'exact',
      district: was.district,
      edition: was.edition ?? null,
    },
    names,
  )
}

type MarkKind = 'figure' | 'corrected' | 'added' | 'discarded' | 'rejected'

/**
 * A mark's label: what the number was read as ("Partners · 26 · ..."), then what happened to it
 * ("corrected: reason (date); was ...", "discarded: a year"), its first word in bold.
 */
interface Label {
  figure: string
  note: { word: 'corrected' | 'added' | 'rejected' | 'discarded'; text: string } | null
}

/** One quantity to mark in the text: where, how, and its label. */
interface Mark extends Label {
  start: number
  end: number
  text: string
  sentence: string
  sentenceStart: number
  kind: MarkKind
}

function figureKind(observation: Observation): MarkKind {
  if (observation.correction?.action === 'add') return 'added'
  return observation.correction ? 'corrected' : 'figure'
}

function correctionNote(note: { reason: string; date: string }) {
  return `${note.reason} (${note.date})`
}

const spanOf = (record: Observation | Discarded) => ({
  start: record.start,
  end: record.end,
  text: record.text,
  sentence: record.sentence,
  sentenceStart: record.sentenceStart,
})

function figureMark(observation: Observation, names: Names): Mark {
  const kind = figureKind(observation)
  const figure = describeFigure(observation, names)
  const note = observation.correction
  return {
    ...spanOf(observation),
    kind,
    figure,
    note:
      note === undefined
        ? null
        : kind === 'added'
          ? { word: 'added', text: correctionNote(note) }
          : {
              word: 'corrected',
              text: `${correctionNote(note)}; was ${describeWas(observation, names)}`,
            },
  }
}

function discardedMark(item: Discarded, names: Names): Mark {
  const note = item.correction
  if (note?.action === 'reject') {
    return {
      ...spanOf(item),
      kind: 'rejected',
      figure: '',
      note: {
        word: 'rejected',
        text: `${correctionNote(note)}; was ${describeRejected(item, names)}`,
      },
    }
  }
  return {
    ...spanOf(item),
    kind: 'discarded',
    figure: '',
    note: { word: 'discarded', text: item.reason },
  }
}

const KIND_CLASS: Record<MarkKind, string> = {
  figure: 'q q-figure',
  corrected: 'q q-figure q-corrected',
  added: 'q q-figure q-corrected',
  discarded: 'q q-discarded',
  rejected: 'q q-discarded q-rejected',
}

function markHtml(mark: Pick<Mark, 'kind' | 'figure' | 'note'>, words: string): string {
  const note = mark.note
    ? `${mark.figure === '' ? '' : ' — '}<strong>${mark.note.word}:</strong> ${escapeHtml(mark.note.text)}`
    : ''
  return `<span class="${KIND_CLASS[mark.kind]}"><mark>${escapeHtml(words)}</mark> <small class="tag">${escapeHtml(mark.figure)}${note}</small></span>`
}

/**
 * `text` (which starts at `base` in the article) with the marks that lie wholly inside it and
 * whose words are there. Earlier marks win an overlap, so figures go first; a mark whose offsets
 * do not fit is left out of the text (its table row still lists it).
 */
function markedText(text: string, base: number, marks: ReadonlyArray<Mark>): string {
  const placed: Array<Mark> = []
  for (const mark of marks) {
    const from = mark.start - base
    const to = mark.end - base
    const fits = from >= 0 && to <= text.length && from < to && text.slice(from, to) === mark.text
    if (fits && !placed.some((other) => mark.start < other.end && other.start < mark.end))
      placed.push(mark)
  }
  placed.sort((a, b) => a.start - b.start)
  let html = ''
  let at = 0
  for (const mark of placed) {
    html += escapeHtml(text.slice(at, mark.start - base))
    html += markHtml(mark, mark.text)
    at = mark.end - base
  }
  return html + escapeHtml(text.slice(at))
}

/** A correction applied in one article: the figure it touched, for the list at the top. */
type AppliedCorrection =
  { kind: 'corrected' | 'added'; record: Observation } | { kind: 'rejected'; record: Discarded }

function correctionsOf(
  observations: ReadonlyArray<Observation>,
  discarded: ReadonlyArray<Discarded>,
): Array<AppliedCorrection> {
  const items: Array<AppliedCorrection> = [
    ...observations
      .filter((o) => o.correction !== undefined)
      .map((record) => ({ kind: figureKind(record) as 'corrected' | 'added', record })),
    ...discarded
      .filter((d) => d.correction?.action === 'reject')
      .map((record) => ({ kind: 'rejected' as const, record })),
  ]
  return items.sort((a, b) => a.record.start - b.record.start || a.record.end - b.record.end)
}

const articleAnchor = (id: string) => `article-${id}`
const sentenceAnchor = (id: string, sentenceStart: number) => `sentence-${id}-${sentenceStart}`
const link = (anchor: string, html: string) => `<a href="#${escapeHtml(anchor)}">${html}</a>`

function titleOf(article: ArticleSummary): string {
  return article.title.trim() === '' ? article.id : article.title
}

function count(n: number, noun: string): string {
  return `${formatNumber(n)} ${n === 1 ? noun : `${noun}s`}`
}

const LEGEND = [
  '<div class="legend">',
  '<p><strong>How to read the marks.</strong> Each number in a sentence is marked and labelled:</p>',
  '<ul>',
  `<li>${markHtml({ kind: 'figure', figure: 'metric · value · district · edition', note: null }, 'a figure')}: counted in the dashboard as labelled;</li>`,
  `<li>${markHtml({ kind: 'discarded', figure: '', note: { word: 'discarded', text: 'why' } }, 'a number not taken')}: left out, with the reason;</li>`,
  `<li>${markHtml({ kind: 'corrected', figure: '…', note: { word: 'corrected', text: 'reason (date); was …' } }, 'a corrected figure')}: changed or added by data/corrections.json;</li>`,
  `<li>${markHtml({ kind: 'rejected', figure: '', note: { word: 'rejected', text: 'reason (date); was …' } }, 'a rejected figure')}: read as a figure, then rejected by a person.</li>`,
  '</ul>',
  '<p>A number in none of these was not recognised at all: check each article’s whole text.</p>',
  '</div>',
].join('\n')

function skippedSection(skipped: ReadonlyArray<SkippedFile>): string {
  return [
    '<section class="skipped" aria-labelledby="skipped-title">',
    `<h2 id="skipped-title">Files not read (${formatNumber(skipped.length)})</h2>`,
    '<p>These files were skipped with --lenient; nothing from them is in the dataset.</p>',
    '<ul>',
    ...skipped.map(
      (problem) =>
        `<li><code>${escapeHtml(problem.file)}:${problem.line}</code>: ${escapeHtml(problem.cause)}</li>`,
    ),
    '</ul>',
    '</section>',
  ].join('\n')
}

function correctionsSection(
  corrections: ReadonlyArray<{ article: ArticleSummary; item: AppliedCorrection }>,
  names: Names,
): string {
  const head = [
    '<section class="corrections" aria-labelledby="corrections-title">',
    `<h2 id="corrections-title">Corrections applied (${formatNumber(corrections.length)})</h2>`,
  ]
  if (corrections.length === 0) {
    return [
      ...head,
      '<p>None: every figure below is as the extractor read it. To reject, fix or add a figure, write an entry in data/corrections.json.</p>',
      '</section>',
    ].join('\n')
  }
  const rows = corrections.map(({ article, item }) => {
    const { record } = item
    const note = record.correction
    const change =
      item.kind === 'rejected'
        ? `not counted; was ${describeRejected(item.record, names)}`
        : item.kind === 'added'
          ? describeFigure(item.record, names)
          : `now ${describeFigure(item.record, names)}; was ${describeWas(item.record, names)}`
    return [
      '<tr>',
      // The id names the file to open; the link goes to the sentence on this page.
      `<td class="text">${link(sentenceAnchor(article.id, record.sentenceStart), escapeHtml(article.id))}<br><span class="muted">${escapeHtml(article.date)}</span></td>`,
      `<td class="text">“${escapeHtml(record.text)}”</td>`,
      `<td class="text"><strong>${item.kind}:</strong> ${escapeHtml(change)}</td>`,
      `<td class="text">${note ? escapeHtml(correctionNote(note)) : ''}</td>`,
      '</tr>',
    ].join('')
  })
  return [
    ...head,
    '<div class="table-wrap"><table class="wide">',
    '<thead><tr><th scope="col">Article</th><th scope="col">Words</th><th scope="col">What was done</th><th scope="col">Reason (date)</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody></table></div>',
    '</section>',
  ].join('\n')
}

function contentsSection(
  articles: ReadonlyArray<ArticleSummary>,
  observations: ReadonlyMap<string, ReadonlyArray<Observation>>,
  discarded: ReadonlyMap<string, ReadonlyArray<Discarded>>,
  names: Names,
): string {
  const items = articles.map((article) => {
    const figures = observations.get(article.id) ?? []
    const dropped = discarded.get(article.id) ?? []
    const corrected = correctionsOf(figures, dropped).length
    const facts = [
      article.date,
      article.district === null ? 'no district' : names.district(article.district),
      names.edition(article.edition),
      count(figures.length, 'figure'),
      `${formatNumber(dropped.length)} not taken`,
    ]
    if (corrected > 0) facts.push(count(corrected, 'correction'))
    if (article.warnings.length > 0) facts.push(count(article.warnings.length, 'warning'))
    return `<li>${link(articleAnchor(article.id), escapeHtml(titleOf(article)))}<br><span class="muted">${escapeHtml(facts.join(' · '))}</span></li>`
  })
  return [
    '<nav class="contents" id="contents" aria-labelledby="contents-title">',
    `<h2 id="contents-title">Articles (${formatNumber(articles.length)})</h2>`,
    items.length === 0 ? '<p>No articles.</p>' : `<ol>\n${items.join('\n')}\n</ol>`,
    '</nav>',
  ].join('\n')
}

function articleSection(
  article: ArticleSummary,
  observations: ReadonlyArray<Observation>,
  discarded: ReadonlyArray<Discarded>,
  text: string | undefined,
  names: Names,
): string {
  const id = article.id
  const marks = [
    ...observations.map((o) => figureMark(o, names)),
    ...discarded.map((d) => discardedMark(d, names)),
  ]
  const facts: Array<[string, string]> = [
    ['Date', article.date],
    ['Article id', id],
    [
      'District',
      article.district === null
        ? 'none named'
        : `${names.district(article.district)}${article.area ? ` · ${names.zone(article.area)}` : ''}`,
    ],
    ['Districts named', article.districts.map(names.district).join(', ') || 'none'],
    ['Edition', names.edition(article.edition)],
  ]
  return [
    `<section class="article" id="${escapeHtml(articleAnchor(id))}" aria-labelledby="${escapeHtml(articleAnchor(id))}-title">`,
    `<h2 id="${escapeHtml(articleAnchor(id))}-title">${escapeHtml(titleOf(article))}</h2>`,
    '<dl class="facts">',
    ...facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`),
    '</dl>',
    article.warnings.length === 0
      ? ''
      : `<ul class="warnings">\n${article.warnings.map((w) => `<li><strong>Warning:</strong> ${escapeHtml(w)}</li>`).join('\n')}\n</ul>`,
    sentencesPart(id, marks),
    figuresTable(observations, names),
    discardedTable(discarded, names),
    text === undefined ? '' : wholeText(text, marks),
    `<p class="back">${link('contents', 'Back to the list of articles')}</p>`,
    '</section>',
  ]
    .filter((part) => part !== '')
    .join('\n')
}

/** The sentences that hold a number, in text order, each quantity marked in place. */
function sentencesPart(id: string, marks: ReadonlyArray<Mark>): string {
  const sentences = new Map<
    string,
    { sentence: string; sentenceStart: number; marks: Array<Mark> }
  >()
  for (const mark of marks) {
    const key = `${mark.sentenceStart}\u0000${mark.sentence}`
    const group = sentences.get(key)
    if (group) group.marks.push(mark)
    else
      sentences.set(key, {
        sentence: mark.sentence,
        sentenceStart: mark.sentenceStart,
        marks: [mark],
      })
  }
  const ordered = [...sentences.values()].sort(
    (a, b) => a.sentenceStart - b.sentenceStart || (a.sentence < b.sentence ? -1 : 1),
  )
  const title = `<h3>Sentences with numbers (${formatNumber(ordered.length)})</h3>`
  if (ordered.length === 0) return `${title}\n<p>No number was found in this article.</p>`
  return [
    title,
    '<ol class="sentences">',
    ...ordered.map(
      (group) =>
        `<li id="${escapeHtml(sentenceAnchor(id, group.sentenceStart))}">${markedText(group.sentence, group.sentenceStart, group.marks)}</li>`,
    ),
    '</ol>',
  ].join('\n')
}

function correctionCell(observation: Observation, names: Names): string {
  const note = observation.correction
  if (note === undefined) return '<td></td>'
  return figureKind(observation) === 'added'
    ? `<td class="text"><strong>added:</strong> ${escapeHtml(correctionNote(note))}</td>`
    : `<td class="text"><strong>corrected:</strong> ${escapeHtml(correctionNote(note))}<br><span class="muted">was ${escapeHtml(describeWas(observation, names))}</span></td>`
}

function figuresTable(observations: ReadonlyArray<Observation>, names: Names): string {
  const title = `<h3>Figures (${formatNumber(observations.length)})</h3>`
  if (observations.length === 0) return `${title}\n<p>No figure was read from this article.</p>`
  const withCorrections = observations.some((o) => o.correction !== undefined)
  const header = ['Metric', 'Value', 'Unit', 'Qualifier', 'District', 'Edition', 'Scope', 'Words']
  if (withCorrections) header.push('Correction')
  const rows = observations.map((o) => {
    const cells = [
      `<td>${escapeHtml(names.metric(o.metric))}</td>`,
      `<td class="number">${escapeHtml(formatNumber(o.value))}${o.conversion ? `<br><span class="muted">given also as ${escapeHtml(formatQuantity(o.conversion.value, o.conversion.unit))}</span>` : ''}</td>`,
      `<td>${escapeHtml(UNIT_WORDS[o.unit])}</td>`,
      `<td>${escapeHtml(QUALIFIER_WORDS[o.qualifier])}</td>`,
      `<td>${escapeHtml(names.district(o.district))}${o.area ? `<br><span class="muted">${escapeHtml(names.zone(o.area))}</span>` : ''}</td>`,
      `<td>${escapeHtml(names.edition(o.edition))}</td>`,
      `<td>${escapeHtml(SCOPE_WORDS[o.scope])}</td>`,
      `<td class="text">“${escapeHtml(o.text)}”</td>`,
    ]
    if (withCorrections) cells.push(correctionCell(o, names))
    return `<tr${o.correction ? ' class="corrected-row"' : ''}>${cells.join('')}</tr>`
  })
  return [
    title,
    '<div class="table-wrap"><table class="figures wide">',
    `<thead><tr>${header.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows,
    '</tbody></table></div>',
  ].join('\n')
}

function discardedTable(discarded: ReadonlyArray<Discarded>, names: Names): string {
  const title = `<h3>Numbers not taken (${formatNumber(discarded.length)})</h3>`
  if (discarded.length === 0) return `${title}\n<p>None.</p>`
  const rows = discarded.map((item) => {
    const note = item.correction
    const reason =
      note?.action === 'reject'
        ? `<strong>rejected:</strong> ${escapeHtml(correctionNote(note))}<br><span class="muted">was ${escapeHtml(describeRejected(item, names))}</span>`
        : escapeHtml(item.reason)
    return `<tr${note ? ' class="rejected-row"' : ''}><td class="text">“${escapeHtml(item.text)}”</td><td class="text">${reason}</td></tr>`
  })
  return [
    title,
    '<div class="table-wrap"><table class="discarded">',
    '<thead><tr><th scope="col">Words</th><th scope="col">Why it was not taken</th></tr></thead>',
    '<tbody>',
    ...rows,
    '</tbody></table></div>',
  ].join('\n')
}

/**
 * The article as a whole, marks in place, folded away: a number that is in no table was not
 * recognised at all, and only the whole text shows it.
 */
function wholeText(text: string, marks: ReadonlyArray<Mark>): string {
  const paragraphs: Array<string> = []
  const breaks = /\n[ \t]*\n\s*/g
  let start = 0
  const add = (end: number) => {
    const paragraph = text.slice(start, end)
    if (paragraph.trim() !== '') paragraphs.push(`<p>${markedText(paragraph, start, marks)}</p>`)
  }
  for (let match = breaks.exec(text); match !== null; match = breaks.exec(text)) {
    add(match.index)
    start = match.index + match[0].length
  }
  add(text.length)
  return [
    '<details class="whole-text">',
    `<summary>The whole article (${count(paragraphs.length, 'paragraph')})</summary>`,
    ...paragraphs,
    '</details>',
  ].join('\n')
}

/*
 * Marks differ without colour: a figure is bold with a solid underline and a solid label box, a
 * number not taken has a dashed underline and a dashed box, a corrected figure a double
 * underline, a rejected one is struck through. Printed, backgrounds may drop; lines and labels stay.
 */
const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #c8c8c8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1.5rem 1rem 3rem; color: var(--ink); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
header.page-head, main { max-width: 72rem; margin: 0 auto; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; line-height: 1.3; margin: 0 0 .75rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
a { color: #1d4ed8; }
p, li, dd, summary, td.text { overflow-wrap: anywhere; }
.corpus { font-size: 1.05rem; margin: 0 0 1rem; }
.muted { color: var(--muted); font-size: .9em; }
.legend { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin-bottom: 1.5rem; }
.legend p { margin: 0 0 .4rem; }
.legend ul { margin: 0 0 .4rem; padding-left: 1.25rem; }
main > section, main > nav { margin-top: 2rem; }
.skipped, .corrections { border: 2px solid #333; border-radius: 6px; padding: 1rem; }
.contents ol { padding-left: 1.5rem; }
.contents li { margin-bottom: .5rem; }
.article { border-top: 3px solid #333; padding-top: 1.25rem; }
.facts { display: flex; flex-wrap: wrap; gap: .25rem 1.75rem; margin: 0 0 .75rem; }
.facts dt { font-weight: 600; font-size: .85rem; color: var(--muted); }
.facts dd { margin: 0; }
.warnings { list-style: none; padding: .5rem .75rem; margin: .5rem 0; border: 2px dashed #8a5a00; background: #fff8e6; }
.sentences { padding-left: 1.75rem; }
.sentences li { margin-bottom: .75rem; line-height: 1.9; }
.whole-text { margin-top: 1.5rem; border: 1px solid var(--line); border-radius: 6px; padding: .5rem 1rem; }
.whole-text summary { cursor: pointer; font-weight: 600; }
.whole-text p { line-height: 1.9; }
.q mark { color: inherit; padding: 0 .15em; border-radius: 2px; }
.q-figure mark { background: #fde68a; font-weight: 700; border-bottom: 2px solid #7c4a03; }
.q-corrected mark { background: #bfdbfe; border-bottom: 4px double #1e3a8a; }
.q-discarded mark { background: #ececec; border-bottom: 2px dashed #666; }
.q-rejected mark { text-decoration: line-through; text-decoration-thickness: 2px; }
.tag { font-size: .75em; line-height: 1.3; border: 1px solid #7c4a03; border-radius: 3px; padding: 0 .3em;
  background: #fffbeb; color: #3d2a00; white-space: normal; }
.q-corrected .tag { border-color: #1e3a8a; background: #eff6ff; color: #172554; border-width: 2px; }
.q-discarded .tag { border-style: dashed; border-color: #666; background: #f7f7f7; color: #444; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f2f2f2; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.text { min-width: 9rem; }
table.wide { min-width: 40rem; }
.corrected-row td, .rejected-row td { background: #f3f7ff; }
.corrected-row td:first-child, .rejected-row td:first-child { border-left: 4px double #1e3a8a; }
.back { margin-top: 1rem; }
code { font-size: .95em; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  .back, details.whole-text:not([open]) { display: none; }
  .article { break-before: page; border-top: none; padding-top: 0; }
  h2, h3 { break-after: avoid; }
  tr, .sentences li, .contents li { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 9pt; }
  table.wide { min-width: 0; }
  td.text { min-width: 7em; }
  .tag { font-size: .82em; }
  .q mark, .tag, .warnings, thead th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`
  .trim()
  .replace(/\n\s*/g, '\n')
