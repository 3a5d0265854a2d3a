import { figurePngFile, type ExportFile } from '../export/export-figure'
import type { FigureSpec } from '../export/figure-spec'
import { zipFiles, type ZipEntry } from '../export/zip'
import { t } from '../i18n/i18n'

/**
 * "Download all" on the report page: every figure as a 'document' PNG, numbered in the report's
 * order, in one ZIP. The page imports this module on click, so fflate and the PNG encoding load
 * only when someone downloads. Everything happens in the browser.
 */

/**
 * The file names inside the ZIP, in order: `01_<file stem>.png`. The number keeps the report's
 * order in any file browser and makes every name unique, even for two copies of one chart.
 */
export function reportZipEntries(items: ReadonlyArray<{ spec: Pick<FigureSpec, 'fileStem'> }>) {
  const digits = Math.max(2, String(items.length).length)
  return items.map((item, i) => `${String(i + 1).padStart(digits, '0')}_${item.spec.fileStem}.png`)
}

/** `ciie-report_2023-11-10.zip`, dated in the user's own time zone. */
export function reportZipName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `ciie-report_${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.zip`
}

/**
 * Draws each figure as a PNG, one after the other (each needs a canvas at twice A4 width), and
 * packs them. `onProgress(n, total)` is called before figure n is drawn. A figure that cannot be
 * drawn stops the download with an error that names it.
 */
export async function buildReportZip(
  items: ReadonlyArray<{ spec: FigureSpec }>,
  onProgress: (n: number, total: number) => void,
  now = new Date(),
): Promise<ExportFile> {
  const names = reportZipEntries(items)
  const files: Array<ZipEntry> = []
  for (const [i, item] of items.entries()) {
    onProgress(i + 1, items.length)
    try {
      const png = await figurePngFile(item.spec, 'document')
      files.push({
        name: names[i] ?? png.fileName,
        data: new Uint8Array(await png.blob.arrayBuffer()),
      })
    } catch (error) {
      const reason = error instanceof Error && error.message ? ` ${error.message}` : ''
      const message = t('report.zip.notDrawn', { number: i + 1, title: item.spec.title })
      throw new Error(`${message}${reason}`, { cause: error })
    }
  }
  return {
    blob: new Blob([zipFiles(files)], { type: 'application/zip' }),
    fileName: reportZipName(now),
  }
}
