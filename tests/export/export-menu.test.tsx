import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ExportMenu } from '../../src/export/export-menu'
import { activateLocale } from '../../src/i18n/i18n'
import type { FigureSpec } from '../../src/export/figure-spec'
import { getReport, clearReport, resetReportCache } from '../../src/export/report-store'

/** A labelled synthetic figure: two districts, one not reported. */
const spec: FigureSpec = {
  title: 'Partners by district',
  subtitle: '6th CIIE (2023) · 1 of 2 districts report it',
  chart: {
    kind: 'bars',
    rows: [
      {
        key: 'a|6|partners',
        label: 'District A',
        value: 80,
        display: '80+',
        qualifier: 'more_than',
        conflict: false,
        color: '#1f77b4',
      },
      {
        key: 'b|6|partners',
        label: 'District B',
        value: null,
        display: 'not reported',
        qualifier: null,
        conflict: false,
        color: '#ff7f0e',
      },
    ],
  },
  legend: [],
  notes: [],
  sources: 'Source: “A synthetic article” (6 Nov 2023).',
  built: 'CIIE District Dashboard, built 15 Jan 2026.',
  fileStem: 'ciie-6th-2023_partners_by-district',
  csv: [
    {
      districtId: 'a',
      district: 'District A',
      edition: 6,
      editionLabel: '6th (2023)',
      metricKey: 'partners',
      metric: 'Partners',
      value: 80,
      unit: 'count',
      qualifier: 'more_than',
      display: '80+',
      sources: 1,
      conflict: false,
    },
  ],
}

let downloads: Array<{ name: string; blob: Blob }> = []
const blobs = new Map<string, Blob>()

beforeEach(() => {
  localStorage.clear()
  resetReportCache()
  downloads = []
  let n = 0
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        n += 1
        blobs.set(`blob:test/${n}`, blob)
        return `blob:test/${n}`
      },
      revokeObjectURL: () => undefined,
    }),
  )
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)
    if (blob) downloads.push({ name: this.download, blob })
  })
})
afterEach(() => {
  clearReport()
  vi.unstubAllGlobals()
})

function setup() {
  const figure = vi.fn(() => Promise.resolve(spec))
  render(<ExportMenu figure={figure} />)
  return { figure, user: userEvent.setup() }
}

