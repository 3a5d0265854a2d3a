import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatQuantity } from '../../src/app/format'
import { goldenDistrict, goldenSummary } from '../mocks/golden'
import { renderApp } from '../render-app'
import { FAILURES, failEndpoint } from './endpoint-failures'

const metricLabel = (key: string) => goldenSummary.metrics.find((m) => m.key === key)?.en ?? key
const districtName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.en ?? id

// The metric most often reported in the fixture articles.
const metric = [...new Set(goldenSummary.aggregates.map((a) => a.metric))].sort(
  (a, b) =>
    goldenSummary.aggregates.filter((c) => c.metric === b).length -
    goldenSummary.aggregates.filter((c) => c.metric === a).length,
)[0] as string

describe('the metric view', () => {
  it('shows every district × edition value in the heat table, and "not reported" gaps', async () => {
    renderApp(`/metrics/${metric}`)
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `${metricLabel(metric)} at every CIIE`,
      }),
    ).toBeVisible()
    const cells = goldenSummary.aggregates.filter((a) => a.metric === metric)
    const table = screen.getByRole('table', { name: new RegExp(`^${metricLabel(metric)}`) })
    for (const cell of cells) {
      const row = within(table).getByRole('row', { name: new RegExp(districtName(cell.district)) })
      expect(row).toHaveTextContent(formatQuantity(cell.value, cell.unit, cell.qualifier))
    }
    expect(table).toHaveTextContent(/not reported/)
  })

  it('opens the evidence of a heat-table cell', async () => {
    const cell = goldenSummary.aggregates.find((a) => a.metric === metric)
    if (!cell) throw new Error('no cell')
    const { user } = renderApp(`/metrics/${metric}`)
    const table = await screen.findByRole('table', { name: new RegExp(`^${metricLabel(metric)}`) })
    const row = within(table).getByRole('row', { name: new RegExp(districtName(cell.district)) })
    await user.click(
      within(row).getByRole('button', {
        name: new RegExp(formatQuantity(cell.value, cell.unit, cell.qualifier).replace('+', '\\+')),
      }),
    )
    const sentence = goldenDistrict(cell.district).observations.find(
      (o) => o.edition === cell.edition && o.metric === metric && o.scope === 'ciie',
    )?.sentence
    await waitFor(() => expect(screen.getByRole('dialog')).toHaveTextContent(sentence ?? '∅'))
  })

  it('switches metric through the picker', async () => {
    const { user, router } = renderApp(`/metrics/${metric}`)
    const other = goldenSummary.metrics.find((m) => m.key !== metric)
    if (!other) throw new Error('one metric only')
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Metric' }), other.key)
    await waitFor(() => expect(router.state.location.pathname).toBe(`/metrics/${other.key}`))
  })

  it.each(['/metrics/unicorns', '/metrics/Partners', `/metrics/${metric}?evidence=x`])(
    'shows the not-found page for %s',
    async (path) => {
      renderApp(path)
      expect(await screen.findByRole('heading', { level: 1, name: /not found$/ })).toBeVisible()
    },
  )

  it.each(FAILURES)('explains a %s from the summary, with a working retry', async (failure) => {
    const endpoint = failEndpoint('summary.json', failure)
    const { user } = renderApp(`/metrics/${metric}`)
    const alert = await screen.findByRole('alert')
    endpoint.recover()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('heading', { level: 1, name: /at every CIIE$/ })).toBeVisible()
  })
})

describe('the metric view in Chinese', () => {
  const zhMetric = goldenSummary.metrics.find((m) => m.key === metric)?.zh ?? ''
  const zhName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.zh ?? id

  it('titles the page, its picker and its charts in Chinese, districts by their Chinese names', async () => {
    renderApp(`/metrics/${metric}`, { locale: 'zh' })
    expect(
      await screen.findByRole('heading', { level: 1, name: `历届进博会${zhMetric}` }),
    ).toBeVisible()
    const picker = screen.getByLabelText('指标') as HTMLSelectElement
    expect(within(picker).getByRole('option', { name: zhMetric })).toBeInTheDocument()
    expect(
      screen.getByRole('heading', { level: 2, name: new RegExp(`^历届各区${zhMetric}`) }),
    ).toBeVisible()
    const table = screen.getByRole('table', { name: new RegExp(`^各区历届进博会${zhMetric}`) })
    const cell = goldenSummary.aggregates.find((a) => a.metric === metric)
    expect(
      within(table).getByRole('row', { name: new RegExp(zhName(cell?.district ?? '')) }),
    ).toBeInTheDocument()
    expect(screen.queryByText(/at every CIIE/)).toBeNull()
  })
})
