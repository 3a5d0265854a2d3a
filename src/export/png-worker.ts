/// <reference lib="webworker" />
/**
 * Encodes a figure's bitmap as PNG off the page's main thread: a large PNG takes tens of
 * milliseconds to encode, and on the page itself the browser may wait for an idle moment first.
 */

export interface PngJob {
  id: number
  bitmap: ImageBitmap
  width: number
  height: number
}

export type PngJobResult = { id: number; blob: Blob } | { id: number; error: string }

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = async (event: MessageEvent<PngJob>) => {
  const { id, bitmap, width, height } = event.data
  try {
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d context in the worker')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    context.drawImage(bitmap, 0, 0, width, height)
    bitmap.close()
    const blob = await canvas.convertToBlob({ type: 'image/png' })
    scope.postMessage({ id, blob } satisfies PngJobResult)
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) })
  }
}
