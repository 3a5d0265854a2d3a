import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { apiUrl } from '../../src/api/client'
import {
  notReported,
  unitName,
  formatDate,
  formatEdition,
  formatObservationValue,
  ordinal,
} from '../../src/app/format'
import type { Aggregate, DistrictId, SummaryFile } from '../../src/pipeline/schema'
import { formatCell } from '../../src/routes/summary-model'
import { goldenDistrict, goldenSummary } from '../mocks/golden'
import { readGoldenText } from '../mocks/golden-files'
import { server } from '../mocks/server'
import { renderApp } from '../render-app'
import { FAILURES, failEndpoint, slowEndpoint } from './endpoint-failures'

const year = (edition: number) => goldenSummary.editions.find((e) => e.edition === edition)?.year
const editionLabel = (edition: number) => formatEdition(edition, year(edition))
const editionName = (edition: number) => `${ordinal(edition)} CIIE (${year(edition)})`
const districtName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.en ?? id
const metric = (key: string) => goldenSummary.metrics.find((m) => m.key === key)
const metricLabel = (key: string) => metric(key)?.en ?? key
const cellsOf = (id: DistrictId) => goldenSummary.aggregates.filter((a) => a.district === id)
const ids = goldenSummary.districts.map((d) => d.id)

/** The charts a district should get: one per metric and unit, in catalog order. */
function chartsOf(id: DistrictId): Array<{ title: string; cells: Array<Aggregate> }> {
  return goldenSummary.metrics.flatMap((m) => {
    const cells = cellsOf(id).filter((c) => c.metric === m.key)
    const units = [...new Set(cells.map((c) => c.unit))]
    return units.map((unit) => ({
      title: units.length > 1 ? `${m.en} (${unitName(unit)})` : m.en,
      cells: cells.filter((c) => c.unit === unit),
    }))
  })
}

/** The name a bar has: its district, edition, metric and value, as the summary gives them. */
const barName = (cell: Aggregate) =>
  `${districtName(cell.district)}, ${editionLabel(cell.edition)}, ${metricLabel(cell.metric)}: ${formatCell(cell)}${cell.conflict ? ' (sources disagree)' : ''}. Open the evidence.`

const mostBy = (score: (id: DistrictId) => number) =>
  [...ids].sort((a, b) => score(b) - score(a))[0] as DistrictId

// The fixture districts that exercise the most: the most charts (a currency split counts double),
// the most milestones, and background figures.
const chartDistrict = mostBy((id) => chartsOf(id).length)
const milestoneDistrict = mostBy((id) => goldenDistrict(id).milestones.length)
const backgroundDistrict = mostBy(
  (id) =>
    goldenDistrict(id).observations.filter((o) => o.scope !== 'ciie' || o.edition === null).length,
)

