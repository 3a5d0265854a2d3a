import { screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { apiUrl } from '../../src/api/client'
import { formatDate, formatEdition } from '../../src/app/format'
import { paths } from '../../src/app/paths'
import type { ArticleIndexEntry } from '../../src/pipeline/schema'
import { goldenArticleIndex, goldenSummary } from '../mocks/golden'
import { server } from '../mocks/server'
import { renderApp } from '../render-app'

const { articles, corpus } = goldenArticleIndex
const newestFirst = [...articles].sort(
  (a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id),
)

const districtName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.en ?? id
const editionLabel = (edition: number) =>
  formatEdition(edition, goldenSummary.editions.find((e) => e.edition === edition)?.year)

async function findRows() {
  const table = await screen.findByRole('table')
  return within(table).getAllByRole('row').slice(1)
}

function titlesOf(rows: HTMLElement[]) {
  return rows.map((row) => within(row).getByRole('link').textContent)
}

/** The district most articles name, and the edition of the newest of them, from the data. */
function busiest<T>(values: T[]): T {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  const [top] = [...counts].sort((a, b) => b[1] - a[1])
  if (!top) throw new Error('no values')
  return top[0]
}
const district = busiest(articles.flatMap((a) => a.districts))
const edition = newestFirst.find((a) => a.districts.includes(district))?.edition ?? 1

describe('the sources page', () => {
  it('lists every article, newest first, with its date, districts, edition and figures', async () => {
    renderApp(paths.sources())

    expect(await screen.findByRole('heading', { level: 1, name: 'Sources' })).toBeVisible()
    await waitFor(() => expect(document.title).toMatch(/^Sources/))
    const rows = await findRows()
    expect(rows).toHaveLength(articles.length)
    expect(titlesOf(rows)).toEqual(newestFirst.map((a) => a.title))

    rows.forEach((row, i) => {
      const article = newestFirst[i] as ArticleIndexEntry
      const cells = within(row).getAllByRole('cell')
      expect(cells[0]).toHaveTextContent(formatDate(article.date))
      expect(within(row).getByRole('link', { name: article.title })).toHaveAttribute(
        'href',
        paths.article(article.id),
      )
      for (const id of article.districts) expect(cells[2]).toHaveTextContent(districtName(id))
      if (article.edition !== null)
        expect(cells[3]).toHaveTextContent(editionLabel(article.edition))
      expect(cells[4]).toHaveTextContent(String(article.observations))
    })
  })

  it('says how many articles there are and which dates they span', async () => {
    renderApp(paths.sources())
    const intro = await screen.findByText(/articles, published from/)

    expect(intro).toHaveTextContent(`${corpus.articles} articles`)
    expect(intro).toHaveTextContent(formatDate(corpus.firstDate ?? ''))
    expect(intro).toHaveTextContent(formatDate(corpus.lastDate ?? ''))
  })

  it('sorts oldest first and back, keeping the order in the URL', async () => {
    const { user, router } = renderApp(paths.sources())
    await findRows()
    const dateHeader = screen.getByRole('columnheader', { name: /date/i })
    expect(dateHeader).toHaveAttribute('aria-sort', 'descending')

    await user.click(within(dateHeader).getByRole('button', { name: /date/i }))
    expect(router.state.location.search).toBe('?order=oldest')
    expect(dateHeader).toHaveAttribute('aria-sort', 'ascending')
    expect(titlesOf(await findRows())).toEqual([...newestFirst].reverse().map((a) => a.title))

    await user.click(within(dateHeader).getByRole('button', { name: /date/i }))
    expect(router.state.location.search).toBe('')
    expect(titlesOf(await findRows())).toEqual(newestFirst.map((a) => a.title))
  })

  it('sorts from the order list too, which narrow screens use', async () => {
    const { user, router } = renderApp(paths.sources())
    await findRows()

    await user.selectOptions(screen.getByRole('combobox', { name: 'Order' }), 'oldest')
    expect(router.state.location.search).toBe('?order=oldest')
    expect(titlesOf(await findRows())).toEqual([...newestFirst].reverse().map((a) => a.title))
  })

  it('filters by district and edition from the URL', async () => {
    renderApp(`${paths.sources()}?district=${district}&edition=${edition}`)
    const expected = newestFirst.filter(
      (a) => a.districts.includes(district) && a.edition === edition,
    )

    expect(expected.length).toBeGreaterThan(0)
    expect(titlesOf(await findRows())).toEqual(expected.map((a) => a.title))
    expect(screen.getByRole('combobox', { name: 'District' })).toHaveValue(district)
    expect(screen.getByRole('combobox', { name: 'CIIE edition' })).toHaveValue(String(edition))
  })

  it('filters when a district and an edition are chosen, and clears', async () => {
    const { user, router } = renderApp(paths.sources())
    await findRows()

    await user.selectOptions(screen.getByRole('combobox', { name: 'District' }), district)
    expect(router.state.location.search).toBe(`?district=${district}`)
    expect(titlesOf(await findRows())).toEqual(
      newestFirst.filter((a) => a.districts.includes(district)).map((a) => a.title),
    )
    expect(screen.getByRole('table')).toHaveTextContent(
      `${newestFirst.filter((a) => a.districts.includes(district)).length} of ${articles.length} articles`,
    )

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'CIIE edition' }),
      String(edition),
    )
    expect(new URLSearchParams(router.state.location.search).get('edition')).toBe(String(edition))

    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    expect(router.state.location.search).toBe('')
    expect(await findRows()).toHaveLength(articles.length)
  })

  it('says so when a filter leaves nothing, with a way to see everything', async () => {
    const lonely = goldenSummary.districts.find((d) =>
      articles.every((a) => !a.districts.includes(d.id) || a.edition !== 1),
    )
    if (!lonely) throw new Error('every district has a 1st-edition article in the golden data')
    const { user } = renderApp(`${paths.sources()}?district=${lonely.id}&edition=1`)

    expect(await screen.findByText('No articles match these filters')).toBeVisible()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(screen.getByText(new RegExp(`No article names ${lonely.en}`))).toBeVisible()

    await user.click(screen.getByRole('link', { name: 'Show all articles' }))
    expect(await findRows()).toHaveLength(articles.length)
  })

  it.each([
    ['district', '?district=atlantis', 'District not found', '“atlantis”'],
    ['district', '?district=JINGAN', 'District not found', '“JINGAN”'],
    ['edition', '?edition=99', 'Edition not found', '“99”'],
    ['edition', '?edition=six', 'Edition not found', '“six”'],
    ['edition', '?district=jingan&edition=06', 'Edition not found', '“06”'],
    ['order', '?order=sideways', 'Sort order not found', '“sideways”'],
  ])('shows a not-found page for an unknown %s (%s)', async (_, query, title, named) => {
    renderApp(`${paths.sources()}${query}`)

    expect(await screen.findByRole('heading', { name: title })).toBeVisible()
    expect(screen.getByText(new RegExp(`no .* called ${named}`))).toBeVisible()
    expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute(
      'href',
      paths.overview(),
    )
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

describe.each(['articles.json', 'summary.json'])('when %s fails', (endpoint) => {
  it.each(failures)('explains %s and tries again', async (_, respond, message) => {
    server.use(http.get(apiUrl(endpoint), respond, { once: true }))
    const { user } = renderApp(paths.sources())

    const alert = await screen.findByRole('alert')
    expect(
      within(alert).getByRole('heading', { name: 'The list of sources could not be loaded' }),
    ).toBeVisible()
    expect(alert).toHaveTextContent(message)
    expect(alert).toHaveTextContent(endpoint)

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await findRows()).toHaveLength(articles.length)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows a skeleton while the file is slow, then the list', async () => {
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
    renderApp(paths.sources())

    expect(await screen.findByText('Loading the sources…')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(await findRows()).toHaveLength(articles.length)
    expect(screen.queryByText('Loading the sources…')).not.toBeInTheDocument()
  })
})
