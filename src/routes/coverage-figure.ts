import { notReported } from '../app/format'
import { t } from '../i18n/i18n'
import type { FigureDraft } from './figure-export'
import type { SummaryModel } from './summary-model'

const COVERAGE_COLOR = '#0b3a6e'

/** The overview's "what is reported where" grid as a figure: figures per district × edition. */
export function coverageFigure(model: SummaryModel): FigureDraft {
  const editions = model.editions
  return {
    title: t('edition.coverage.title'),
    subtitle: t('edition.coverage.subtitle', {
      first: model.editionLabel(editions[0]?.edition ?? 1),
      last: model.editionLabel(editions.at(-1)?.edition ?? 1),
    }),
    chart: {
      kind: 'matrix',
      columns: editions.map((e) => model.editionLabel(e.edition)),
      rows: model.districts.map((d) => ({
        label: model.districtName(d.id),
        cells: editions.map((e) => {
          const count = model.aggregates({ district: d.id, edition: e.edition }).length
          return {
            key: `${d.id}|${e.edition}`,
            label: model.editionLabel(e.edition),
            value: count > 0 ? count : null,
            display: count > 0 ? String(count) : notReported(),
            qualifier: null,
            conflict: false,
            color: COVERAGE_COLOR,
          }
        }),
      })),
    },
    notes: [t('edition.coverage.note', { total: model.metrics.length })],
    file: { view: 'coverage' },
    cells: model.summary.aggregates.map((a) => ({
      district: a.district,
      edition: a.edition,
      metric: a.metric,
    })),
  }
}
