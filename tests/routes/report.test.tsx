import { act, screen, waitFor, within } from '@testing-library/react'
import { unzipSync } from 'fflate'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { paths } from '../../src/app/paths'
import type * as ExportFigure from '../../src/export/export-figure'
import { downloadFile, figurePngFile } from '../../src/export/export-figure'
import {
  addToReport,
  getReport,
  REPORT_STORAGE_KEY,
  resetReportCache,
} from '../../src/export/report-store'
import type * as ReportZip from '../../src/routes/report-zip'
import { buildReportZip, reportZipEntries, reportZipName } from '../../src/routes/report-zip'
import { barsSpec, matrixSpec, panelsSpec } from '../fixtures/figure-specs'
import { renderApp } from '../render-app'

// The PNG drawing needs a real canvas, which jsdom lacks (the end-to-end test downloads for real):
// here the ZIP is built by a stand-in and the file is not saved.
vi.mock('../../src/routes/report-zip', async (importOriginal) => ({
  ...(await importOriginal<typeof ReportZip>()),
  buildReportZip: vi.fn(),
}))
vi.mock('../../src/export/export-figure', async (importOriginal) => ({
  ...(await importOriginal<typeof ExportFigure>()),
  downloadFile: vi.fn(),
  figurePngFile: vi.fn(),
}))

const BARS = 'Agreements signed by district'
const PANELS = 'Partners at each edition'
const MATRIX = 'Projects settled, by district and edition'

function seed(...specs: Array<ReturnType<typeof barsSpec>>) {
  for (const spec of specs) addToReport(spec)
}

async function renderReport() {
  const app = renderApp(paths.report())
  await screen.findByRole('heading', { level: 1, name: 'Report' })
  return app
}

/** The figures' titles in page order, from their headings ("Figure 1: …"). */
function figureTitles() {
  return screen
    .queryAllByRole('figure')
    .map((figure) => within(figure).getByRole('heading', { level: 2 }).textContent)
}

const storedTitles = () =>
  (
    JSON.parse(localStorage.getItem(REPORT_STORAGE_KEY) ?? '[]') as Array<{
      spec: { title: string }
    }>
  ).map((entry) => entry.spec.title)

beforeEach(() => {
  localStorage.clear()
  resetReportCache()
  // jsdom has no canvas and says so on the console; the layout then measures text by estimate.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  localStorage.clear()
  resetReportCache()
})

