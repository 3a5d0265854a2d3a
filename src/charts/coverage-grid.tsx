import { useId } from 'react'
import { t } from '../i18n/i18n'
import { rovingHint, ROVING_ROOT, useRovingFocus, type RovingFocus } from './roving-focus'
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
 * button. The buttons are one Tab stop, with the arrow keys between them.
 */
export function CoverageGrid({ caption, rows, columns, cell, onSelect }: CoverageGridProps) {
  const captionId = useId()
  const hintId = useId()
  const coverage = rows.map((row) => columns.map((column) => cell(row.key, column.key)))
  const roving = useRovingFocus(
    rows.flatMap((row, rowIndex) =>
      columns.flatMap((column, col) =>
        (coverage[rowIndex]?.[col]?.count ?? 0) > 0
          ? [{ key: cellKey(row.key, column.key), row: rowIndex, col }]
          : [],
      ),
    ),
  )
  return (
    <div className="chart-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      {onSelect ? (
        <p id={hintId} hidden>
          {rovingHint()}
        </p>
      ) : null}
      <table className="coverage-grid" {...ROVING_ROOT}>
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
          {rows.map((row, rowIndex) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {columns.map((column, col) => (
                <td key={column.key}>
                  <CoverageCellContent
                    coverage={coverage[rowIndex]?.[col] ?? cell(row.key, column.key)}
                    button={
                      onSelect
                        ? {
                            key: cellKey(row.key, column.key),
                            onSelect: () => onSelect(row.key, column.key),
                            roving,
                            hintId,
                          }
                        : undefined
                    }
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

const cellKey = (rowKey: string, columnKey: string) => `${rowKey}|${columnKey}`

function CoverageCellContent({
  coverage,
  button,
}: {
  coverage: CoverageCell
  button: { key: string; onSelect: () => void; roving: RovingFocus; hintId: string } | undefined
}) {
  if (coverage.count <= 0) {
    return (
      <span className="coverage-cell coverage-cell--empty">
        <span aria-hidden="true">·</span>
        <span className="chart-visually-hidden">{t('charts.coverage.none')}</span>
      </span>
    )
  }
  const share = coverage.total > 0 ? Math.min(1, coverage.count / coverage.total) : 0
  const content = (
    <>
      <span className="coverage-cell__text">
        <span className="coverage-cell__count">{coverage.count}</span>
        <span className="coverage-cell__total">
          {t('charts.coverage.ofTotal', { total: coverage.total })}
        </span>
      </span>
      <span className="coverage-cell__meter" aria-hidden="true">
        <span className="coverage-cell__meter-fill" style={{ width: `${share * 100}%` }} />
      </span>
    </>
  )
  if (!button) {
    return (
      <span className="coverage-cell" title={coverage.description}>
        {content}
      </span>
    )
  }
  const { key, onSelect, roving, hintId } = button
  return (
    <button
      type="button"
      className="coverage-cell"
      aria-label={coverage.description}
      aria-describedby={hintId}
      data-key={key}
      tabIndex={roving.tabbableKey === key ? 0 : -1}
      onClick={onSelect}
      onKeyDown={(event) => roving.onKeyDown(event, key)}
      onFocus={() => roving.onFocus(key)}
    >
      {content}
    </button>
  )
}