async function openDistrict(id: DistrictId) {
  const app = renderApp(`/districts/${id}`)
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^${districtName(id)}`) })
  return app
}

describe('the district view', () => {
  it('draws a chart for every metric the district reports, one per currency', async () => {
    await openDistrict(chartDistrict)
    const charts = chartsOf(chartDistrict)
    expect(charts.length).toBeGreaterThan(1)
    expect(screen.getAllByRole('figure')).toHaveLength(charts.length)
    for (const chart of charts) {
      const figure = screen.getByRole('figure', { name: chart.title })
      expect(figure).toHaveTextContent(metric(chart.cells[0]?.metric ?? '')?.definition ?? '∅')
      // The chart's code loads with the first chart drawn (lazy-charts.tsx).
      for (const cell of chart.cells)
        expect(await within(figure).findByRole('button', { name: barName(cell) })).toBeVisible()
    }
  })

  it('shows every edition from the first to the last reported, gaps as not reported', async () => {
    const { user } = await openDistrict(chartDistrict)
    const editions = cellsOf(chartDistrict).map((c) => c.edition)
    const first = Math.min(...editions)
    const last = Math.max(...editions)
    const chart = chartsOf(chartDistrict)[0]
    if (!chart) throw new Error('no chart')
    const figure = screen.getByRole('figure', { name: chart.title })
    await user.click(within(figure).getByRole('button', { name: 'Show data as table' }))
    const rows = within(within(figure).getByRole('table')).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(last - first + 1)
    rows.forEach((row, index) => {
      const edition = first + index
      const cell = chart.cells.find((c) => c.edition === edition)
      expect(within(row).getByRole('rowheader')).toHaveTextContent(editionLabel(edition))
      expect(within(row).getAllByRole('cell')[0]).toHaveTextContent(
        cell ? formatCell(cell) : new RegExp(notReported()),
      )
    })
  })

  it('opens the evidence of a bar with its sentence', async () => {
    const { user, router } = await openDistrict(chartDistrict)
    const cell = cellsOf(chartDistrict)[0]
    if (!cell) throw new Error('no cell')
    await user.click(await screen.findByRole('button', { name: barName(cell) }))
    const dialog = await screen.findByRole('dialog')
    const observation = goldenDistrict(chartDistrict).observations.find(
      (o) => o.scope === 'ciie' && o.edition === cell.edition && o.metric === cell.metric,
    )
    await waitFor(() => expect(dialog).toHaveTextContent(observation?.sentence ?? '∅'))
    expect(router.state.location.search).toContain(
      `evidence=${chartDistrict}.${cell.edition}.${cell.metric}`,
    )
  })

  it('opens the evidence from the keyboard with Enter on a bar', async () => {
    const { user } = await openDistrict(chartDistrict)
    const cell = cellsOf(chartDistrict).at(-1)
    if (!cell) throw new Error('no cell')
    const bar = screen.getByRole('button', { name: barName(cell) })
    act(() => bar.focus())
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('dialog')).toHaveAccessibleName(
      new RegExp(`${metricLabel(cell.metric)} · ${ordinal(cell.edition)}\\b`),
    )
  })

  it('lists the milestones by edition, then date, each linked to its article', async () => {
    await openDistrict(milestoneDistrict)
    const region = await screen.findByRole('region', { name: 'CIIE milestones' })
    await waitFor(() => expect(within(region).queryByRole('status')).not.toBeInTheDocument())
    const milestones = [...goldenDistrict(milestoneDistrict).milestones].sort(
      (a, b) => a.edition - b.edition || a.date.localeCompare(b.date),
    )
    expect(milestones.length).toBeGreaterThan(1)
    for (const edition of new Set(milestones.map((m) => m.edition)))
      expect(
        within(region).getByRole('heading', { level: 3, name: editionName(edition) }),
      ).toBeVisible()
    const text = region.textContent ?? ''
    let position = 0
    for (const milestone of milestones) {
      const found = text.indexOf(milestone.sentence, position)
      expect(found, milestone.sentence).toBeGreaterThanOrEqual(position)
      position = found + milestone.sentence.length
    }
    const titles = new Map(goldenDistrict(milestoneDistrict).articles.map((a) => [a.id, a.title]))
    for (const milestone of milestones)
      expect(
        within(region).getAllByRole('link', { name: titles.get(milestone.article) })[0],
      ).toHaveAttribute('href', `/articles/${milestone.article}`)
  })

  it('lists the background figures, labelled as not tied to one expo', async () => {
    await openDistrict(backgroundDistrict)
    const region = await screen.findByRole('region', { name: 'Other figures' })
    const table = await within(region).findByRole('table')
    expect(table).toHaveAccessibleName(/not tied to one CIIE edition/)
    const figures = goldenDistrict(backgroundDistrict).observations.filter(
      (o) => o.scope !== 'ciie' || o.edition === null,
    )
    expect(figures.length).toBeGreaterThan(0)
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(figures.length)
    figures.forEach((figure, index) => {
      const row = rows[index] as HTMLElement
      expect(row).toHaveTextContent(metricLabel(figure.metric))
      expect(row).toHaveTextContent(formatObservationValue(figure))
      expect(row).toHaveTextContent(figure.sentence)
    })
  })

  it('lists the sources with their dates and figures for the district', async () => {
    await openDistrict(chartDistrict)
    const region = await screen.findByRole('region', { name: 'Sources' })
    const table = await within(region).findByRole('table')
    const detail = goldenDistrict(chartDistrict)
    for (const article of detail.articles) {
      const link = within(table).getByRole('link', { name: article.title })
      expect(link).toHaveAttribute('href', `/articles/${article.id}`)
      const row = link.closest('tr') as HTMLElement
      expect(row).toHaveTextContent(formatDate(article.date))
      const figures = detail.observations.filter((o) => o.article === article.id).length
      expect(within(row).getAllByRole('cell').at(-1)).toHaveTextContent(String(figures))
    }
  })

  it('links to the comparison and to each edition it reported', async () => {
    await openDistrict(chartDistrict)
    expect(
      screen.getByRole('link', {
        name: `Compare ${districtName(chartDistrict)} with other districts`,
      }),
    ).toHaveAttribute('href', `/compare?districts=${chartDistrict}`)
    const editions = within(screen.getByRole('navigation', { name: 'Edition views' }))
    for (const edition of new Set(cellsOf(chartDistrict).map((c) => c.edition)))
      expect(editions.getByRole('link', { name: editionName(edition) })).toHaveAttribute(
        'href',
        `/editions/${edition}`,
      )
  })

  it('shows the not-found page for an unknown district, naming it', async () => {
    renderApp('/districts/atlantis')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'District not found' }),
    ).toBeVisible()
    expect(screen.getByText(/atlantis/)).toBeVisible()
    expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/')
  })

  it.each(['jingan.99.partners', 'jingan.6.unicorns', 'nonsense'])(
    'shows the not-found page for evidence=%s',
    async (evidence) => {
      renderApp(`/districts/${chartDistrict}?evidence=${evidence}`)
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Evidence not found' }),
      ).toBeVisible()
    },
  )

  it.each(FAILURES)(
    'explains a %s from the summary and recovers on "Try again"',
    async (failure) => {
      const endpoint = failEndpoint('summary.json', failure)
      const { user } = renderApp(`/districts/${chartDistrict}`)
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('summary.json')
      endpoint.recover()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(
        await screen.findByRole('heading', {
          level: 1,
          name: new RegExp(`^${districtName(chartDistrict)}`),
        }),
      ).toBeVisible()
    },
  )

  it.each(FAILURES)(
    'explains a %s from the district file, keeps the charts and recovers',
    async (failure) => {
      const path = `districts/${milestoneDistrict}.json`
      const endpoint = failEndpoint(path, failure)
      const { user } = await openDistrict(milestoneDistrict)
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent(path)
      expect(screen.getAllByRole('figure')).toHaveLength(chartsOf(milestoneDistrict).length)
      endpoint.recover()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      const region = await screen.findByRole('region', { name: 'CIIE milestones' })
      expect(region).toHaveTextContent(
        goldenDistrict(milestoneDistrict).milestones[0]?.sentence ?? '∅',
      )
      expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    },
  )

  it('shows skeletons while the district file is slow, the charts already drawn', async () => {
    slowEndpoint(`districts/${milestoneDistrict}.json`)
    await openDistrict(milestoneDistrict)
    const region = screen.getByRole('region', { name: 'CIIE milestones' })
    expect(within(region).getByRole('status')).toHaveTextContent(/Loading/)
    expect(screen.getAllByRole('figure')).toHaveLength(chartsOf(milestoneDistrict).length)
    await waitFor(() => expect(within(region).queryByRole('status')).not.toBeInTheDocument())
    expect(region).toHaveTextContent(
      goldenDistrict(milestoneDistrict).milestones[0]?.sentence ?? '∅',
    )
  })

  it('says what is missing for a district without figures, still listing its sources', async () => {
    const id: DistrictId = 'xuhui'
    const summary = JSON.parse(readGoldenText('summary.json') ?? '{}') as SummaryFile
    for (const byDistrict of Object.values(summary.cells)) delete byDistrict?.[id]
    const detail = { ...goldenDistrict(id), observations: [], milestones: [] }
    server.use(
      http.get(apiUrl('summary.json'), () => HttpResponse.json(summary)),
      http.get(apiUrl(`districts/${id}.json`), () => HttpResponse.json(detail)),
    )
    await openDistrict(id)
    expect(screen.getByText(`No article reports figures for ${districtName(id)} yet`)).toBeVisible()
    expect(screen.queryByRole('figure')).not.toBeInTheDocument()
    const sources = screen.getByRole('region', { name: 'Sources' })
    for (const article of detail.articles)
      expect(await within(sources).findByRole('link', { name: article.title })).toBeVisible()
    expect(
      within(screen.getByRole('region', { name: 'CIIE milestones' })).getByText(
        `No milestones for ${districtName(id)} yet`,
      ),
    ).toBeVisible()
  })
})

describe('the district view in Chinese', () => {
  const zhName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.zh ?? id
  const zhMetric = (key: string) => metric(key)?.zh ?? key

  it('names the district, its charts and its sections in Chinese, with no English labels', async () => {
    const id = chartDistrict
    renderApp(`/districts/${id}`, { locale: 'zh' })
    const heading = await screen.findByRole('heading', {
      level: 1,
      name: new RegExp(`^${zhName(id)}`),
    })
    // Beside the Chinese name, the English one, marked as English.
    expect(within(heading).getByText(districtName(id))).toHaveAttribute('lang', 'en')
    expect(screen.getByRole('heading', { level: 2, name: '历届数据' })).toBeVisible()
    const firstMetric = cellsOf(id)[0]?.metric ?? ''
    expect(
      screen.getAllByRole('heading', { level: 3, name: new RegExp(`^${zhMetric(firstMetric)}`) })
        .length,
    ).toBeGreaterThan(0)
    expect(screen.getByRole('link', { name: `将${zhName(id)}与其他区对比` })).toBeVisible()
    expect(await screen.findByRole('heading', { level: 2, name: '进博会大事记' })).toBeVisible()
    expect(screen.getByRole('heading', { level: 2, name: '来源' })).toBeVisible()
    await screen.findByRole('table', { name: new RegExp(`^为${zhName(id)}提供数据`) })
    for (const english of ['Across the editions', 'CIIE milestones', 'Other figures', 'Sources'])
      expect(screen.queryByRole('heading', { name: english })).toBeNull()
    expect(document.body.textContent).not.toMatch(/click a bar for its sources/i)
  })

  it('gives the not-found page in Chinese', async () => {
    renderApp('/districts/atlantis', { locale: 'zh' })
    expect(await screen.findByRole('heading', { level: 1, name: '未找到该区' })).toBeVisible()
  })
})