describe('the report page', () => {
  it('shows the figures in order, each drawn with its title', async () => {
    seed(barsSpec(), panelsSpec(), matrixSpec())
    await renderReport()

    await waitFor(() => expect(document.title).toMatch(/^Report · /))
    expect(figureTitles()).toEqual([
      `Figure 1: ${BARS}`,
      `Figure 2: ${PANELS}`,
      `Figure 3: ${MATRIX}`,
    ])
    const figures = screen.getAllByRole('figure')
    expect(figures[0]).toHaveAccessibleName(`Figure 1: ${BARS}`)
    expect(within(figures[1] as HTMLElement).getByRole('img', { name: PANELS })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: `Move up: ${BARS}` })).toBeDisabled()
    expect(screen.getByRole('button', { name: `Move down: ${MATRIX}` })).toBeDisabled()
    expect(screen.getByRole('button', { name: `Move down: ${BARS}` })).toBeEnabled()
    for (const name of ['Print', 'Download all', 'Clear report'])
      expect(screen.getByRole('button', { name })).toBeVisible()
  })

  it('moves a figure down, keeps focus on its button and remembers the order', async () => {
    seed(barsSpec(), panelsSpec(), matrixSpec())
    const { user } = await renderReport()

    await user.click(screen.getByRole('button', { name: `Move down: ${BARS}` }))
    expect(figureTitles()).toEqual([
      `Figure 1: ${PANELS}`,
      `Figure 2: ${BARS}`,
      `Figure 3: ${MATRIX}`,
    ])
    expect(storedTitles()).toEqual([PANELS, BARS, MATRIX])
    await waitFor(() =>
      expect(screen.getByRole('button', { name: `Move down: ${BARS}` })).toHaveFocus(),
    )
    expect(screen.getByText(`Moved “${BARS}” to position 2 of 3.`)).toBeInTheDocument()

    // At the bottom "Move down" is disabled, so focus goes to the figure's "Move up".
    await user.keyboard('{Enter}')
    expect(storedTitles()).toEqual([PANELS, MATRIX, BARS])
    await waitFor(() =>
      expect(screen.getByRole('button', { name: `Move up: ${BARS}` })).toHaveFocus(),
    )
  })

  it('removes a figure, says so and moves focus to the next figure', async () => {
    seed(barsSpec(), panelsSpec(), matrixSpec())
    const { user } = await renderReport()

    await user.click(screen.getByRole('button', { name: `Remove: ${PANELS}` }))
    expect(figureTitles()).toEqual([`Figure 1: ${BARS}`, `Figure 2: ${MATRIX}`])
    expect(storedTitles()).toEqual([BARS, MATRIX])
    expect(
      screen.getByText(`Removed “${PANELS}” from the report. 2 figures left.`),
    ).toHaveAttribute('aria-live', 'polite')
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: `Figure 2: ${MATRIX}` })).toHaveFocus(),
    )

    // The last figure has no next one: focus goes to the one before.
    await user.click(screen.getByRole('button', { name: `Remove: ${MATRIX}` }))
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: `Figure 1: ${BARS}` })).toHaveFocus(),
    )
    await user.click(screen.getByRole('button', { name: `Remove: ${BARS}` }))
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Report' })).toHaveFocus(),
    )
    expect(screen.getByText(/The report is empty\.$/)).toBeInTheDocument()
  })

  it('saves the note as it is typed and shows it again after a reload', async () => {
    seed(barsSpec(), panelsSpec())
    const { user, unmount } = await renderReport()

    const note = screen.getByRole('textbox', { name: 'Note under figure 2' })
    expect(note).toHaveAttribute('maxLength', '1000')
    await user.type(note, 'Qingpu joined later.')
    expect(getReport().items.map((item) => item.note)).toEqual(['', 'Qingpu joined later.'])
    expect(localStorage.getItem(REPORT_STORAGE_KEY)).toContain('Qingpu joined later.')

    // In print the note is text under its figure; an empty note prints nothing.
    const [first, second] = screen.getAllByRole('figure') as [HTMLElement, HTMLElement]
    expect(first.querySelector('figcaption')).toBeNull()
    expect(second.querySelector('figcaption')).toHaveTextContent('Qingpu joined later.')

    unmount()
    resetReportCache()
    await renderReport()
    expect(screen.getByRole('textbox', { name: 'Note under figure 2' })).toHaveValue(
      'Qingpu joined later.',
    )
    expect(screen.getByRole('textbox', { name: 'Note under figure 1' })).toHaveValue('')
  })

  it('explains how to add figures when the report is empty', async () => {
    await renderReport()

    expect(screen.getByText('The report is empty')).toBeVisible()
    expect(screen.getByText(/Export → Add to report/, { selector: 'p' })).toBeVisible()
    expect(screen.getByRole('link', { name: 'Go to the overview' })).toHaveAttribute(
      'href',
      paths.overview(),
    )
    expect(screen.queryByRole('button', { name: 'Download all' })).toBeNull()
    expect(screen.queryByRole('figure')).toBeNull()
  })

  it('says calmly how many saved figures could not be read', async () => {
    seed(barsSpec())
    const entries = JSON.parse(localStorage.getItem(REPORT_STORAGE_KEY) ?? '[]') as unknown[]
    localStorage.setItem(REPORT_STORAGE_KEY, JSON.stringify([...entries, { id: 'old', spec: 1 }]))
    resetReportCache()
    await renderReport()

    expect(screen.getByText(/^1 saved figure could not be read and was left out\./)).toBeVisible()
    expect(figureTitles()).toEqual([`Figure 1: ${BARS}`])
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('shows why the report could not be saved', async () => {
    seed(barsSpec())
    const { user } = await renderReport()
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Full', 'QuotaExceededError')
    })

    await user.type(screen.getByRole('textbox', { name: 'Note under figure 1' }), 'A')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /did not let the report be saved, so it will be lost on reload/,
    )
    expect(screen.getByRole('textbox', { name: 'Note under figure 1' })).toHaveValue('A')
  })

  it('clears the report only after a confirmation on the page', async () => {
    seed(barsSpec(), panelsSpec())
    const confirm = vi.spyOn(window, 'confirm')
    const { user } = await renderReport()

    const clear = screen.getByRole('button', { name: 'Clear report' })
    await user.click(clear)
    const question = screen.getByRole('group', { name: /Remove all 2 figures and their notes/ })
    await waitFor(() =>
      expect(within(question).getByRole('button', { name: 'Keep the figures' })).toHaveFocus(),
    )
    await user.click(within(question).getByRole('button', { name: 'Keep the figures' }))
    expect(screen.queryByRole('group', { name: /Remove all/ })).toBeNull()
    expect(figureTitles()).toHaveLength(2)
    await waitFor(() => expect(clear).toHaveFocus())

    await user.click(clear)
    await user.click(
      within(screen.getByRole('group', { name: /Remove all/ })).getByRole('button', {
        name: 'Yes, clear the report',
      }),
    )
    expect(screen.getByText('The report is empty')).toBeVisible()
    expect(localStorage.getItem(REPORT_STORAGE_KEY)).toBe('[]')
    expect(screen.getByText('Cleared the report: 2 figures removed.')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus())
    expect(confirm).not.toHaveBeenCalled()
  })

  it('shows how many figures the report holds in the navigation', async () => {
    // The shell is drawn again once the lazy page has loaded: look the navigation up each time.
    const nav = () => within(screen.getByRole('navigation', { name: 'Main' }))
    const { user } = renderApp(paths.sources())
    await screen.findByRole('heading', { level: 1, name: 'Sources' })
    expect(nav().getByRole('link', { name: 'Report' })).toHaveAttribute('href', '/report')

    act(() => seed(barsSpec(), panelsSpec(), matrixSpec()))
    const link = nav().getByRole('link', { name: 'Report, 3 figures' })
    expect(link).toHaveTextContent(/^Report \(3\)/)

    await user.click(link)
    await user.click(await screen.findByRole('button', { name: `Remove: ${PANELS}` }))
    expect(nav().getByRole('link', { name: 'Report, 2 figures' })).toHaveAttribute(
      'aria-current',
      'page',
    )
  })

  it('shows the progress of "Download all", an error with "Try again", then saves the ZIP', async () => {
    seed(barsSpec(), panelsSpec())
    const build = vi.mocked(buildReportZip)
    let fail: (error: Error) => void = () => undefined
    build.mockImplementationOnce(async (items, onProgress) => {
      onProgress(1, items.length)
      onProgress(2, items.length)
      return new Promise((_, reject) => (fail = reject))
    })
    const zip = { blob: new Blob(['zip']), fileName: 'ciie-report_2023-11-10.zip' }
    build.mockResolvedValueOnce(zip)
    const { user } = await renderReport()

    await user.click(screen.getByRole('button', { name: 'Download all' }))
    expect(await screen.findByText('Preparing 2 of 2…')).toBeVisible()
    expect(screen.getByRole('button', { name: 'Download all' })).toBeDisabled()
    expect(build.mock.calls[0]?.[0].map((item) => item.spec.title)).toEqual([BARS, PANELS])

    fail(new Error('Figure 2, “Partners at each edition”, could not be drawn as an image.'))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The figures could not be downloaded.')
    expect(alert).toHaveTextContent('Figure 2, “Partners at each edition”, could not be drawn')
    expect(downloadFile).not.toHaveBeenCalled()

    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(
      await screen.findByText('Downloaded ciie-report_2023-11-10.zip with 2 figures.'),
    ).toBeVisible()
    expect(downloadFile).toHaveBeenCalledWith(zip)
    expect(screen.queryByRole('alert')).toBeNull()
  })
})

