import { useId } from 'react'
import './charts.css'

export interface CoverageCell {
  /** Metrics reported for this row and column. */
  count: number
  /** Metrics there could be. */
  total: number
  /** Accessible name of the cell's button, e.g. "Jing'an, 6th (2023): 5 of 16 metrics reported". */
  description: string
}

export interface CoverageGridProps {
  caption: string
  /** Districts. */
  rows: Array<{ key: string; label: string }>
  /** Editions. */
  columns: Array<{ key: string; label: string }>
  cell: (rowKey: string, columnKey: string) => CoverageCell
  onSelect?: (rowKey: string, columnKey: string) => void
}

/**
 * How much is known where: for each row and column, how many metrics were reported ("5 of 16")
 * with a small bar. A cell with nothing shows "·" ("none" for assistive technology) and is not a
 * button.
 */
export function CoverageGrid({ caption, rows, columns, cell, onSelect }: CoverageGridProps) {
  const captionId = useId()
  return (
    <div className="chart-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="coverage-grid">
        <caption id={captionId}>{caption}</caption>
        <thead>
          <tr>
            <td />
            {columns.map((column) => (
              <th key={column.key} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((column) => (
                <td key={column.key}>
                  <CoverageCellContent
                    coverage={cell(row.key, column.key)}
                    onSelect={onSelect ? () => onSelect(row.key, column.key) : undefined}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function CoverageCellContent({
  coverage,
  onSelect,
}: {
  coverage: CoverageCell
  onSelect: (() => void) | undefined
}) {
  if (coverage.count <= 0) {
    return (
      <span className="coverage-cell coverage-cell--empty">
        <span aria-hidden="true">·</span>
        <span className="chart-visually-hidden">none</span>
      </span>
    )
  }
  const share = coverage.total > 0 ? Math.min(1, coverage.count / coverage.total) : 0
  const content = (
    <>
      <span className="coverage-cell__text">
        <span className="coverage-cell__count">{coverage.count}</span>
        <span className="coverage-cell__total"> of {coverage.total}</span>
      </span>
      <span className="coverage-cell__meter" aria-hidden="true">
        <span className="coverage-cell__meter-fill" style={{ width: `${share * 100}%` }} />
      </span>
    </>
  )
  if (!onSelect) {
    return (
      <span className="coverage-cell" title={coverage.description}>
        {content}
      </span>
    )
  }
  return (
    <button
      type="button"
      className="coverage-cell"
      aria-label={coverage.description}
      onClick={onSelect}
    >
      {content}
    </button>
  )
}
