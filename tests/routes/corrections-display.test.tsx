import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { apiUrl } from '../../src/api/client'
import { formatDate, formatQuantity } from '../../src/app/format'
import { paths } from '../../src/app/paths'
import type { ArticleDetail, DistrictDetail, Observation } from '../../src/pipeline/schema'
import { goldenArticle, goldenDistrict, goldenSummary } from '../mocks/golden'
import { server } from '../mocks/server'
import { renderApp } from '../render-app'

// A cell with one figure behind it, so its evidence lists just the corrected one.
const cell = goldenSummary.aggregates.find((a) => a.observations === 1 && !a.conflict)
if (!cell) throw new Error('the golden summary has no single-figure cell')
const district = goldenDistrict(cell.district)
const target = district.observations.find(
  (o) =>
    o.scope === 'ciie' &&
    o.edition === cell.edition &&
    o.metric === cell.metric &&
    o.district === cell.district,
)
if (!target) throw new Error('no observation behind the cell')

const REASON = 'the district’s own release gives a different figure'
const DATE = '2026-11-20'
const corrected: Observation = {
  ...target,
  value: target.value + 1,
  correction: { action: 'fix', reason: REASON, date: DATE, was: { value: target.value } },
}
const metricLabel = goldenSummary.metrics.find((m) => m.key === target.metric)?.en ?? ''

/** Serves the golden files with one figure corrected, as the pipeline writes a fix. */
function serveCorrected() {
  const detail: DistrictDetail = {
    ...district,
    observations: district.observations.map((o) => (o.id === target?.id ? corrected : o)),
  }
  const article = goldenArticle(target?.article ?? '')
  const rejected = article.observations.find((o) => o.id !== target?.id)
  const articleDetail: ArticleDetail = {
    ...article,
    observations: article.observations.flatMap((o) =>
      o.id === target?.id ? [corrected] : o.id === rejected?.id ? [] : [o],
    ),
    discarded: rejected
      ? [
          ...article.discarded,
          {
            article: rejected.article,
            sentence: rejected.sentence,
            sentenceStart: rejected.sentenceStart,
            start: rejected.start,
            end: rejected.end,
            text: rejected.text,
            value: rejected.value,
            unit: rejected.unit,
            reason: 'rejected: counted twice in this article',
            correction: {
              action: 'reject',
              reason: 'counted twice in this article',
              date: DATE,
              was: {
                metric: rejected.metric,
                value: rejected.value,
                unit: rejected.unit,
                qualifier: rejected.qualifier,
                district: rejected.district,
                edition: rejected.edition,
              },
            },
          },
        ]
      : article.discarded,
  }
  server.use(
    http.get(apiUrl(`districts/${district.district}.json`), () => HttpResponse.json(detail)),
    http.get(apiUrl(`articles/${article.article.id}.json`), () => HttpResponse.json(articleDetail)),
  )
  return { rejected }
}

describe('a corrected figure', () => {
  it('says "Corrected:" with the reason, the date and what was read, in the evidence', async () => {
    serveCorrected()
    renderApp(
      `${paths.district(cell.district)}?evidence=${cell.district}.${cell.edition}.${cell.metric}`,
    )
    const dialog = await screen.findByRole('dialog')
    await waitFor(() => expect(dialog).toHaveTextContent(`Corrected: ${REASON}`))
    expect(dialog).toHaveTextContent(
      `(${formatDate(DATE)}; the extractor read ${formatQuantity(target.value, target.unit, target.qualifier)})`,
    )
    expect(dialog).toHaveTextContent(formatQuantity(corrected.value, target.unit, target.qualifier))
  })

  it('is marked in the article’s table of figures, and a rejected one is listed with its reason', async () => {
    const { rejected } = serveCorrected()
    renderApp(paths.article(target.article))
    const table = await screen.findByRole('table')
    const row = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes(`Corrected: ${REASON}`))
    expect(row).toBeDefined()
    expect(row).toHaveTextContent(metricLabel)
    expect(rejected).toBeDefined()
    // The table's words column: the kept figure is listed there, the rejected one is not.
    const wordsIn = (words: string | undefined) =>
      within(table)
        .getAllByRole('row')
        .filter((r) => r.querySelector('.article-figures__words')?.textContent === `“${words}”`)
    expect(wordsIn(target.text)).toHaveLength(1)
    expect(wordsIn(rejected?.text)).toHaveLength(0)
    const list = screen.getByText(/Numbers not counted as figures/).closest('details')
    expect(list).toHaveTextContent(
      `“${rejected?.text}”: rejected: counted twice in this article (${formatDate(DATE)}; the extractor read`,
    )
  })
})
