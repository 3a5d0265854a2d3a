import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatEdition, formatQuantity } from '../../src/app/format'
import type { Aggregate, DistrictId, MetricKey } from '../../src/pipeline/schema'
import { goldenDistrict, goldenSummary } from '../mocks/golden'
import { renderApp } from '../render-app'
import { FAILURES, failEndpoint, slowEndpoint } from './endpoint-failures'

const metricLabel = (key: string) => goldenSummary.metrics.find((m) => m.key === key)?.en ?? key
const districtName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.en ?? id
const year = (edition: number) => goldenSummary.editions.find((e) => e.edition === edition)?.year
const editionLabel = (edition: number) => formatEdition(edition, year(edition))
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const cellsOf = (district: string, metric?: string) =>
  goldenSummary.aggregates.filter(
    (a) => a.district === district && (metric === undefined || a.metric === metric),
  )

/** A bar's accessible name, as chartValue describes a reported cell. */
const barName = (cell: Aggregate) =>
  new RegExp(
    `^${escape(
      `${districtName(cell.district)}, ${editionLabel(cell.edition)}, ${metricLabel(cell.metric)}: ${formatQuantity(cell.value, cell.unit, cell.qualifier)}`,
    )}`,
  )

// Two districts that report the same count metric, so both panels have bars.
const { metric, pair } = (() => {
  for (const m of goldenSummary.metrics) {
    const reporting = [
      ...new Set(
        goldenSummary.aggregates
          .filter((a) => a.metric === m.key && a.unit === 'count')
          .map((a) => a.district),
      ),
    ]
    if (reporting.length >= 3)
      return { metric: m.key, pair: reporting.slice(0, 2) as [DistrictId, DistrictId] }
  }
  throw new Error('the golden summary has no metric reported by three districts')
})()
const [first, second] = pair
const third = goldenSummary.districts.find((d) => !pair.includes(d.id))?.id as DistrictId
const panelName = (district: string, key: string = metric) =>
  `${metricLabel(key)}: ${districtName(district)}`
const panelNames = (key: string = metric) =>
  screen
    .getAllByRole('region', { name: new RegExp(`^${escape(metricLabel(key))}: `) })
    .map((region) => region.getAttribute('aria-label'))
const base = `/compare?districts=${first},${second}&metrics=${metric}`

