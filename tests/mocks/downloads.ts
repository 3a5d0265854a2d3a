import { afterEach, beforeEach, vi } from 'vitest'

export interface CaughtDownload {
  name: string
  blob: Blob
}

/**
 * The app downloads through a Blob URL and a link's click (src/export/download.ts); jsdom has
 * neither. Call it in a file or a describe block: each test there starts with an empty list, and
 * every file the app would have saved is added to it, with its name and contents.
 */
export function catchDownloads(): Array<CaughtDownload> {
  const downloads: Array<CaughtDownload> = []
  beforeEach(() => {
    downloads.length = 0
    const blobs = new Map<string, Blob>()
    Object.defineProperty(URL, 'createObjectURL', {
      configurable: true,
      value: (blob: Blob) => {
        const url = `blob:test/${blobs.size}`
        blobs.set(url, blob)
        return url
      },
    })
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      const blob = blobs.get(this.href)
      if (blob) downloads.push({ name: this.download, blob })
    })
  })
  afterEach(() => {
    Reflect.deleteProperty(URL, 'createObjectURL')
    Reflect.deleteProperty(URL, 'revokeObjectURL')
  })
  return downloads
}
