/** A file made in the browser, ready to save. */
export interface ExportFile {
  blob: Blob
  fileName: string
}

/** Saves a file through the browser's download, with no network involved. */
export function downloadFile({ blob, fileName }: ExportFile): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // Revoke later: the download starts asynchronously in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** Text (an article file, corrections) saved as a file of the given type. */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadFile({ blob: new Blob([text], { type }), fileName })
}
