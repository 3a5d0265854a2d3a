import { useId } from 'react'
import { t } from '../i18n/i18n'
import { ConflictText, NotReportedCell } from './cell-marks'
import type { ChartValue } from './chart-types'
import { rovingHint, ROVING_ROOT, useRovingFocus, type RovingFocus } from './roving-focus'
import { textColorOn } from './contrast'
import './charts.css'

export interface HeatTableProps {
  caption: string
  /** Districts. */
  rows: Array<{ key: string; label: string }>
  /** Editions. */
  columns: Array<{ key: string; label: string }>
  cell: (rowKey: string, columnKey: string) => ChartValue
  onSelect?: (key: string) => void
}

/**
 * Shades from lightest to darkest, for values up to 1/5, 2/5, ... of the largest value in the
 * table. Each shade's text colour (dark or white) has at least 4.5:1 contrast on it.
 */
export const HEAT_SHADES = ['#e8f0f8', '#c4d7ec', '#8fb3d9', '#2f6aa8', '#0b3a6e'] as const

/** The shade for `value` in a table whose largest value is `max`. */
export function heatShade(value: number, max: number): string {
  const share = max > 0 ? value / max : 0
  const index = Math.min(HEAT_SHADES.length - 1, Math.max(0, Math.ceil(share * 5) - 1))
  return HEAT_SHADES[index] ?? HEAT_SHADES[0]
}

/**
 * A table of values, rows × columns, each cell shaded by its value relative to the largest in the
 * table. Reported cells are buttons that open the evidence, one Tab stop for the table and the
 * arrow keys between them; a cell that was not reported shows "—" and is not a button. Scrolls
 * sideways on narrow screens.
 */
export function HeatTable({ caption, rows, columns, cell, onSelect }: HeatTableProps) {
  const captionId = useId()
  const values = rows.map((row) => columns.map((column) => cell(row.key, column.key)))
  const reported = values.flat().filter((v) => v.value !== null)
  const max = Math.max(0, ...reported.map((v) => v.value ?? 0))
  const largest = reported.find((v) => v.value === max)
  const hintId = useId()
  const roving = useRovingFocus(
    values.flatMap((cells, row) =>
      cells.flatMap((v, col) => (v.value === null ? [] : [{ key: v.key, row, col }])),
    ),
  )

  return (
    <div className="heat">
      <div className="chart-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="heat-table" {...ROVING_ROOT}>
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
                {columns.map((column, columnIndex) => {
                  const v = values[rowIndex]?.[columnIndex]
                  if (!v) return <td key={column.key} />
                  return (
                    <td key={column.key}>
                      {renderCell(v, max, onSelect ? { onSelect, roving, hintId } : undefined)}
                    </td>
                  )
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {columns.length > 2 ? (
        <p className="chart-scroll-hint heat-scroll-hint">
          <span aria-hidden="true">↔ </span>
          {t('charts.heat.scrollHint')}
        </p>
      ) : null}
      {onSelect ? (
        <p id={hintId} hidden>
          {rovingHint()}
        </p>
      ) : null}
      {largest ? (
        <p className="heat-key">
          <span>{t('charts.heat.keyLower', { largest: largest.display })}</span>
          {HEAT_SHADES.map((shade) => (
            <span
              key={shade}
              className="heat-key__swatch"
              style={{ backgroundColor: shade }}
              aria-hidden="true"
            />
          ))}
          <span>{t('charts.heat.keyHigher')}</span>
        </p>
      ) : null}
    </div>
  )
}

interface CellButton {
  onSelect: (key: string) => void
  roving: RovingFocus
  hintId: string
}

function renderCell(v: ChartValue, max: number, button: CellButton | undefined) {
  if (v.value === null) return <NotReportedCell className="heat-cell heat-cell--empty" />
  const background = heatShade(v.value, max)
  const style = { backgroundColor: background, color: textColorOn(background) }
  const content = (
    <>
      {v.display}
      {v.conflict ? <ConflictText /> : null}
    </>
  )
  if (!button) {
    return (
      <span className="heat-cell heat-cell--reported" style={style} title={v.description}>
        {content}
      </span>
    )
  }
  const { onSelect, roving, hintId } = button
  return (
    <button
      type="button"
      className="heat-cell heat-cell--reported"
      style={style}
      aria-label={v.description}
      aria-describedby={hintId}
      data-key={v.key}
      tabIndex={roving.tabbableKey === v.key ? 0 : -1}
      onClick={() => onSelect(v.key)}
      onKeyDown={(event) => roving.onKeyDown(event, v.key)}
      onFocus={() => roving.onFocus(v.key)}
    >
      {content}
    </button>
  )
}
