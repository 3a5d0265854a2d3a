import { describe, expect, it } from 'vitest'
import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { apiUrl } from '../../src/api/client'
import { formatObservationValue } from '../../src/app/format'
import type { Observation } from '../../src/pipeline/schema'
import { goldenCatalog, goldenDataset } from '../mocks/golden'
import { server } from '../mocks/server'
import { renderApp } from '../render-app'

const observations = goldenDataset.observations

function districtLabel(id: string): string {
  const district = goldenCatalog.districts.find((d) => d.id === id)
  if (!district) throw new Error(`golden catalog has no district ${id}`)
  return district.en
}

function metricLabel(key: string): string {
  const metric = goldenCatalog.metrics.find((m) => m.key === key)
  if (!metric) throw new Error(`golden catalog has no metric ${key}`)
  return metric.en
}

async function findBodyRows() {
  const table = await screen.findByRole('table', { name: /numbers?/i })
  const [, body] = within(table).getAllByRole('rowgroup')
  if (!body) throw new Error('the table has no body')
  return within(body).getAllByRole('row')
}

/** The rows that show this observation: its district, metric, value and highlighted words. */
function rowsShowing(rows: HTMLElement[], observation: Observation) {
  return rows.filter((row) => {
    const marks = [...row.querySelectorAll('mark')].map((mark) => mark.textContent)
    const text = row.textContent ?? ''
    return (
      marks.includes(observation.text) &&
      text.includes(districtLabel(observation.district)) &&
      text.includes(metricLabel(observation.metric)) &&
      text.includes(formatObservationValue(observation))
    )
  })
}

function mostCommon<T>(values: T[]): T {
  const counts = new Map<T, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  const [best] = [...counts].sort((a, b) => b[1] - a[1])
  if (!best) throw new Error('nothing to count')
  return best[0]
}

describe('the dataset table at /', () => {
  it('has observations in the golden dataset to show', () => {
    expect(observations.length).toBeGreaterThan(0)
  })

  it('says it is loading before the data arrives', async () => {
    renderApp('/')
    expect(screen.getByRole('status')).toHaveTextContent(/loading/i)
    await findBodyRows()
  })

  it('shows one row per observation in the golden dataset', async () => {
    renderApp('/')
    const rows = await findBodyRows()
    expect(rows).toHaveLength(observations.length)
    for (const observation of observations) {
      expect(rowsShowing(rows, observation), observation.id).not.toHaveLength(0)
    }
  })

  it('shows each source sentence with the number highlighted and the article named', async () => {
    renderApp('/')
    const rows = await findBodyRows()
    const observation = observations[0]
    if (!observation) throw new Error('no observation')
    const [row] = rowsShowing(rows, observation)
    if (!row) throw new Error(`no row for ${observation.id}`)
    expect(row.textContent).toContain(observation.sentence)
    expect(row.textContent).toContain(observation.article)
    const article = goldenDataset.articles.find((a) => a.id === observation.article)
    expect(within(row).getByText(observation.text, { selector: 'mark' })).toBeInTheDocument()
    if (article) {
      expect(row.querySelector('time')).toHaveAttribute('datetime', article.date)
    }
  })

  it('sorts the rows by district name', async () => {
    renderApp('/')
    const rows = await findBodyRows()
    const shown = rows.map((row) => row.querySelector('th [lang="en"]')?.textContent)
    const expected = observations
      .map((o) => districtLabel(o.district))
      .sort((a, b) => a.localeCompare(b, 'en'))
    expect(shown).toEqual(expected)
  })

  it('filters by district and keeps the filter in the URL', async () => {
    const { user, router } = renderApp('/')
    await findBodyRows()
    const district = mostCommon(observations.map((o) => o.district))
    await user.selectOptions(screen.getByLabelText('District'), district)

    const rows = await findBodyRows()
    expect(rows).toHaveLength(observations.filter((o) => o.district === district).length)
    expect(new URLSearchParams(router.state.location.search).get('district')).toBe(district)
    for (const row of rows) expect(row).toHaveTextContent(districtLabel(district))
  })

  it('filters by CIIE edition', async () => {
    const { user } = renderApp('/')
    await findBodyRows()
    const edition = mostCommon(
      observations.map((o) => (o.edition === null ? 'none' : `${o.edition}`)),
    )
    await user.selectOptions(screen.getByLabelText('CIIE edition'), edition)

    const rows = await findBodyRows()
    const expected = observations.filter((o) => `${o.edition ?? 'none'}` === edition)
    expect(rows).toHaveLength(expected.length)
  })

  it('ignores a filter in the URL that matches nothing in the data', async () => {
    renderApp('/?district=atlantis&edition=99')
    const rows = await findBodyRows()
    expect(rows).toHaveLength(observations.length)
  })

  it('says so in plain words when the dataset has no observations', async () => {
    server.use(
      http.get(apiUrl('dataset.json'), () =>
        HttpResponse.json({ ...goldenDataset, observations: [] }),
      ),
    )
    renderApp('/')
    expect(await screen.findByText(/no numbers have been read/i)).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
  })

  it('shows markup in a sentence as text, never as HTML', async () => {
    const first = observations[0]
    if (!first) throw new Error('no observation')
    const sentence = `<img src="x" alt="injected"> ${first.sentence}`
    server.use(
      http.get(apiUrl('dataset.json'), () =>
        HttpResponse.json({ ...goldenDataset, observations: [{ ...first, sentence }] }),
      ),
    )
    renderApp('/')
    const [row] = await findBodyRows()
    expect(row?.textContent).toContain('<img src="x" alt="injected">')
    expect(document.querySelector('img')).toBeNull()
  })
})

const failures = [
  {
    name: '404',
    response: () => new HttpResponse(null, { status: 404, statusText: 'Not Found' }),
    message: /was not found on the server \(error 404\)/i,
  },
  {
    name: '500',
    response: () => new HttpResponse(null, { status: 500, statusText: 'Internal Server Error' }),
    message: /problem on the server \(error 500\)/i,
  },
  {
    name: 'malformed JSON',
    response: () =>
      new HttpResponse('{"schemaVersion": 1, "districts": [', {
        headers: { 'Content-Type': 'application/json' },
      }),
    message: /is damaged and could not be read/i,
  },
  {
    name: 'schema mismatch',
    response: () => HttpResponse.json({ schemaVersion: 1, districts: 'none', observations: 7 }),
    message: /not in the format this dashboard expects/i,
  },
]

const endpoints = ['catalog.json', 'dataset.json'] as const

describe.each(endpoints)('when %s fails', (endpoint) => {
  it.each(failures)('explains a $name in plain words and Retry recovers', async (failure) => {
    server.use(http.get(apiUrl(endpoint), failure.response, { once: true }))
    const { user } = renderApp('/')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(/the data could not be loaded/i)
    expect(alert).toHaveTextContent(failure.message)
    expect(alert).toHaveTextContent(endpoint)
    expect(screen.queryByRole('table')).not.toBeInTheDocument()

    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await findBodyRows()).toHaveLength(observations.length)
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})

describe('an unknown path', () => {
  it('shows a not-found page with a way back to the table', async () => {
    const { user, router } = renderApp('/no/such/page')
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument()
    expect(screen.getByText('/no/such/page')).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'Go to the dataset table' }))
    expect(router.state.location.pathname).toBe('/')
    expect(await findBodyRows()).toHaveLength(observations.length)
  })

  it('keeps the header with the dashboard name', () => {
    renderApp('/elsewhere')
    expect(screen.getByRole('banner')).toHaveTextContent('CIIE District Dashboard')
  })
})