describe('the report ZIP', () => {
  it('numbers the files in the report order', () => {
    const items = [barsSpec(), panelsSpec(), matrixSpec()].map((spec) => ({ spec }))
    expect(reportZipEntries(items)).toEqual([
      '01_ciie-6th-2023_agreements-signed_by-district.png',
      '02_ciie_partners_jingan-qingpu_compare.png',
      '03_ciie_projects-settled_heat-table.png',
    ])
  })

  it('gives two copies of one chart different names', () => {
    const names = reportZipEntries([{ spec: barsSpec() }, { spec: barsSpec() }])
    expect(new Set(names).size).toBe(2)
  })

  it('pads the numbers so a hundred figures still sort in order', () => {
    const names = reportZipEntries(Array.from({ length: 100 }, () => ({ spec: barsSpec() })))
    expect(names[0]).toMatch(/^001_/)
    expect(names[99]).toMatch(/^100_/)
    expect([...names].sort()).toEqual(names)
  })

  it('is named for the local date', () => {
    expect(reportZipName(new Date(2023, 10, 5, 23, 59))).toBe('ciie-report_2023-11-05.zip')
    expect(reportZipName(new Date(2024, 0, 1, 0, 1))).toBe('ciie-report_2024-01-01.zip')
  })

  it('packs one PNG per figure, in order, reporting progress before each', async () => {
    const png = (title: string) => new TextEncoder().encode(`PNG of ${title}`)
    vi.mocked(figurePngFile).mockImplementation(async (spec, preset) => {
      expect(preset).toBe('document')
      return { blob: new Blob([png(spec.title)]), fileName: `${spec.fileStem}.png` }
    })
    const { buildReportZip: build } = await vi.importActual<typeof ReportZip>(
      '../../src/routes/report-zip',
    )
    const progress: Array<string> = []

    const file = await build(
      [barsSpec(), panelsSpec()].map((spec) => ({ spec })),
      (n, total) => progress.push(`${n}/${total}`),
      new Date(2023, 10, 10),
    )

    expect(file.fileName).toBe('ciie-report_2023-11-10.zip')
    expect(file.blob.type).toBe('application/zip')
    const unzipped = unzipSync(new Uint8Array(await file.blob.arrayBuffer()))
    expect(Object.keys(unzipped)).toEqual([
      '01_ciie-6th-2023_agreements-signed_by-district.png',
      '02_ciie_partners_jingan-qingpu_compare.png',
    ])
    expect(Object.values(unzipped).map((bytes) => new TextDecoder().decode(bytes))).toEqual([
      `PNG of ${BARS}`,
      `PNG of ${PANELS}`,
    ])
    expect(progress).toEqual(['1/2', '2/2'])
  })

  it('names the figure that could not be drawn', async () => {
    vi.mocked(figurePngFile)
      .mockResolvedValueOnce({ blob: new Blob(['png']), fileName: 'a.png' })
      .mockRejectedValueOnce(new Error('The image could not be encoded.'))
    const { buildReportZip: build } = await vi.importActual<typeof ReportZip>(
      '../../src/routes/report-zip',
    )

    await expect(
      build([{ spec: barsSpec() }, { spec: panelsSpec() }], () => undefined),
    ).rejects.toThrow(
      `Figure 2, “${PANELS}”, could not be drawn as an image. The image could not be encoded.`,
    )
  })
})
