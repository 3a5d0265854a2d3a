import { act, screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { apiUrl } from '../../src/api/client'
import {
  formatConversion,
  formatDate,
  formatEdition,
  formatObservationValue,
} from '../../src/app/format'
import { paths } from '../../src/app/paths'
import type { Observation } from '../../src/pipeline/schema'
import { goldenArticle, goldenArticleIndex, goldenSummary } from '../mocks/golden'
import { server } from '../mocks/server'
import { renderApp } from '../render-app'

/** An article with a zone, a conversion, a non-CIIE figure, discarded numbers and milestones. */
const ARTICLE_ID = 'fixture-2023-11-09-pudong-lingang-projects'
const detail = goldenArticle(ARTICLE_ID)
const { article } = detail
const inTextOrder = [...detail.observations].sort((a, b) => a.start - b.start)

const districtName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.en ?? id
const metricLabel = (key: string) => goldenSummary.metrics.find((m) => m.key === key)?.en ?? key
const editionLabel = (edition: number) =>
  formatEdition(edition, goldenSummary.editions.find((e) => e.edition === edition)?.year)

async function findArticleHeading() {
  return screen.findByRole('heading', { level: 1, name: article.title })
}

function textRegion() {
  return screen.getByRole('region', { name: 'Article text' })
}

function markFor(observation: Observation): HTMLElement {
  const mark = within(textRegion())
    .getAllByRole('mark')
    .find((element) => element.dataset.observationId === observation.id)
  if (!mark) throw new Error(`no highlight for ${observation.id}`)
  return mark
}

describe('the article page', () => {
  it('shows the article’s title, date, district, edition and area', async () => {
    renderApp(paths.article(ARTICLE_ID))

    await findArticleHeading()
    await waitFor(() => expect(document.title).toContain(article.title))
    expect(screen.getByText(formatDate(article.date))).toHaveAttribute('dateTime', article.date)
    const district = article.district ?? ''
    const [districtLink] = screen.getAllByRole('link', { name: districtName(district) })
    expect(districtLink).toHaveAttribute('href', paths.district(district))
    const edition = article.edition ?? 0
    const [editionLink] = screen.getAllByRole('link', { name: editionLabel(edition) })
    expect(editionLink).toHaveAttribute('href', paths.edition(edition))
    const zone = goldenSummary.zones.find((z) => z.id === article.area)
    expect(zone).toBeDefined()
    expect(screen.getByText('Area', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      zone?.en ?? '',
    )
    expect(screen.getByRole('link', { name: 'All source articles' })).toHaveAttribute(
      'href',
      paths.sources(),
    )
  })

  it('shows the text as paragraphs, as plain text', async () => {
    renderApp(paths.article(ARTICLE_ID))
    await findArticleHeading()

    const paragraphs = detail.text.split('\n\n')
    const shown = textRegion().querySelectorAll('.article-text > p')
    expect(shown).toHaveLength(paragraphs.length)
    // Tooltips are hidden while closed, so the visible words are exactly the article's.
    shown.forEach((p, i) => {
      const visible = [...p.childNodes].map(visibleText).join('')
      expect(visible).toBe(paragraphs[i])
    })
  })

  it('highlights every figure at its offsets, with the words it was read from', async () => {
    renderApp(paths.article(ARTICLE_ID))
    await findArticleHeading()

    const marks = within(textRegion()).getAllByRole('mark')
    expect(marks.map((mark) => mark.dataset.observationId)).toEqual(inTextOrder.map((o) => o.id))
    marks.forEach((mark, i) => {
      const observation = inTextOrder[i]
      expect(mark).toHaveTextContent(observation?.text ?? '')
      expect(mark.textContent).toBe(detail.text.slice(observation?.start, observation?.end))
      expect(mark).toHaveAttribute('tabIndex', '0')
    })
  })

  it.each(goldenArticleIndex.articles.map((entry) => entry.id))(
    'highlights each figure of %s where its words are',
    async (id) => {
      const golden = goldenArticle(id)
      renderApp(paths.article(id))
      await screen.findByRole('heading', { level: 1, name: golden.article.title })

      const marks = within(textRegion()).getAllByRole('mark')
      expect(marks).toHaveLength(golden.observations.length)
      for (const mark of marks) {
        const observation = golden.observations.find((o) => o.id === mark.dataset.observationId)
        expect(mark.textContent).toBe(observation?.text)
      }
    },
  )

  it('shows a figure’s metric, value, district and edition when it gets focus', async () => {
    const { user } = renderApp(paths.article(ARTICLE_ID))
    await findArticleHeading()
    const observation = inTextOrder.find((o) => o.conversion !== null) ?? inTextOrder[0]
    if (!observation) throw new Error('the golden article has no figures')

    const mark = markFor(observation)
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument()
    act(() => mark.focus())

    const tooltip = screen.getByRole('tooltip')
    expect(tooltip).toHaveTextContent(metricLabel(observation.metric))
    expect(tooltip).toHaveTextContent(formatObservationValue(observation))
    expect(tooltip).toHaveTextContent(districtName(observation.district))
    if (observation.edition !== null) {
      expect(tooltip).toHaveTextContent(editionLabel(observation.edition))
    }
    expect(tooltip).toHaveTextContent(formatConversion(observation.conversion) ?? '')
    expect(mark).toHaveAccessibleDescription(
      expect.stringContaining(metricLabel(observation.metric)),
    )

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument()
  })

  it('shows the tooltip on hover and says when a figure is not about the expo', async () => {
    const { user } = renderApp(paths.article(ARTICLE_ID))
    await findArticleHeading()
    const observation = inTextOrder.find((o) => o.scope !== 'ciie')
    if (!observation) throw new Error('the golden article has no background figure')

    await user.hover(markFor(observation))
    expect(screen.getByRole('tooltip')).toHaveTextContent(
      observation.scope === 'profile' ? 'District profile' : 'Company figure',
    )
    await user.unhover(markFor(observation))
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument()
  })

  it('gives the reason a number was not counted', async () => {
    const { user } = renderApp(paths.article(ARTICLE_ID))
    await findArticleHeading()
    const first = [...detail.discarded].sort((a, b) => a.start - b.start)[0]
    if (!first) throw new Error('the golden article has no discarded numbers')

    const numbers = [...textRegion().querySelectorAll<HTMLElement>('[aria-describedby]')]
    const discarded = numbers.find(
      (element) => element.tagName !== 'MARK' && element.textContent === first.text,
    )
    if (!discarded) throw new Error(`no discarded number “${first.text}” in the text`)
    await user.hover(discarded)
    expect(screen.getByRole('tooltip')).toHaveTextContent('Not counted')
    expect(screen.getByRole('tooltip')).toHaveTextContent(first.reason.slice(1))
  })

  it('lists every figure in a table with its exact words', async () => {
    renderApp(paths.article(ARTICLE_ID))
    await findArticleHeading()

    const table = screen.getByRole('table')
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(detail.observations.length)
    rows.forEach((row, i) => {
      const observation = inTextOrder[i]
      if (!observation) throw new Error('more rows than figures')
      expect(row).toHaveTextContent(metricLabel(observation.metric))
      expect(row).toHaveTextContent(formatObservationValue(observation))
      expect(row).toHaveTextContent(districtName(observation.district))
      expect(row).toHaveTextContent(`“${observation.text}”`)
      if (observation.edition !== null) {
        expect(row).toHaveTextContent(editionLabel(observation.edition))
      }
    })
  })

  describe('with ?highlight=', () => {
    const scrollIntoView = vi.fn()
    beforeEach(() => {
      Element.prototype.scrollIntoView = scrollIntoView
    })
    afterEach(() => {
      scrollIntoView.mockReset()
      Reflect.deleteProperty(Element.prototype, 'scrollIntoView')
    })

    it('marks that figure, scrolls to it and opens its details', async () => {
      const target = inTextOrder[inTextOrder.length - 1]
      if (!target) throw new Error('the golden article has no figures')
      renderApp(paths.article(ARTICLE_ID, { highlight: target.id }))
      await findArticleHeading()

      const mark = markFor(target)
      expect(mark).toHaveAttribute('aria-current', 'true')
      for (const other of inTextOrder.filter((o) => o.id !== target.id)) {
        expect(markFor(other)).not.toHaveAttribute('aria-current')
      }
      await waitFor(() => expect(mark).toHaveFocus())
      expect(scrollIntoView).toHaveBeenCalled()
      expect(scrollIntoView.mock.contexts.at(-1)).toBe(mark)
      expect(screen.getByRole('tooltip')).toHaveTextContent(metricLabel(target.metric))
    })

    it('moves the mark when a figure is chosen in the table', async () => {
      const { user, router } = renderApp(paths.article(ARTICLE_ID))
      await findArticleHeading()
      const target = inTextOrder[0]
      if (!target) throw new Error('the golden article has no figures')

      await user.click(screen.getByRole('link', { name: `${target.text}: show in the text` }))
      expect(new URLSearchParams(router.state.location.search).get('highlight')).toBe(target.id)
      await waitFor(() => expect(markFor(target)).toHaveFocus())
      expect(markFor(target)).toHaveAttribute('aria-current', 'true')
    })

    it('says so when the figure is no longer in the article', async () => {
      renderApp(paths.article(ARTICLE_ID, { highlight: 'no-such-figure' }))
      await findArticleHeading()
      expect(screen.getByRole('note')).toHaveTextContent('no longer read from this article')
      expect(within(textRegion()).getAllByRole('mark')).toHaveLength(inTextOrder.length)
    })
  })

  it('never renders the article’s text as markup', async () => {
    const text = 'It signed <b>12</b> deals & <img src=x onerror=alert(1)>.'
    const start = text.indexOf('12')
    const [figure] = inTextOrder
    if (!figure) throw new Error('the golden article has no figures')
    const hostile = {
      ...detail,
      text,
      observations: [{ ...figure, start, end: start + 2, text: '12' }],
      discarded: [],
      milestones: [],
    }
    server.use(http.get(apiUrl(`articles/${ARTICLE_ID}.json`), () => HttpResponse.json(hostile)))
    renderApp(paths.article(ARTICLE_ID))
    await findArticleHeading()

    expect(textRegion().querySelector('b, img')).toBeNull()
    const paragraph = textRegion().querySelector('.article-text > p')
    expect(paragraph && visibleText(paragraph)).toBe(text)
  })

  it('skips offsets that overlap or fall outside the text instead of failing', async () => {
    const [first, second, ...rest] = inTextOrder
    if (!first || !second) throw new Error('the golden article needs two figures')
    const broken = {
      ...detail,
      observations: [
        first,
        { ...second, start: first.start, end: first.end + 1 },
        { ...second, id: 'beyond', start: detail.text.length + 5, end: detail.text.length + 9 },
        ...rest,
      ],
    }
    server.use(http.get(apiUrl(`articles/${ARTICLE_ID}.json`), () => HttpResponse.json(broken)))
    renderApp(paths.article(ARTICLE_ID))
    await findArticleHeading()

    const marks = within(textRegion()).getAllByRole('mark')
    expect(marks.map((m) => m.dataset.observationId)).toEqual([first, ...rest].map((o) => o.id))
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(
      broken.observations.length + 1,
    )
  })
})

describe('an article that is not there', () => {
  it.each([
    ['an unknown id', '/articles/no-such-article'],
    ['a malformed id', '/articles/%3Cscript%3E'],
    ['an id with a path in it', '/articles/..%2Fsummary'],
  ])('shows a not-found page for %s, with a way back', async (_, path) => {
    renderApp(path)

    expect(await screen.findByRole('heading', { name: 'Article not found' })).toBeVisible()
    expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute(
      'href',
      paths.overview(),
    )
    expect(screen.getByRole('link', { name: 'See all sources' })).toHaveAttribute(
      'href',
      paths.sources(),
    )
  })

  it('does not ask the server for a malformed id', async () => {
    const requested: string[] = []
    const record = ({ request }: { request: Request }) => requested.push(request.url)
    server.events.on('request:start', record)
    try {
      renderApp('/articles/%3Cscript%3E')
      await screen.findByRole('heading', { name: 'Article not found' })
      expect(requested.filter((url) => url.includes('/articles/'))).toEqual([])
    } finally {
      server.events.removeListener('request:start', record)
    }
  })
})

const failures = [
  ['a server error', () => new HttpResponse('Internal error', { status: 500 }), /server/],
  [
    'a damaged file',
    () => HttpResponse.text('not json{', { headers: { 'Content-Type': 'application/json' } }),
    /damaged/,
  ],
  ['a schema mismatch', () => HttpResponse.json({ schemaVersion: 1 }), /not in the format/],
] as const

describe.each([`articles/${ARTICLE_ID}.json`, 'summary.json'])('when %s fails', (endpoint) => {
  it.each(failures)('explains %s and tries again', async (_, respond, message) => {
    server.use(http.get(apiUrl(endpoint), respond, { once: true }))
    const { user } = renderApp(paths.article(ARTICLE_ID))

    const alert = await screen.findByRole('alert')
    expect(
      within(alert).getByRole('heading', { name: 'This article could not be loaded' }),
    ).toBeVisible()
    expect(alert).toHaveTextContent(message)
    expect(alert).toHaveTextContent(endpoint)

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await findArticleHeading()).toBeVisible()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows a skeleton while the file is slow, then the article', async () => {
    server.use(
      http.get(
        apiUrl(endpoint),
        async () => {
          await delay(300)
          return undefined
        },
        { once: true },
      ),
    )
    renderApp(paths.article(ARTICLE_ID))

    expect(await screen.findByText('Loading the article…')).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: article.title })).not.toBeInTheDocument()
    expect(await findArticleHeading()).toBeVisible()
    expect(screen.queryByText('Loading the article…')).not.toBeInTheDocument()
  })
})

/** The text a reader sees: hidden elements (closed tooltips) left out. */
function visibleText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? ''
  if (!(node instanceof HTMLElement) || node.hidden) return ''
  if (node.getAttribute('role') === 'img') return ''
  return [...node.childNodes].map(visibleText).join('')
}
