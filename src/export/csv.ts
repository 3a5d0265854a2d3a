import { t } from '../i18n/i18n'
import type { Aggregate, Qualifier, Unit } from '../pipeline/schema'

/**
 * The data behind a chart as CSV for Excel and other tools: one row per district × edition ×
 * metric. RFC 4180 (CRLF line ends, fields with a comma, quote or line break in double quotes,
 * quotes doubled) and a UTF-8 byte-order mark, so Excel reads Chinese names correctly.
 *
 * The header row and the yes/no column are in the language of the export, like the names and
 * the values as written. Ids, numbers, units and qualifiers stay codes ("USD", "more_than") in
 * both, so a spreadsheet or script reads either language's file the same way.
 */

/** The header row in the current language: district_id, district, … or 区代码, 区, … */
export function csvColumns(): Array<string> {
  return [
    t('export.csv.districtId'),
    t('export.csv.district'),
    t('export.csv.edition'),
    t('export.csv.editionLabel'),
    t('export.csv.metricKey'),
    t('export.csv.metric'),
    t('export.csv.value'),
    t('export.csv.unit'),
    t('export.csv.qualifier'),
    t('export.csv.valueAsReported'),
    t('export.csv.sources'),
    t('export.csv.sourcesDisagree'),
  ]
}

export interface CsvRow {
  districtId: string
  district: string
  edition: number
  editionLabel: string
  metricKey: string
  metric: string
  /** Null when not reported: the cell stays empty, never 0. */
  value: number | null
  unit: Unit | null
  qualifier: Qualifier | null
  /** "80+", "US$700 million", "not reported". */
  display: string
  /** How many figures from the articles stand behind the value. */
  sources: number
  conflict: boolean
}

const BOM = '\uFEFF'

/** One field, quoted only when it has to be. */
export function csvField(value: string | number | null): string {
  if (value === null) return ''
  const text = typeof value === 'number' ? String(value) : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** The file's text, header first, BOM included, in the current language. */
export function toCsv(rows: ReadonlyArray<CsvRow>): string {
  const lines = [csvColumns().map(csvField).join(',')]
  const yes = t('export.csv.yes')
  const no = t('export.csv.no')
  for (const row of rows) {
    lines.push(
      [
        row.districtId,
        row.district,
        row.edition,
        row.editionLabel,
        row.metricKey,
        row.metric,
        row.value,
        row.unit,
        row.qualifier,
        row.display,
        row.sources,
        row.conflict ? yes : no,
      ]
        .map(csvField)
        .join(','),
    )
  }
  return `${BOM}${lines.join('\r\n')}\r\n`
}

/** A row from a summary cell; `undefined` is a cell no article reports. */
export function csvRowOf(
  cell: Aggregate | undefined,
  where: Pick<
    CsvRow,
    'districtId' | 'district' | 'edition' | 'editionLabel' | 'metricKey' | 'metric'
  >,
  display: string,
): CsvRow {
  return {
    ...where,
    value: cell?.value ?? null,
    unit: cell?.unit ?? null,
    qualifier: cell?.qualifier ?? null,
    display,
    sources: cell?.observations ?? 0,
    conflict: cell?.conflict ?? false,
  }
}
