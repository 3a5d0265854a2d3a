import * as v from 'valibot'
import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { activateLocale } from '../../src/i18n/i18n'
import type { ArticleSummary } from '../../src/pipeline/schema'
import {
  completeFigure,
  describeBuild,
  describeSources,
  type FigureDraft,
} from '../../src/routes/figure-export'
import { coverageFigure } from '../../src/routes/coverage-figure'
import { summaryModel } from '../../src/routes/summary-model'
import { FigureSpecSchema } from '../../src/export/figure-spec'
import { goldenDataset, goldenSummary } from '../mocks/golden'
import { server } from '../mocks/server'

const model = summaryModel(goldenSummary)
const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

const article = (id: string, date: string, title = `Article ${id}`): ArticleSummary => ({
  id,
  date,
  title,
  district: null,
  districts: [],
  area: null,
  edition: null,
  warnings: [],
})

describe('describeSources', () => {
  it('names a few articles by title and date, oldest first', () => {
    expect(
      describeSources([article('b', '2023-11-09', 'Later'), article('a', '2023-11-06', 'Earlier')]),
    ).toBe('Sources: “Earlier” (6 Nov 2023); “Later” (9 Nov 2023).')
    expect(describeSources([article('a', '2023-11-06', 'Only')])).toBe(
      'Source: “Only” (6 Nov 2023).',
    )
  })

  it('counts many articles and gives their date range', () => {
    const many = ['2024-11-02', '2023-11-06', '2025-11-05', '2024-01-01'].map((d, i) =>
      article(`a${i}`, d),
    )
    expect(describeSources(many)).toBe('Sources: 4 press articles, 6 Nov 2023 to 5 Nov 2025.')
  })

  it('shortens long titles and says when there is none', () => {
    const long = 'x'.repeat(200)
    expect(describeSources([article('a', '2023-11-06', long)])).toMatch(
      /^Source: “x{89}…” \(6 Nov 2023\)\.$/,
    )
    expect(describeSources([])).toBe('Sources: no article reports these figures.')
  })
})

describe('describeBuild', () => {
  it('cites the build date and the newest article', () => {
    const last = goldenSummary.corpus.lastDate
    expect(last).not.toBeNull()
    expect(describeBuild(model, '2026-11-20')).toMatch(
      /^CIIE District Dashboard, built 20 Nov 2026 from articles up to \d{1,2} [A-Z][a-z]{2} \d{4}\.$/,
    )
  })
})

describe('completeFigure', () => {
  const aggregate = goldenSummary.aggregates[0]
  if (!aggregate) throw new Error('the golden summary has no cells')
  const draft: FigureDraft = {
    title: 'A figure',
    subtitle: 'Its selection',
    chart: { kind: 'bars', rows: [] },
    file: {
      edition: model.edition(aggregate.edition) ?? null,
      metric: aggregate.metric,
      view: 'by-district',
    },
    cells: [
      { district: aggregate.district, edition: aggregate.edition, metric: aggregate.metric },
      // A district that does not report it: a CSV row with no value, no source.
      ...model.districts
        .filter((d) => !model.cell(d.id, aggregate.edition, aggregate.metric))
        .slice(0, 1)
        .map((d) => ({ district: d.id, edition: aggregate.edition, metric: aggregate.metric })),
    ],
  }

  it('cites the articles behind the cells, from the district evidence', async () => {
    const spec = v.parse(FigureSpecSchema, await completeFigure(draft, model, client()))
    const behind = goldenDataset.observations
      .filter(
        (o) =>
          o.scope === 'ciie' &&
          o.district === aggregate.district &&
          o.edition === aggregate.edition &&
          o.metric === aggregate.metric,
      )
      .map((o) => o.article)
    const titles = goldenDataset.articles.filter((a) => behind.includes(a.id))
    expect(titles.length).toBeGreaterThan(0)
    expect(spec.sources).toBe(describeSources(titles))
    expect(spec.built).toMatch(/^CIIE District Dashboard, built 15 Jan 2026/)
    expect(spec.fileStem).toMatch(/^ciie-\d+(st|nd|rd|th)-\d{4}_[a-z-]+_by-district$/)
    expect(spec.csv).toHaveLength(2)
    expect(spec.csv[0]).toMatchObject({ value: aggregate.value, sources: aggregate.observations })
    expect(spec.csv[1]).toMatchObject({ value: null, display: 'not reported', sources: 0 })
  })

  it('cites the whole dataset when the evidence cannot be loaded', async () => {
    server.use(http.get('*/api/districts/:id', () => new HttpResponse(null, { status: 500 })))
    const spec = await completeFigure(draft, model, client())
    expect(spec.sources).toContain(
      `the dashboard's ${goldenSummary.corpus.articles} press articles`,
    )
  })

  it('makes a valid figure of the coverage grid', async () => {
    const spec = v.parse(
      FigureSpecSchema,
      await completeFigure(coverageFigure(model), model, client()),
    )
    expect(spec.chart.kind).toBe('matrix')
    expect(spec.csv).toHaveLength(goldenSummary.aggregates.length)
    expect(spec.fileStem).toBe('ciie_coverage')
  })
})

describe('figure footers in Chinese', () => {
  it('words the sources and the build in Chinese, keeping the titles as written', () => {
    activateLocale('zh')
    expect(describeSources([])).toBe('数据来源：无报道提供这些数据。')
    expect(describeSources([article('a', '2023-11-06', 'Only')])).toMatch(
      /^数据来源（1篇）：“Only”（2023.*6.*）。$/,
    )
    const many = ['2024-11-02', '2023-11-06', '2025-11-05', '2024-01-01'].map((d, i) =>
      article(`a${i}`, d),
    )
    expect(describeSources(many)).toMatch(/^数据来源：4篇新闻报道，2023.*至2025.*。$/)
    expect(describeBuild(model, '2026-11-20')).toMatch(
      /^进博会各区数据看板，生成于2026.*收录截至.*的报道。$/,
    )
  })

  it('builds the coverage figure with Chinese titles and district names', () => {
    activateLocale('zh')
    const draft = coverageFigure(model)
    expect(draft.title).toBe('各区数据覆盖情况')
    if (draft.chart.kind !== 'matrix') throw new Error('expected a matrix')
    expect(draft.chart.rows.map((r) => r.label)).toEqual(goldenSummary.districts.map((d) => d.zh))
    expect(draft.notes?.[0]).toMatch(/^每格为有数值的指标项数/)
  })
})
