import { describe, expect, it } from 'vitest'
import { buildDataset } from '../../src/pipeline/build-dataset'
import { parseCorrections } from '../../src/pipeline/corrections'
import type { Article } from '../../src/pipeline/parse-article'
import { getGazetteer, loadCatalog } from '../../src/pipeline/reference'
import { renderReviewPage, type SkippedFile } from '../../src/pipeline/review-page'
import type { Catalog, Dataset } from '../../src/pipeline/schema'
import { articleOf } from './corpus'

// Synthetic articles written for these tests: every number in them is made up.
const ID = '2023-11-08-jingan'
const FIRST_SENTENCE =
  'On 28 October, Jing’an signed 28 agreements at the sixth China International Import Expo.'
const TEXT = [
  `${FIRST_SENTENCE} More than 80 enterprises from Jing’an attended the expo in 2023.`,
  'The district also set up four service stations and welcomed 120 buyers. It now hosts 12 industry clusters.',
].join('\n\n')

const CORRECTIONS = JSON.stringify(
  {
    corrections: [
      {
        action: 'reject',
        article: ID,
        sentence: 'set up four service stations',
        number: 'four',
        reason: 'service stations, not visitors',
        date: '2024-01-10',
      },
      {
        action: 'fix',
        article: ID,
        sentence: 'welcomed 120 buyers',
        number: '120',
        set: { value: 130 },
        reason: 'the district’s release says 130',
        date: '2024-01-11',
      },
      {
        action: 'add',
        article: ID,
        sentence: 'It now hosts 12 industry clusters.',
        number: '12',
        figure: {
          metric: 'companies_settling',
          value: 12,
          unit: 'count',
          qualifier: 'exact',
          district: 'jingan',
          edition: null,
        },
        reason: 'each cluster is a settled company here',
        date: '2024-01-12',
      },
    ],
  },
  null,
  2,
)

const HOSTILE_SCRIPT = '<script>window.__xss=1</script>'
const HOSTILE_IMG = '<img src=x onerror="window.__xss=2">'
const HOSTILE_LINK = '<a href="javascript:alert(1)">this page</a>'
const HOSTILE_QUOTES = `"R&D first" & 'open door' &amp; &lt;b&gt;`
const HOSTILE_TEXT = [
  `Jing’an signed 28 agreements ${HOSTILE_SCRIPT} at the sixth CIIE, ${HOSTILE_QUOTES}.`,
  `More than 60 enterprises ${HOSTILE_IMG} took part in 2023.`,
  `Jing’an appointed 12 experts, listed on [the site](javascript:window.__xss=3) and ${HOSTILE_LINK}.`,
].join('\n\n')
const HOSTILE_REASON = `<script>alert("reason")</script> & 'quoted' <b onmouseover=x>`

function articles(): Array<Article> {
  return [articleOf(TEXT, '2023-11-08', `${ID}.txt`)]
}

const textsOf = (list: ReadonlyArray<Article>) => new Map(list.map((a) => [a.id, a.text]))

function corrected(): { dataset: Dataset; texts: Map<string, string> } {
  const list = articles()
  const { corrections, problems } = parseCorrections('corrections.json', CORRECTIONS)
  expect(problems).toEqual([])
  return { dataset: buildDataset(list, getGazetteer(), corrections), texts: textsOf(list) }
}

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html')
}