describe('ExportMenu', () => {
  it('opens from the keyboard, moves with arrows and closes with Escape back on the button', async () => {
    const { user } = setup()
    const button = screen.getByRole('button', { name: 'Export' })
    expect(button).toHaveAttribute('aria-expanded', 'false')
    button.focus()
    await user.keyboard('{Enter}')
    const menu = screen.getByRole('menu')
    expect(button).toHaveAttribute('aria-expanded', 'true')
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent)
    expect(items).toEqual([
      'Download PNG',
      'Download SVG',
      'Download CSV',
      'Copy image',
      'Add to report',
    ])
    const sizes = screen.getAllByRole('menuitemradio')
    expect(sizes.map((s) => s.getAttribute('aria-label'))).toEqual([
      'Slide 16:9, 1920 × 1080',
      'Document, A4 width',
      'Square, 1080 × 1080',
      'As on screen, 2× sharper',
    ])
    expect(screen.getByRole('menuitemradio', { name: 'Document, A4 width' })).toHaveAttribute(
      'aria-checked',
      'true',
    )
    expect(sizes[0]).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(screen.getByRole('menuitem', { name: 'Add to report' })).toHaveFocus()
    await user.keyboard('{Home}{ArrowDown}')
    expect(sizes[1]).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(menu).not.toBeInTheDocument()
    expect(button).toHaveFocus()
  })

  it('remembers the chosen size across menus', async () => {
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: 'Export' }))
    expect(screen.getByRole('menuitemradio', { name: /Document/ })).toHaveAttribute(
      'aria-checked',
      'true',
    )
    await user.click(screen.getByRole('menuitemradio', { name: /Square/ }))
    expect(screen.getByRole('menuitemradio', { name: /Square/ })).toHaveAttribute(
      'aria-checked',
      'true',
    )
    expect(localStorage.getItem('ciie-dashboard.export-preset')).toBe('square')
  })

  it('downloads the CSV with a descriptive name, BOM first', async () => {
    const { user, figure } = setup()
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'Download CSV' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(figure).toHaveBeenCalledTimes(1)
    expect(downloads[0]?.name).toBe('ciie-6th-2023_partners_by-district.csv')
    const bytes = new Uint8Array((await downloads[0]?.blob.arrayBuffer()) ?? new ArrayBuffer(0))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes)
    expect(text.split('\r\n')[1]).toBe(
      'a,District A,6,6th (2023),partners,Partners,80,count,more_than,80+,1,no',
    )
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Downloaded ciie-6th-2023_partners_by-district.csv',
    )
  })

  it('downloads an SVG that holds the title', async () => {
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'Download SVG' }))
    await waitFor(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]?.name).toBe('ciie-6th-2023_partners_by-district.svg')
    const svg = (await downloads[0]?.blob.text()) ?? ''
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
    expect(doc.querySelector('parsererror')).toBeNull()
    expect(svg).toContain('Partners by district')
  })

  it('adds the figure to the report and says so', async () => {
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'Add to report' }))
    expect(await screen.findByText(/Added to the report \(1 figure\)/)).toBeInTheDocument()
    expect(getReport().items.map((item) => item.spec.title)).toEqual(['Partners by district'])
  })

  it('explains a failure in plain words', async () => {
    const user = userEvent.setup()
    render(<ExportMenu figure={() => Promise.reject(new Error('the evidence did not load'))} />)
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'Download CSV' }))
    expect(
      await screen.findByText(/The export failed: the evidence did not load\. Please try again\./),
    ).toBeInTheDocument()
    expect(downloads).toHaveLength(0)
  })

  it('closes when the user clicks elsewhere', async () => {
    const { user } = setup()
    await user.click(screen.getByRole('button', { name: 'Export' }))
    expect(screen.getByRole('menu')).toBeInTheDocument()
    await user.click(document.body)
    expect(screen.queryByRole('menu')).not.toBeInTheDocument()
  })

  it('opens towards the page: from the right edge, or from the left near the screen edge', async () => {
    const { user } = setup()
    const button = screen.getByRole('button', { name: 'Export' })
    const at = (right: number) =>
      vi.spyOn(button, 'getBoundingClientRect').mockReturnValue(new DOMRect(right - 80, 0, 80, 30))
    at(1000)
    await user.click(button)
    expect(screen.getByRole('menu')).not.toHaveClass('export-menu__list--start')
    await user.keyboard('{Escape}')
    at(120)
    await user.click(button)
    expect(screen.getByRole('menu')).toHaveClass('export-menu__list--start')
  })

  describe('in Chinese', () => {
    /** The same figure as the views build it in Chinese. */
    const zhSpec: FigureSpec = {
      ...spec,
      title: '各区合作伙伴数量',
      subtitle: '第六届进博会（2023）· 2个区中有1个区有报道',
      chart: {
        kind: 'bars',
        rows:
          spec.chart.kind === 'bars'
            ? spec.chart.rows.map((row, i) => ({
                ...row,
                label: i === 0 ? '静安区' : '青浦区',
                display: i === 0 ? '超过80家' : '未见报道',
              }))
            : [],
      },
      csv: spec.csv.map((row) => ({
        ...row,
        district: '静安区',
        editionLabel: '第六届进博会',
        metric: '合作伙伴',
        display: '超过80家',
      })),
    }

    function setupZh() {
      activateLocale('zh')
      render(<ExportMenu figure={() => Promise.resolve(zhSpec)} />)
      return userEvent.setup()
    }

    it('names the button, the sizes and the actions in Chinese', async () => {
      const user = setupZh()
      await user.click(screen.getByRole('button', { name: '导出' }))
      expect(screen.getByRole('menu', { name: '导出选项' })).toBeInTheDocument()
      expect(screen.getByRole('group', { name: '图片尺寸' })).toBeInTheDocument()
      expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
        '下载 PNG',
        '下载 SVG',
        '下载 CSV',
        '复制图片',
        '加入报告',
      ])
      expect(screen.getAllByRole('menuitemradio').map((s) => s.getAttribute('aria-label'))).toEqual(
        [
          '幻灯片 16:9，1920 × 1080',
          '文档，A4 纸宽',
          '正方形，1080 × 1080',
          '与屏幕一致，2 倍清晰度',
        ],
      )
    })

    it('downloads a CSV with Chinese headers and names, and says so in Chinese', async () => {
      const user = setupZh()
      await user.click(screen.getByRole('button', { name: '导出' }))
      await user.click(screen.getByRole('menuitem', { name: '下载 CSV' }))
      await waitFor(() => expect(downloads).toHaveLength(1))
      expect(downloads[0]?.name).toBe('ciie-6th-2023_partners_by-district.csv')
      const text = (await downloads[0]?.blob.text()) ?? ''
      const [header, row] = text.replace(/^\uFEFF/, '').split('\r\n')
      expect(header).toBe(
        '区代码,区,届次,届次名称,指标代码,指标,数值,单位,限定词,报道原文数值,来源数,来源是否不一致',
      )
      expect(row).toBe('a,静安区,6,第六届进博会,partners,合作伙伴,80,count,more_than,超过80家,1,否')
      expect(await screen.findByRole('status')).toHaveTextContent(
        '已下载 ciie-6th-2023_partners_by-district.csv。',
      )
    })

    it('writes the SVG with the Chinese title, labels and not-reported mark as text', async () => {
      const user = setupZh()
      await user.click(screen.getByRole('button', { name: '导出' }))
      await user.click(screen.getByRole('menuitem', { name: '下载 SVG' }))
      await waitFor(() => expect(downloads).toHaveLength(1))
      const svg = (await downloads[0]?.blob.text()) ?? ''
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
      expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN')
      expect(doc.documentElement.getAttribute('font-family')).toContain('Noto Sans CJK SC')
      const texts = [...doc.querySelectorAll('text')].map((node) => node.textContent ?? '')
      expect(texts.join('')).toContain('各区合作伙伴数量')
      expect(texts).toEqual(expect.arrayContaining(['静安区', '青浦区', '超过80家', '未见报道']))
    })

    it('says a report was added, and a failure, in Chinese', async () => {
      const user = setupZh()
      await user.click(screen.getByRole('button', { name: '导出' }))
      await user.click(screen.getByRole('menuitem', { name: '加入报告' }))
      expect(await screen.findByText(/已加入报告（共 1 张图）/)).toBeInTheDocument()
    })
  })
})
