import { useId, useState, type ReactNode } from 'react'
import type { ChartTable } from './chart-types'
import { ExportMenu } from '../export/export-menu'
import { t } from '../i18n/i18n'
import type { FigureSpec } from '../export/figure-spec'
import './charts.css'

export interface ChartFrameProps {
  id?: string
  title: string
  subtitle?: string
  caption?: string
  /** The chart's data as a table, shown instead of the chart on request. */
  table: ChartTable
  headingLevel?: 2 | 3
  /** Buttons in the header, next to the table toggle (the Export menu goes here). */
  actions?: ReactNode
  /** Under the chart, e.g. a legend note "80+ = more than 80; ⚠ = sources disagree". */
  notes?: ReactNode
  /** The chart as a report figure, built when the user exports it; no Export menu without. */
  exportFigure?: () => Promise<FigureSpec>
  children: ReactNode
}

/**
 * A chart with its title, caption and a table of the same data. The table toggle keeps its place
 * and focus, so a keyboard user can switch back and forth.
 */
export function ChartFrame({
  id,
  title,
  subtitle,
  caption,
  table,
  headingLevel = 2,
  actions,
  notes,
  exportFigure,
  children,
}: ChartFrameProps) {
  const generatedId = useId()
  const baseId = id ?? `chart-${generatedId.replace(/[^a-zA-Z0-9_-]/g, '')}`
  const titleId = `${baseId}-title`
  const bodyId = `${baseId}-body`
  const [showTable, setShowTable] = useState(false)
  const Heading = headingLevel === 3 ? 'h3' : 'h2'

  return (
    <figure className="chart-frame" id={id} aria-labelledby={titleId}>
      <figcaption className="chart-frame__caption">
        <Heading className="chart-frame__title" id={titleId}>
          {title}
        </Heading>
        {subtitle ? <p className="chart-frame__subtitle">{subtitle}</p> : null}
        {caption ? <p className="chart-frame__text">{caption}</p> : null}
      </figcaption>
      <div className="chart-frame__actions">
        {actions}
        {exportFigure ? <ExportMenu figure={exportFigure} /> : null}
        <button
          type="button"
          className="chart-button"
          aria-controls={bodyId}
          onClick={() => setShowTable((shown) => !shown)}
        >
          {showTable ? t('charts.frame.showChart') : t('charts.frame.showTable')}
        </button>
      </div>
      <div className="chart-frame__body" id={bodyId}>
        {showTable ? <ChartDataTable table={table} /> : children}
      </div>
      {notes ? <div className="chart-frame__notes">{notes}</div> : null}
    </figure>
  )
}

/** The table behind a chart: first column as row headers, in a wrapper that scrolls sideways. */
export function ChartDataTable({ table }: { table: ChartTable }) {
  const captionId = useId()
  return (
    <div className="chart-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="chart-table">
        <caption id={captionId}>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column, index) => (
              <th key={`${index}-${column}`} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, index) =>
                index === 0 ? (
                  <th key={index} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={index}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