/** Each marked quantity inside an element: its words and its label, in text order. */
function marksIn(element: Element) {
  return Array.from(element.querySelectorAll('.q'), (mark) => ({
    words: mark.querySelector('mark')?.textContent,
    label: mark.querySelector('.tag')?.textContent,
    className: mark.className,
  }))
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim()

/** The sentence as shown, without the labels: it must read as the article has it. */
function sentenceWithoutLabels(item: Element): string {
  const copy = item.cloneNode(true) as Element
  copy.querySelectorAll('.tag').forEach((tag) => {
    // The space that keeps a label apart from its number goes with it.
    if (tag.previousSibling?.textContent === ' ') tag.previousSibling.remove()
    tag.remove()
  })
  return squash(copy.textContent)
}

function sentenceItem(doc: Document, startsWith: string): Element {
  const item = Array.from(doc.querySelectorAll('.sentences li')).find((li) =>
    sentenceWithoutLabels(li).startsWith(startsWith),
  )
  if (!item) throw new Error(`no sentence starting "${startsWith}"`)
  return item
}

/** The text of an element as it reads, a line break as a space. */
function readText(element: Element | null | undefined): string {
  const copy = element?.cloneNode(true) as Element | undefined
  copy?.querySelectorAll('br').forEach((br) => br.replaceWith(' '))
  return squash(copy?.textContent)
}

function rowsOf(table: Element | null): Array<Array<string>> {
  return Array.from(table?.querySelectorAll('tbody tr') ?? [], (row) =>
    Array.from(row.querySelectorAll('td'), readText),
  )
}

describe('the review page', () => {
  it('marks each quantity at its own words: the date "28" as discarded, the count "28" as a figure', () => {
    const list = articles()
    const doc = page(
      renderReviewPage(buildDataset(list, getGazetteer()), loadCatalog(), textsOf(list)),
    )
    const first = sentenceItem(doc, 'On 28 October')
    expect(sentenceWithoutLabels(first)).toBe(FIRST_SENTENCE)
    expect(marksIn(first)).toEqual([
      { words: '28', label: 'discarded: a date', className: 'q q-discarded' },
      {
        words: '28',
        label: "Agreements signed · 28 · Jing'an · 6th CIIE (2023)",
        className: 'q q-figure',
      },
    ])
    const second = sentenceItem(doc, 'More than 80')
    expect(marksIn(second).map(({ words, label }) => [words, label])).toEqual([
      ['More than 80', expect.stringMatching(/^Enterprises at the expo · more than 80 · /)],
      ['2023', 'discarded: a year'],
    ])
    // Only sentences with a number are listed; the whole text is there, folded, with the same marks.
    expect(doc.querySelectorAll('.sentences li')).toHaveLength(4)
    const whole = doc.querySelector('details.whole-text')
    expect(whole?.querySelectorAll('p')).toHaveLength(2)
    expect(marksIn(whole as Element)).toEqual(
      Array.from(doc.querySelectorAll('.sentences')).flatMap((list) => marksIn(list)),
    )
  })

  it('lists the figures with catalog labels and the numbers not taken with their reasons', () => {
    const list = articles()
    const doc = page(
      renderReviewPage(buildDataset(list, getGazetteer()), loadCatalog(), textsOf(list)),
    )
    const section = doc.getElementById(`article-${ID}`)
    expect(section?.querySelector('h2')?.textContent).toBe(FIRST_SENTENCE)
    expect(
      Array.from(section?.querySelectorAll('.facts div') ?? [], (fact) => [
        fact.querySelector('dt')?.textContent,
        fact.querySelector('dd')?.textContent,
      ]),
    ).toEqual([
      ['Date', '2023-11-08'],
      ['Article id', ID],
      ['District', "Jing'an"],
      ['Districts named', "Jing'an"],
      ['Edition', '6th CIIE (2023)'],
    ])
    const figures = rowsOf(section?.querySelector('table.figures') ?? null)
    expect(figures[0]).toEqual([
      'Agreements signed',
      '28',
      'count',
      'exact',
      "Jing'an",
      '6th CIIE (2023)',
      'CIIE outcome',
      '“28”',
    ])
    expect(figures[1]?.slice(0, 4)).toEqual(['Enterprises at the expo', '80', 'count', 'more than'])
    expect(rowsOf(section?.querySelector('table.discarded') ?? null)).toContainEqual([
      '“2023”',
      'a year',
    ])
    expect(squash(doc.querySelector('.corpus')?.textContent)).toMatch(
      /^1 article, 2023-11-08 to 2023-11-08: \d+ figures, \d+ numbers not taken, 0 corrections applied\.$/,
    )
    expect(squash(doc.querySelector('.corrections')?.textContent)).toMatch(
      /Corrections applied \(0\) None/,
    )
  })

  it('shows each correction where it applies and all of them at the top', () => {
    const { dataset, texts } = corrected()
    const doc = page(renderReviewPage(dataset, loadCatalog(), texts))

    const stations = marksIn(sentenceItem(doc, 'The district also set up'))
    expect(stations[0]).toEqual({
      words: 'four',
      label:
        "rejected: service stations, not visitors (2024-01-10); was Visitors · 4 · Jing'an · 6th CIIE (2023)",
      className: 'q q-discarded q-rejected',
    })
    expect(stations[1]).toEqual({
      words: '120',
      label:
        "Visitors · 130 · Jing'an · 6th CIIE (2023) — corrected: the district’s release says 130 (2024-01-11); was value 120",
      className: 'q q-figure q-corrected',
    })
    const added = marksIn(sentenceItem(doc, 'It now hosts'))
    expect(added).toEqual([
      {
        words: '12',
        label:
          "Companies settling · 12 · Jing'an · no edition · district background — added: each cluster is a settled company here (2024-01-12)",
        className: 'q q-figure q-corrected',
      },
    ])
    // The word that says what happened is bold, so it stands out without colour.
    expect(
      Array.from(doc.querySelectorAll('.sentences .tag strong'), (s) => s.textContent),
    ).toEqual(expect.arrayContaining(['rejected:', 'corrected:', 'added:', 'discarded:']))

    const section = doc.getElementById(`article-${ID}`)
    const figures = rowsOf(section?.querySelector('table.figures') ?? null)
    expect(figures.find((row) => row[7] === '“120”')?.at(-1)).toBe(
      'corrected: the district’s release says 130 (2024-01-11) was value 120',
    )
    expect(figures.find((row) => row[7] === '“12”')?.at(-1)).toBe(
      'added: each cluster is a settled company here (2024-01-12)',
    )
    expect(rowsOf(section?.querySelector('table.discarded') ?? null)).toContainEqual([
      '“four”',
      "rejected: service stations, not visitors (2024-01-10) was Visitors · 4 · Jing'an · 6th CIIE (2023)",
    ])

    const summary = doc.querySelector('.corrections')
    expect(summary?.querySelector('h2')?.textContent).toBe('Corrections applied (3)')
    expect(rowsOf(summary?.querySelector('table') ?? null)).toEqual([
      [
        `${ID} 2023-11-08`,
        '“four”',
        "rejected: not counted; was Visitors · 4 · Jing'an · 6th CIIE (2023)",
        'service stations, not visitors (2024-01-10)',
      ],
      [
        `${ID} 2023-11-08`,
        '“120”',
        "corrected: now Visitors · 130 · Jing'an · 6th CIIE (2023); was value 120",
        'the district’s release says 130 (2024-01-11)',
      ],
      [
        `${ID} 2023-11-08`,
        '“12”',
        "added: Companies settling · 12 · Jing'an · no edition · district background",
        'each cluster is a settled company here (2024-01-12)',
      ],
    ])
    // Each row links to the sentence it corrected.
    for (const anchor of summary?.querySelectorAll('a') ?? []) {
      const target = doc.getElementById(anchor.getAttribute('href')?.slice(1) ?? '')
      expect(target?.closest('.sentences')).not.toBeNull()
    }
  })

  it('shows hostile text as text wherever it goes, and nothing in it can run or load', () => {
    const list = [articleOf(HOSTILE_TEXT, '2024-11-07', 'hostile.txt')]
    const corrections = parseCorrections(
      'corrections.json',
      JSON.stringify({
        corrections: [
          {
            action: 'fix',
            article: 'hostile',
            sentence: 'appointed 12 experts',
            number: '12',
            set: { value: 13 },
            reason: HOSTILE_REASON,
            date: '2024-11-08',
          },
          {
            action: 'reject',
            article: 'hostile',
            sentence: 'Jing’an signed 28 agreements',
            number: '28',
            reason: HOSTILE_REASON,
            date: '2024-11-08',
          },
        ],
      }),
    )
    expect(corrections.problems).toEqual([])
    const built = buildDataset(list, getGazetteer(), corrections.corrections)
    const dataset: Dataset = {
      ...built,
      articles: built.articles.map((a) => ({
        ...a,
        warnings: [`${HOSTILE_IMG} ${HOSTILE_QUOTES}`],
      })),
    }
    const catalog = loadCatalog()
    const hostileCatalog: Catalog = {
      ...catalog,
      metrics: catalog.metrics.map((m) => ({ ...m, en: `${m.en} <b onclick=x>"&"</b>` })),
      districts: catalog.districts.map((d) => ({ ...d, en: `${d.en} ${HOSTILE_SCRIPT}` })),
      editions: catalog.editions.map((e) => ({ ...e, en: `${e.en} <i>'` })),
    }
    const skipped: Array<SkippedFile> = [
      { file: `articles/${HOSTILE_IMG}.txt`, line: 3, cause: HOSTILE_SCRIPT },
    ]
    const html = renderReviewPage(dataset, hostileCatalog, textsOf(list), skipped)
    const doc = page(html)

    expect(html).not.toMatch(/<script|<img|<iframe|<svg|<object|<embed|<link|<base|<form/i)
    expect(
      doc.querySelectorAll('script, img, iframe, svg, object, embed, link, base, form'),
    ).toHaveLength(0)
    expect(doc.querySelectorAll('style')).toHaveLength(1)
    for (const element of doc.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        expect(attribute).not.toMatch(/^on|^src$|^style$/)
      }
    }
    for (const anchor of doc.querySelectorAll('a'))
      expect(anchor.getAttribute('href')).toMatch(/^#/)

    // The article's own words are split by the labels of the numbers in them: read both ways.
    const text = `${doc.body.textContent} ${sentenceWithoutLabels(doc.body)}`
    for (const literal of [
      HOSTILE_SCRIPT,
      HOSTILE_IMG,
      HOSTILE_LINK,
      HOSTILE_QUOTES,
      '[the site](javascript:window.__xss=3)',
      HOSTILE_REASON,
      'Experts appointed <b onclick=x>"&"</b>',
      `Jing'an ${HOSTILE_SCRIPT}`,
      `articles/${HOSTILE_IMG}.txt:3`,
    ])
      expect(text).toContain(literal)
    // Title, warnings, sentences, tables, labels and the whole text each hold the text as text.
    expect(doc.querySelector('.article h2')?.textContent).toContain(HOSTILE_SCRIPT)
    expect(doc.querySelector('.contents a')?.textContent).toContain(HOSTILE_SCRIPT)
    expect(doc.querySelector('.warnings')?.textContent).toContain(HOSTILE_QUOTES)
    expect(sentenceWithoutLabels(doc.querySelector('.sentences') as Element)).toContain(HOSTILE_IMG)
    expect(sentenceWithoutLabels(doc.querySelector('details.whole-text') as Element)).toContain(
      HOSTILE_LINK,
    )
    expect(doc.querySelector('.corrections table')?.textContent).toContain(HOSTILE_REASON)
    expect(doc.querySelector('table.figures')?.textContent).toContain(HOSTILE_REASON)
    expect(doc.querySelector('table.discarded')?.textContent).toContain(HOSTILE_REASON)
    // A reason that quotes the article quotes it as text.
    expect(doc.querySelector('table.discarded')?.textContent).toContain(
      'no catalog metric fits ") and <a href="javascript:alert(1)">this"',
    )
    expect(doc.querySelector('.sentences .q-rejected .tag')?.textContent).toContain(HOSTILE_REASON)
    expect(doc.querySelector('title')?.textContent).toBe('Review: 1 article, 2 figures')
  })

  it('references nothing outside itself, runs no script and forbids loading anything', () => {
    const { dataset, texts } = corrected()
    const html = renderReviewPage(dataset, loadCatalog(), texts)
    expect(html).not.toMatch(/https?:|\/\/|url\(|@import|@font-face|\ssrc=|<link|<script|<img/i)
    const doc = page(html)
    expect(
      doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    ).toMatch(/^default-src 'none'; style-src 'unsafe-inline'(;|$)/)
    // Every link is to a place on the page, and that place exists.
    const anchors = Array.from(doc.querySelectorAll('a'))
    expect(anchors.length).toBeGreaterThan(0)
    for (const anchor of anchors) {
      const href = anchor.getAttribute('href') ?? ''
      expect(href).toMatch(/^#/)
      expect(doc.getElementById(href.slice(1)), href).not.toBeNull()
    }
    expect(html).toMatch(/@page \{ size: A4;/)
  })

  it('gives the same bytes for the same articles, in whatever order they were read', () => {
    const { dataset, texts } = corrected()
    const once = renderReviewPage(dataset, loadCatalog(), texts)
    expect(renderReviewPage(dataset, loadCatalog(), texts)).toBe(once)
    const other = articleOf('Qingpu signed 30 projects at the sixth CIIE.', '2023-09-01', 'q.txt')
    const forward = [other, ...articles()]
    const backward = [...articles(), other]
    const render = (list: Array<Article>) =>
      renderReviewPage(buildDataset(list, getGazetteer()), loadCatalog(), textsOf(list))
    expect(render(backward)).toBe(render(forward))
    expect(once).not.toContain(new Date().toISOString().slice(0, 10))
  })

  it('renders an empty dataset, a missing text and offsets that do not fit without throwing', () => {
    const empty: Dataset = {
      schemaVersion: 1,
      articles: [],
      observations: [],
      milestones: [],
      organisations: [],
      discarded: [],
    }
    expect(page(renderReviewPage(empty, loadCatalog(), new Map())).body.textContent).toContain(
      'No articles.',
    )
    const list = articles()
    const built = buildDataset(list, getGazetteer())
    // A figure whose offsets point at other words is listed, but not marked at the wrong words.
    const shifted: Dataset = {
      ...built,
      observations: built.observations.map((o, i) => (i === 0 ? { ...o, start: o.start + 1 } : o)),
    }
    const doc = page(renderReviewPage(shifted, loadCatalog(), new Map()))
    expect(marksIn(sentenceItem(doc, 'On 28 October')).map((m) => m.className)).toEqual([
      'q q-discarded',
    ])
    expect(rowsOf(doc.querySelector('table.figures'))[0]?.[0]).toBe('Agreements signed')
    expect(doc.querySelector('details.whole-text')).toBeNull()
  })
})
