import { screen, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { getReport, resetReportCache } from '../../src/export/report-store'
import { goldenSummary } from '../mocks/golden'
import { renderApp } from '../render-app'

/**
 * Every chart of every view offers the Export menu, and what it exports is the chart the user
 * sees: "Add to report" is the export that runs in jsdom (files are checked in e2e/export).
 */

const latest = Math.max(...goldenSummary.aggregates.map((a) => a.edition))
const districtName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.en ?? id

beforeEach(() => {
  localStorage.clear()
  resetReportCache()
})

async function addToReport(figure: HTMLElement, user: ReturnType<typeof renderApp>['user']) {
  await user.click(within(figure).getByRole('button', { name: 'Export' }))
  await user.click(screen.getByRole('menuitem', { name: 'Add to report' }))
  await within(figure).findByText(/Added to the report/)
}

describe('export from the views', () => {
  it('puts an Export menu on every chart of the overview and exports the bars as drawn', async () => {
    const { user } = renderApp('/')
    const title = await screen.findByRole('heading', { level: 2, name: /by district/ })
    const figures = screen.getAllByRole('figure')
    for (const figure of figures)
      expect(within(figure).getByRole('button', { name: 'Export' })).toBeVisible()
    const bars = title.closest('figure')
    if (!bars) throw new Error('the chart has no figure')
    await addToReport(bars, user)
    const [item] = getReport().items
    expect(item?.spec.title).toBe(title.textContent)
    const chart = item?.spec.chart
    if (chart?.kind !== 'bars') throw new Error(`expected bars, got ${chart?.kind}`)
    // Every district is in the figure: the reporting ones first, as bars, then "not reported".
    expect(chart.rows.map((r) => r.label).sort()).toEqual(
      goldenSummary.districts.map((d) => d.en).sort(),
    )
    const metric = (screen.getByLabelText('Figure') as HTMLSelectElement).value
    const reporting = goldenSummary.aggregates.filter(
      (a) => a.edition === latest && a.metric === metric,
    )
    expect(chart.rows.filter((r) => r.value !== null)).toHaveLength(reporting.length)
    expect(chart.rows.slice(reporting.length).every((r) => r.display === 'not reported')).toBe(true)
    expect(item?.spec.csv).toHaveLength(goldenSummary.districts.length)
    expect(item?.spec.sources).toMatch(/^Sources?: /)
  })

  it('exports the coverage grid as a table of counts', async () => {
    const { user } = renderApp('/')
    const heading = await screen.findByRole('heading', { name: 'What is reported where' })
    await addToReport(heading.closest('figure') as HTMLElement, user)
    const chart = getReport().items[0]?.spec.chart
    if (chart?.kind !== 'matrix') throw new Error('expected a matrix')
    expect(chart.rows).toHaveLength(goldenSummary.districts.length)
    const counted = chart.rows.flatMap((r) => r.cells).reduce((sum, c) => sum + (c.value ?? 0), 0)
    expect(counted).toBe(goldenSummary.aggregates.length)
  })

  it('exports a district chart as one panel of editions', async () => {
    const district = goldenSummary.aggregates[0]?.district ?? 'pudong'
    const { user } = renderApp(`/districts/${district}`)
    const exportButtons = await screen.findAllByRole('button', { name: 'Export' })
    const figure = exportButtons[0]?.closest('figure') as HTMLElement
    await addToReport(figure, user)
    const spec = getReport().items[0]?.spec
    if (spec?.chart.kind !== 'panels') throw new Error('expected panels')
    expect(spec.title.startsWith(`${districtName(district)}: `)).toBe(true)
    expect(spec.chart.rows).toHaveLength(1)
    expect(spec.fileStem).toMatch(new RegExp(`_${district}_by-edition$`))
    expect(spec.csv.every((row) => row.districtId === district)).toBe(true)
  })

  it('exports a comparison per metric and as a whole with "Export all"', async () => {
    const districts = [...new Set(goldenSummary.aggregates.map((a) => a.district))].slice(0, 2)
    const { user } = renderApp(`/compare?districts=${districts.join(',')}`)
    const all = await screen.findByRole('button', { name: 'Export all' })
    await user.click(all)
    await user.click(screen.getByRole('menuitem', { name: 'Add to report' }))
    await screen.findByText(/Added to the report \(1 figure\)/)
    const spec = getReport().items[0]?.spec
    if (spec?.chart.kind !== 'panels') throw new Error('expected panels')
    const metricFigures = screen.getAllByRole('figure')
    // One row of panels per metric on the page (more when a metric is split by currency).
    expect(spec.chart.rows.length).toBeGreaterThanOrEqual(metricFigures.length)
    expect(spec.legend.map((l) => l.label)).toEqual(districts.map(districtName))
    for (const row of spec.chart.rows)
      expect(row.panels.map((p) => p.title)).toEqual(
        expect.arrayContaining([districtName(districts[0] ?? '')]),
      )
    expect(spec.fileStem).toMatch(/_compare-all$/)
  })

  it('offers export on both charts of a metric', async () => {
    const metric = goldenSummary.aggregates[0]?.metric ?? 'partners'
    renderApp(`/metrics/${metric}`)
    const buttons = await screen.findAllByRole('button', { name: 'Export' })
    expect(buttons.length).toBeGreaterThanOrEqual(2)
  })
})

describe('export from the views in Chinese', () => {
  const zhName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.zh ?? id

  it('exports a comparison with a Chinese title, legend and sources, and an English file name', async () => {
    const districts = [...new Set(goldenSummary.aggregates.map((a) => a.district))].slice(0, 2)
    const { user } = renderApp(`/compare?districts=${districts.join(',')}`, { locale: 'zh' })
    await user.click(await screen.findByRole('button', { name: '全部导出' }))
    await user.click(screen.getByRole('menuitem', { name: '加入报告' }))
    await screen.findByText(/已加入报告/)
    const spec = getReport().items[0]?.spec
    if (spec?.chart.kind !== 'panels') throw new Error('expected panels')
    expect(spec.title).toBe(`${zhName(districts[0] ?? '')}和${zhName(districts[1] ?? '')}对比`)
    expect(spec.subtitle).toMatch(/历届进博会 · 第.+届进博会加框标出$/)
    expect(spec.legend.map((l) => l.label)).toEqual(districts.map(zhName))
    expect(spec.sources).toMatch(/^数据来源/)
    expect(spec.built).toMatch(/^进博会各区数据看板/)
    expect(spec.csv[0]?.district).toBe(zhName(districts[0] ?? ''))
    // The file name stays in ASCII, in English words, whatever the language.
    expect(spec.fileStem).toMatch(new RegExp(`_${districts.join('-')}_compare-all$`))
  })

  it('exports a district chart titled with the Chinese name', async () => {
    const district = goldenSummary.aggregates[0]?.district ?? 'pudong'
    const { user } = renderApp(`/districts/${district}`, { locale: 'zh' })
    const figure = (await screen.findAllByRole('button', { name: '导出' }))[0]?.closest('figure')
    await user.click(within(figure as HTMLElement).getByRole('button', { name: '导出' }))
    await user.click(screen.getByRole('menuitem', { name: '加入报告' }))
    await within(figure as HTMLElement).findByText(/已加入报告/)
    const spec = getReport().items[0]?.spec
    expect(spec?.title.startsWith(`${zhName(district)}：`)).toBe(true)
    expect(spec?.subtitle).toMatch(/^历届进博会/)
    expect(spec?.fileStem).toMatch(new RegExp(`_${district}_by-edition$`))
  })
})