describe('the compare view', () => {
  it("draws a panel per district with each edition's value from the summary", async () => {
    renderApp(base)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Compare districts' }),
    ).toBeVisible()
    for (const district of pair) {
      const panel = screen.getByRole('region', { name: panelName(district) })
      expect(within(panel).getByRole('heading', { name: districtName(district) })).toBeVisible()
      const cells = cellsOf(district, metric)
      expect(cells.length).toBeGreaterThan(0)
      // The chart's code loads with the first chart drawn (lazy-charts.tsx).
      for (const cell of cells)
        expect(
          await within(panel).findByRole('button', { name: barName(cell) }),
        ).toBeInTheDocument()
    }
    expect(panelNames()).toEqual([panelName(first), panelName(second)])
  })

  it('outlines the latest edition the districts report and sums it up in one line', async () => {
    renderApp(base)
    const latest = Math.max(...[...cellsOf(first), ...cellsOf(second)].map((a) => a.edition))
    const frame = await screen.findByRole('figure', { name: metricLabel(metric) })
    expect(screen.getByRole('combobox', { name: 'CIIE edition' })).toHaveValue(String(latest))
    const line = within(frame)
      .getByText(`${editionLabel(latest)}:`)
      .closest('p')
    for (const district of pair) {
      const cell = cellsOf(district, metric).find((a) => a.edition === latest)
      const shown = cell ? formatQuantity(cell.value, cell.unit, cell.qualifier) : 'not reported'
      expect(line).toHaveTextContent(`${districtName(district)} ${shown}`)
    }
  })

  it('lists every district × edition value in the table alternative', async () => {
    const { user } = renderApp(base)
    const frame = await screen.findByRole('figure', { name: metricLabel(metric) })
    await user.click(within(frame).getByRole('button', { name: 'Show data as table' }))
    const table = within(frame).getByRole('table')
    for (const district of pair) {
      const row = within(table).getByRole('row', {
        name: new RegExp(escape(districtName(district))),
      })
      for (const cell of cellsOf(district, metric))
        expect(row).toHaveTextContent(formatQuantity(cell.value, cell.unit, cell.qualifier))
      expect(within(row).getAllByRole('cell')).toHaveLength(goldenSummary.editions.length)
    }
  })

  it('adds a district at the end through the picker, as a new history entry', async () => {
    const { user, router } = renderApp(base)
    const select = await screen.findByRole('combobox', { name: 'Add a district' })
    expect(
      within(select).queryByRole('option', {
        name: new RegExp(`^${escape(districtName(first))} `),
      }),
    ).toBeNull()
    await user.selectOptions(select, third)
    await user.click(screen.getByRole('button', { name: 'Add' }))
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('districts')).toBe(
        `${first},${second},${third}`,
      ),
    )
    expect(router.state.historyAction).toBe('PUSH')
    expect(await screen.findByRole('region', { name: panelName(third) })).toBeVisible()
    expect(panelNames()).toEqual([panelName(first), panelName(second), panelName(third)])
  })

  it('removes a district and keeps the order of the others', async () => {
    const { user, router } = renderApp(
      `/compare?districts=${first},${second},${third}&metrics=${metric}`,
    )
    await user.click(await screen.findByRole('button', { name: `Remove ${districtName(second)}` }))
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('districts')).toBe(
        `${first},${third}`,
      ),
    )
    expect(screen.queryByRole('region', { name: panelName(second) })).not.toBeInTheDocument()
    expect(panelNames()).toEqual([panelName(first), panelName(third)])
    // Focus moves to the next chip's remove button rather than being lost.
    expect(screen.getByRole('button', { name: `Remove ${districtName(third)}` })).toHaveFocus()
  })

  it('asks for one more district when only one is left', async () => {
    const { user } = renderApp(base)
    await user.click(await screen.findByRole('button', { name: `Remove ${districtName(second)}` }))
    expect(await screen.findByText('Pick two to six districts to compare')).toBeVisible()
    expect(screen.getByText(new RegExp(`${escape(districtName(first))} is chosen`))).toBeVisible()
    expect(screen.queryByRole('figure')).not.toBeInTheDocument()
  })

  it('shows the picker and an empty state, not an error, with no district', async () => {
    renderApp('/compare')
    expect(await screen.findByText('Pick two to six districts to compare')).toBeVisible()
    expect(screen.getByRole('combobox', { name: 'Add a district' })).toBeEnabled()
  })

  it('disables adding at six districts and says why', async () => {
    const six = goldenSummary.districts.slice(0, 6).map((d) => d.id)
    renderApp(`/compare?districts=${six.join(',')}&metrics=${metric}`)
    expect(await screen.findByRole('combobox', { name: 'Add a district' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Add' })).toBeDisabled()
    expect(screen.getByText(/6 districts is the most/)).toBeVisible()
    expect(panelNames()).toEqual(six.map((d) => panelName(d)))
  })

  it('switches to independent scales and back through the URL', async () => {
    const { user, router } = renderApp(base)
    const toggle = await screen.findByRole('checkbox', { name: /Independent scales/ })
    expect(toggle).not.toBeChecked()
    expect(screen.getByText(/^One scale for all panels/)).toBeVisible()
    await user.click(toggle)
    await waitFor(() => expect(router.state.location.search).toContain('scale=independent'))
    expect(screen.getByRole('checkbox', { name: /Independent scales/ })).toBeChecked()
    expect(screen.getByText(/^Each panel has its own scale/)).toBeVisible()
    await user.click(screen.getByRole('checkbox', { name: /Independent scales/ }))
    await waitFor(() => expect(router.state.location.search).not.toContain('scale='))
  })

  it('reads the scale from the URL on load', async () => {
    renderApp(`${base}&scale=independent`)
    expect(await screen.findByRole('checkbox', { name: /Independent scales/ })).toBeChecked()
  })

  it('changes the outlined edition through the edition select', async () => {
    const { user, router } = renderApp(base)
    const edition = cellsOf(first, metric)[0]?.edition ?? 1
    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'CIIE edition' }),
      String(edition),
    )
    await waitFor(() => expect(router.state.location.search).toContain(`edition=${edition}`))
    expect(screen.getByRole('figure', { name: metricLabel(metric) })).toHaveTextContent(
      `${editionLabel(edition)}:`,
    )
  })

  it('adds a figure through the metric chooser, in catalog order', async () => {
    const { user, router } = renderApp(base)
    const other = goldenSummary.metrics.find((m) => m.key !== metric)?.key as MetricKey
    await user.click(await screen.findByText(/^Figures shown/))
    await user.click(
      screen.getByRole('checkbox', { name: new RegExp(`^${escape(metricLabel(other))}`) }),
    )
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('metrics')?.split(',')).toEqual(
        goldenSummary.metrics.map((m) => m.key).filter((k) => k === metric || k === other),
      ),
    )
    expect(await screen.findByRole('heading', { name: metricLabel(other) })).toBeVisible()
  })

  it('says so in its section when no chosen district reports a metric', async () => {
    const missing = goldenSummary.metrics.find(
      (m) => cellsOf(first, m.key).length === 0 && cellsOf(second, m.key).length === 0,
    )
    if (!missing) throw new Error('every metric is reported by one of the pair')
    renderApp(`/compare?districts=${first},${second}&metrics=${metric},${missing.key}`)
    expect(
      await screen.findByText(`Neither of these districts reports ${missing.en.toLowerCase()}`),
    ).toBeVisible()
    expect(screen.getByRole('figure', { name: metricLabel(metric) })).toBeVisible()
  })

  it('gives each currency its own panels and scale', async () => {
    const mixed = goldenSummary.aggregates.find(
      (a) =>
        a.unit !== 'count' && cellsOf(a.district, a.metric).some((other) => other.unit !== a.unit),
    )
    if (!mixed) throw new Error('no district reports one metric in two currencies')
    const partner = goldenSummary.districts.find((d) => d.id !== mixed.district)?.id
    renderApp(`/compare?districts=${mixed.district},${partner}&metrics=${mixed.metric}`)
    const frame = await screen.findByRole('figure', { name: metricLabel(mixed.metric) })
    expect(within(frame).getByText(/never converted/)).toBeVisible()
    const units = [...new Set(cellsOf(mixed.district, mixed.metric).map((a) => a.unit))]
    expect(within(frame).getAllByRole('heading', { level: 3, name: /^In / })).toHaveLength(
      units.length,
    )
    expect(
      within(frame).getAllByRole('region', {
        name: new RegExp(`: ${escape(districtName(mixed.district))}$`),
      }),
    ).toHaveLength(units.length)
  })

  it('opens the evidence of a bar', async () => {
    const { user, router } = renderApp(base)
    const cell = cellsOf(second, metric)[0] as Aggregate
    const panel = await screen.findByRole('region', { name: panelName(second) })
    await user.click(within(panel).getByRole('button', { name: barName(cell) }))
    const dialog = await screen.findByRole('dialog')
    expect(router.state.location.search).toContain(
      `evidence=${cell.district}.${cell.edition}.${cell.metric}`,
    )
    const observation = goldenDistrict(cell.district).observations.find(
      (o) => o.edition === cell.edition && o.metric === cell.metric && o.scope === 'ciie',
    )
    await waitFor(() => expect(dialog).toHaveTextContent(observation?.sentence ?? '∅'))
  })

  it.each([
    ['an unknown district', '/compare?districts=jingan,atlantis', /no district "atlantis"/],
    [
      'seven districts',
      `/compare?districts=${goldenSummary.districts
        .slice(0, 7)
        .map((d) => d.id)
        .join(',')}`,
      /lists 7 districts/,
    ],
    ['a repeated district', '/compare?districts=jingan,qingpu,jingan', /more than once/],
    ['edition 99', `${base}&edition=99`, /no CIIE edition "99"/],
    ['an unknown metric', '/compare?districts=jingan,qingpu&metrics=nope', /no metric "nope"/],
    ['an unknown scale', `${base}&scale=wide`, /scale "wide" is not known/],
  ])('shows the not-found page for %s', async (_, path, message) => {
    renderApp(path)
    const heading = await screen.findByRole('heading', { level: 1 })
    expect(heading.closest('section')).toHaveTextContent(message)
    expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/')
    expect(
      screen.getByRole('link', { name: /without what was wrong|new comparison/ }),
    ).toHaveAttribute('href', expect.stringMatching(/^\/compare/))
  })

  it.each(FAILURES)(
    'explains a %s from the summary and recovers on "Try again"',
    async (failure) => {
      const endpoint = failEndpoint('summary.json', failure)
      const { user } = renderApp(base)
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('summary.json')
      endpoint.recover()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Compare districts' }),
      ).toBeVisible()
      expect(screen.getByRole('region', { name: panelName(first) })).toBeVisible()
    },
  )

  it('shows a loading state while the summary is slow', async () => {
    slowEndpoint('summary.json')
    renderApp(base)
    expect(await screen.findByRole('status')).toHaveTextContent(/Loading/)
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Compare districts' }),
    ).toBeVisible()
  })
})

