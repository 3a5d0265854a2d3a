import { describe, expect, it } from 'vitest'
import { activateLocale } from '../../src/i18n/i18n'
import { csvColumns, csvField, csvRowOf, toCsv } from '../../src/export/csv'

const ENGLISH_HEADER = [
  'district_id',
  'district',
  'edition',
  'edition_label',
  'metric_key',
  'metric',
  'value',
  'unit',
  'qualifier',
  'value_as_reported',
  'sources',
  'sources_disagree',
]

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
    expect(csv).toBe(`\uFEFF${ENGLISH_HEADER.join(',')}\r\n`)
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
    expect(rows[0]).toEqual(ENGLISH_HEADER)
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

  it('writes the header and yes/no in Chinese when exported in Chinese, ids and codes unchanged', () => {
    activateLocale('zh')
    const row = csvRowOf(
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
      { ...where, district: '静安区', editionLabel: '第六届进博会', metric: '合作伙伴' },
      '超过80家',
    )
    const missing = csvRowOf(undefined, { ...where, district: '青浦区' }, '未见报道')
    const rows = parseCsv(toCsv([row, missing]).slice(1))
    expect(rows[0]).toEqual([
      '区代码',
      '区',
      '届次',
      '届次名称',
      '指标代码',
      '指标',
      '数值',
      '单位',
      '限定词',
      '报道原文数值',
      '来源数',
      '来源是否不一致',
    ])
    expect(csvColumns()).toEqual(rows[0])
    expect(rows[1]).toEqual([
      'jingan',
      '静安区',
      '6',
      '第六届进博会',
      'partners',
      '合作伙伴',
      '80',
      'count',
      'more_than',
      '超过80家',
      '2',
      '是',
    ])
    expect(rows[2]?.slice(6, 12)).toEqual(['', '', '', '未见报道', '0', '否'])
  })
})
