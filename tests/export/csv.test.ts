import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvField, csvRowOf, toCsv } from '../../src/export/csv'

const where = {
  districtId: 'jingan',
  district: "Jing'an",
  edition: 6,
  editionLabel: '6th (2023)',
  metricKey: 'partners',
  metric: 'Partners',
}

/** A minimal RFC 4180 reader, to check that what we write reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i++
    } else field += c
  }
  return rows
}

describe('csvField', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField("Jing'an")).toBe("Jing'an")
    expect(csvField('a, b')).toBe('"a, b"')
    expect(csvField('say "more"')).toBe('"say ""more"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(null)).toBe('')
    expect(csvField(1200000000)).toBe('1200000000')
  })
})

describe('toCsv', () => {
  it('starts with a BOM and a header, ends lines with CRLF', () => {
    const csv = toCsv([])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toBe(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`)
  })

  it('writes one row per cell that reads back field for field', () => {
    const reported = csvRowOf(
      {
        district: 'jingan',
        edition: 6,
        metric: 'partners',
        value: 80,
        unit: 'count',
        qualifier: 'more_than',
        observations: 2,
        conflict: true,
      },
      where,
      '80+',
    )
    const missing = csvRowOf(undefined, { ...where, district: '静安, "Jing\'an"' }, 'not reported')
    const rows = parseCsv(toCsv([reported, missing]).slice(1))
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(rows[1]).toEqual([
      'jingan',
      "Jing'an",
      '6',
      '6th (2023)',
      'partners',
      'Partners',
      '80',
      'count',
      'more_than',
      '80+',
      '2',
      'yes',
    ])
    // Not reported stays empty, never 0; Chinese text and quotes survive.
    expect(rows[2]?.slice(1, 2)).toEqual(['静安, "Jing\'an"'])
    expect(rows[2]?.slice(6, 12)).toEqual(['', '', '', 'not reported', '0', 'no'])
  })
})