describe('the compare view in Chinese', () => {
  const zhName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.zh ?? id
  const zhMetric = (key: string) => goldenSummary.metrics.find((m) => m.key === key)?.zh ?? key

  it('labels the picker, the panels and the chart in Chinese', async () => {
    renderApp(base, { locale: 'zh' })
    expect(await screen.findByRole('heading', { level: 1, name: '各区对比' })).toBeVisible()
    const picker = screen.getByLabelText('添加区') as HTMLSelectElement
    expect(
      within(picker).getByRole('option', { name: new RegExp(`^${zhName(third)}（`) }),
    ).toBeInTheDocument()
    const chosen = screen.getByRole('list', { name: '已选的区' })
    expect(within(chosen).getByText(zhName(first))).toBeVisible()
    expect(within(chosen).getByRole('button', { name: `移除${zhName(second)}` })).toBeVisible()
    expect(screen.getByRole('heading', { level: 2, name: zhMetric(metric) })).toBeVisible()
    for (const district of pair)
      expect(
        screen.getByRole('region', { name: `${zhMetric(metric)}：${zhName(district)}` }),
      ).toBeVisible()
    expect(screen.getByRole('button', { name: '全部导出' })).toBeVisible()
    expect(screen.getByText(/独立刻度/)).toBeVisible()
    expect(screen.queryByText('Compare districts')).toBeNull()
    expect(screen.queryByText(/Add a district/)).toBeNull()
  })

  it('explains a wrong link in Chinese', async () => {
    renderApp('/compare?districts=jingan,atlantis', { locale: 'zh' })
    expect(await screen.findByRole('heading', { level: 1, name: '未找到该区' })).toBeVisible()
    expect(screen.getByText('没有“atlantis”这个区。')).toBeVisible()
    expect(
      screen.getByRole('link', { name: `去掉有误部分，对比${zhName('jingan')}` }),
    ).toBeVisible()
  })
})
