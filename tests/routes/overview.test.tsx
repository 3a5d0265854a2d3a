import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatDate, formatQuantity, ordinal } from '../../src/app/format'
import { goldenArticleIndex, goldenDistrict, goldenSummary } from '../mocks/golden'
import { renderApp } from '../render-app'
import { FAILURES, failEndpoint, slowEndpoint } from './endpoint-failures'

const latest = Math.max(...goldenSummary.aggregates.map((a) => a.edition))
const year = (edition: number) => goldenSummary.editions.find((e) => e.edition === edition)?.year
const districtName = (id: string) => goldenSummary.districts.find((d) => d.id === id)?.en ?? id
const metricLabel = (key: string) => goldenSummary.metrics.find((m) => m.key === key)?.en ?? key

describe('the overview', () => {
  it('opens on the latest edition with figures, with a tile per reported metric', async () => {
    renderApp('/')
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: `Districts at the ${ordinal(latest)} CIIE (${year(latest)})`,
      }),
    ).toBeVisible()
    const reported = new Set(
      goldenSummary.aggregates.filter((a) => a.edition === latest).map((a) => a.metric),
    )
    const tiles = within(screen.getByRole('region', { name: 'Headline figures' }))
    for (const metric of reported) {
      const districts = goldenSummary.aggregates.filter(
        (a) => a.edition === latest && a.metric === metric,
      ).length
      expect(
        tiles.getByRole('button', {
          name: new RegExp(`^${metricLabel(metric)}: .*, ${districts} of 16 districts report it`),
        }),
      ).toBeVisible()
    }
  })

  it('opens the evidence of a bar with its sentence, and closes it with Escape', async () => {
    const { user, router } = renderApp(`/?edition=${latest}`)
    const cell = goldenSummary.aggregates.find((a) => a.edition === latest)
    if (!cell) throw new Error('the golden summary has no cell in its latest edition')
    await user.click(await screen.findByRole('combobox', { name: 'Figure' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Figure' }), cell.metric)
    const bar = await screen.findByRole('button', {
      name: new RegExp(
        `^${districtName(cell.district)}, ${ordinal(latest)}.*${metricLabel(cell.metric)}`,
      ),
    })
    await user.click(bar)
    const dialog = await screen.findByRole('dialog')
    const observation = goldenDistrict(cell.district).observations.find(
      (o) => o.edition === latest && o.metric === cell.metric && o.scope === 'ciie',
    )
    if (!observation) throw new Error('the golden district has no observation for the cell')
    await waitFor(() => expect(dialog).toHaveTextContent(observation.sentence))
    expect(
      within(dialog).getAllByRole('link', { name: 'Read it in the article' })[0],
    ).toHaveAttribute('href', expect.stringContaining(`/articles/${observation.article}`))
    expect(router.state.location.search).toContain(
      `evidence=${cell.district}.${latest}.${cell.metric}`,
    )
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(router.state.location.search).not.toContain('evidence=')
  })

  it('opens a tile’s evidence for every district that reports the metric', async () => {
    const { user } = renderApp(`/?edition=${latest}`)
    const cells = goldenSummary.aggregates.filter((a) => a.edition === latest)
    const metric = cells[0]?.metric
    if (!metric) throw new Error('no cell')
    const reporting = cells.filter((a) => a.metric === metric)
    await user.click(
      await screen.findByRole('button', { name: new RegExp(`^${metricLabel(metric)}: `) }),
    )
    const dialog = await screen.findByRole('dialog')
    for (const cell of reporting)
      await waitFor(() =>
        expect(
          within(dialog).getByRole('heading', { level: 3, name: districtName(cell.district) }),
        ).toBeVisible(),
      )
  })

  it.each(['/?edition=99', '/?edition=six', '/?metric=unicorns', '/?evidence=nowhere.6.partners'])(
    'shows the not-found page for %s',
    async (path) => {
      renderApp(path)
      expect(await screen.findByRole('heading', { level: 1, name: /not found/i })).toBeVisible()
      expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute('href', '/')
    },
  )

  it.each(FAILURES)(
    'explains a %s from the summary and recovers on "Try again"',
    async (failure) => {
      const endpoint = failEndpoint('summary.json', failure)
      const { user } = renderApp('/')
      const alert = await screen.findByRole('alert')
      expect(alert).toHaveTextContent('summary.json')
      endpoint.recover()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      expect(
        await screen.findByRole('heading', { level: 1, name: /^Districts at the/ }),
      ).toBeVisible()
    },
  )

  it('shows a loading skeleton while the summary is slow', async () => {
    slowEndpoint('summary.json')
    renderApp('/')
    expect(await screen.findByRole('status')).toHaveTextContent(/Loading/)
    expect(
      await screen.findByRole('heading', { level: 1, name: /^Districts at the/ }),
    ).toBeVisible()
  })

  it.each(FAILURES)(
    'explains a %s from a district file inside the evidence panel',
    async (failure) => {
      const cell = goldenSummary.aggregates.find((a) => a.edition === latest)
      if (!cell) throw new Error('no cell')
      const endpoint = failEndpoint(`districts/${cell.district}.json`, failure)
      const { user } = renderApp(
        `/?edition=${latest}&evidence=${cell.district}.${latest}.${cell.metric}`,
      )
      const dialog = await screen.findByRole('dialog')
      const alert = await within(dialog).findByRole('alert')
      expect(alert).toHaveTextContent(`districts/${cell.district}.json`)
      endpoint.recover()
      await user.click(within(alert).getByRole('button', { name: 'Try again' }))
      await waitFor(() => expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument())
      expect(within(dialog).getAllByRole('link', { name: 'Read it in the article' }).length).toBe(
        cell.observations,
      )
    },
  )
})

describe('the overview in Chinese', () => {
  const edition = goldenSummary.editions.find((e) => e.edition === latest)
  if (!edition) throw new Error('the golden summary has no latest edition')
  // An amount of money only one district reports at the latest edition, so its tile shows the
  // value itself: Chinese counts it in 万 or 亿 of 美元 or 元.
  const atLatest = goldenSummary.aggregates.filter((a) => a.edition === latest)
  const money = atLatest.find(
    (a) =>
      (a.unit === 'USD' || a.unit === 'CNY') &&
      atLatest.filter((other) => other.metric === a.metric).length === 1,
  )
  if (!money) throw new Error('the golden summary has no amount of money in its latest edition')
  const metric = goldenSummary.metrics.find((m) => m.key === money.metric)
  const district = goldenSummary.districts.find((d) => d.id === money.district)
  if (!metric || !district) throw new Error('the money cell names no metric or district')

  it('shows headings, district names, values and the page title in Chinese', async () => {
    renderApp(`/?lang=zh`, { locale: 'zh' })
    expect(
      await screen.findByRole('heading', { level: 1, name: `${edition.zh}各区情况` }),
    ).toBeVisible()
    expect(screen.getByRole('heading', { level: 2, name: '主要数据' })).toBeVisible()
    expect(screen.getByRole('link', { name: '概览' })).toBeVisible()
    const districts = within(screen.getByRole('navigation', { name: '各区' }))
    for (const d of goldenSummary.districts)
      expect(districts.getByRole('link', { name: d.zh })).toBeVisible()

    const value = formatQuantity(money.value, money.unit, money.qualifier)
    expect(value).toMatch(/^(约|近|超过|至少|最多)?[\d.]+(万|亿)?(美元|元)$/)
    const tiles = within(screen.getByRole('region', { name: '主要数据' }))
    expect(tiles.getByRole('button', { name: new RegExp(`^${metric.zh}：`) })).toHaveAccessibleName(
      `${metric.zh}：${value}，${goldenSummary.districts.length}个区中有1个区报道。查看出处。`,
    )
    await waitFor(() => expect(document.title).toBe(`${edition.zh}概览 · 进博会各区数据看板`))
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('labels the evidence panel in Chinese and keeps the sentence in English', async () => {
    renderApp(`/?lang=zh&edition=${latest}&evidence=${money.district}.${latest}.${money.metric}`, {
      locale: 'zh',
    })
    const dialog = await screen.findByRole('dialog', {
      name: `${district.zh} · ${metric.zh} · ${edition.zh}`,
    })
    expect(within(dialog).getByText('数据出处')).toBeVisible()
    expect(within(dialog).getByRole('button', { name: '关闭出处' })).toBeVisible()
    const observation = goldenDistrict(money.district).observations.find(
      (o) => o.edition === latest && o.metric === money.metric && o.scope === 'ciie',
    )
    if (!observation) throw new Error('the golden district has no observation for the cell')
    await waitFor(() => expect(dialog).toHaveTextContent(observation.sentence))
    expect(within(dialog).getAllByRole('link', { name: '在原文中查看' })[0]).toBeVisible()
    const article = goldenArticleIndex.articles.find((a) => a.id === observation.article)
    if (!article) throw new Error('the observation names no golden article')
    expect(formatDate(article.date)).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
    expect(dialog).toHaveTextContent(formatDate(article.date))
    expect(dialog).toHaveTextContent(
      `${formatQuantity(money.value, money.unit, money.qualifier)} 来自${money.observations}条数据`,
    )
  })
})
