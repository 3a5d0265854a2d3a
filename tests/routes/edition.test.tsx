import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ordinal } from '../../src/app/format'
import { goldenDistrict, goldenSummary } from '../mocks/golden'
import { renderApp } from '../render-app'
import { FAILURES, failEndpoint } from './endpoint-failures'

const metricLabel = (key: string) => goldenSummary.metrics.find((m) => m.key === key)?.en ?? key
const districtName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.en ?? id
const year = (edition: number) => goldenSummary.editions.find((e) => e.edition === edition)?.year

// The edition with the most figures in the fixture articles, so the test covers the most charts.
const edition = [...new Set(goldenSummary.aggregates.map((a) => a.edition))].sort(
  (a, b) =>
    goldenSummary.aggregates.filter((c) => c.edition === b).length -
    goldenSummary.aggregates.filter((c) => c.edition === a).length,
)[0] as number

describe('the edition view', () => {
  it('draws one chart per metric reported at the edition, each with its districts', async () => {
    renderApp(`/editions/${edition}`)
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `All districts at the ${ordinal(edition)} CIIE (${year(edition)})`,
      }),
    ).toBeVisible()
    const cells = goldenSummary.aggregates.filter((a) => a.edition === edition)
    const metrics = [...new Set(cells.map((c) => c.metric))]
    const figures = screen.getAllByRole('figure')
    expect(figures.length).toBeGreaterThanOrEqual(metrics.length)
    for (const metric of metrics) {
      const figure = figures.find((f) =>
        within(f).queryByRole('heading', {
          name: new RegExp(`^${metricLabel(metric)} by district`),
        }),
      )
      expect(figure, metric).toBeDefined()
      for (const cell of cells.filter((c) => c.metric === metric))
        expect(
          await within(figure as HTMLElement).findByRole('button', {
            name: new RegExp(`^${districtName(cell.district)}, `),
          }),
        ).toBeVisible()
    }
  })

  it('shows the evidence of a bar', async () => {
    const cell = goldenSummary.aggregates.find((a) => a.edition === edition)
    if (!cell) throw new Error('no cell')
    const { user } = renderApp(`/editions/${edition}`)
    const figure = (await screen.findAllByRole('figure')).find((f) =>
      within(f).queryByRole('heading', {
        name: new RegExp(`^${metricLabel(cell.metric)} by district`),
      }),
    )
    await user.click(
      await within(figure as HTMLElement).findByRole('button', {
        name: new RegExp(`^${districtName(cell.district)}, `),
      }),
    )
    const sentence = goldenDistrict(cell.district).observations.find(
      (o) => o.edition === edition && o.metric === cell.metric && o.scope === 'ciie',
    )?.sentence
    await waitFor(() => expect(screen.getByRole('dialog')).toHaveTextContent(sentence ?? '∅'))
  })

  it.each(['/editions/0', '/editions/9', '/editions/six', '/editions/06'])(
    'shows the not-found page for %s',
    async (path) => {
      renderApp(path)
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Edition not found' }),
      ).toBeVisible()
    },
  )

  it.each(FAILURES)('explains a %s from the summary, with a working retry', async (failure) => {
    const endpoint = failEndpoint('summary.json', failure)
    const { user } = renderApp(`/editions/${edition}`)
    const alert = await screen.findByRole('alert')
    endpoint.recover()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: /^All districts at/ }),
    ).toBeVisible()
  })
})

describe('the edition view in Chinese', () => {
  const zhEdition = goldenSummary.editions.find((e) => e.edition === edition)?.zh ?? ''
  const zhMetric = (key: string) => goldenSummary.metrics.find((m) => m.key === key)?.zh ?? key
  const zhName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.zh ?? id

  it('titles the page and each chart in Chinese, with Chinese district names on the bars', async () => {
    renderApp(`/editions/${edition}`, { locale: 'zh' })
    expect(
      await screen.findByRole('heading', { level: 1, name: `${zhEdition}各区数据` }),
    ).toBeVisible()
    const cell = goldenSummary.aggregates.find((a) => a.edition === edition)
    if (!cell) throw new Error('no cell')
    const figure = screen
      .getAllByRole('figure')
      .find((f) => within(f).queryByRole('heading', { name: `各区${zhMetric(cell.metric)}` }))
    expect(figure).toBeDefined()
    expect(
      await within(figure as HTMLElement).findByRole('button', {
        name: new RegExp(`^${zhName(cell.district)}`),
      }),
    ).toBeVisible()
    expect(screen.getByRole('navigation', { name: '其他届次' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: /by district/ })).toBeNull()
  })
})
