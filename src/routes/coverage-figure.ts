import type { FigureDraft } from './figure-export'
import type { SummaryModel } from './summary-model'

const COVERAGE_COLOR = '#0b3a6e'

/** The overview's "what is reported where" grid as a figure: figures per district × edition. */
export function coverageFigure(model: SummaryModel): FigureDraft {
  const editions = model.editions
  return {
    title: 'What is reported where',
    subtitle: `Number of figures reported per district and CIIE edition, ${model.editionLabel(editions[0]?.edition ?? 1)} to ${model.editionLabel(editions.at(-1)?.edition ?? 1)}`,
    chart: {
      kind: 'matrix',
      columns: editions.map((e) => model.editionLabel(e.edition)),
      rows: model.districts.map((d) => ({
        label: d.en,
        cells: editions.map((e) => {
          const count = model.aggregates({ district: d.id, edition: e.edition }).length
          return {
            key: `${d.id}|${e.edition}`,
            label: model.editionLabel(e.edition),
            value: count > 0 ? count : null,
            display: count > 0 ? String(count) : 'not reported',
            qualifier: null,
            conflict: false,
            color: COVERAGE_COLOR,
          }
        }),
      })),
    },
    notes: [`Each cell counts the metrics with a value, out of ${model.metrics.length}.`],
    file: { view: 'coverage' },
    cells: model.summary.aggregates.map((a) => ({
      district: a.district,
      edition: a.edition,
      metric: a.metric,
    })),
  }
}
