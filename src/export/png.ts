import { t } from '../i18n/i18n'
import type { PngJob, PngJobResult } from './png-worker'

/**
 * SVG to PNG in the browser: the SVG is drawn as an image onto a canvas of the target pixel size
 * (the SVG carries no external references, so the canvas is never tainted), then the PNG gets
 * its title and source as iTXt metadata so the file says what it is in any image viewer.
 */

export interface PngMetadata {
  Title: string
  Description?: string
  Source?: string
}

export async function svgToPng(
  svgText: string,
  pixelWidth: number,
  pixelHeight: number,
  metadata: PngMetadata,
): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const png =
      (await encodeInWorker(image, pixelWidth, pixelHeight)) ??
      (await drawToPng(image, pixelWidth, pixelHeight))
    const bytes = new Uint8Array(await png.arrayBuffer())
    return new Blob([withPngText(bytes, metadata)], { type: 'image/png' })
  } finally {
    URL.revokeObjectURL(url)
  }
}

let worker: Worker | null | undefined
let nextJob = 0
const pending = new Map<number, (result: PngJobResult) => void>()

function pngWorker(): Worker | null {
  if (worker !== undefined) return worker
  try {
    worker = new Worker(new URL('./png-worker.ts', import.meta.url), { type: 'module' })
    worker.onmessage = (event: MessageEvent<PngJobResult>) => {
      pending.get(event.data.id)?.(event.data)
      pending.delete(event.data.id)
    }
    worker.onerror = () => {
      // A worker that cannot start: answer what waits, and draw on the page from now on.
      for (const [id, resolve] of pending) resolve({ id, error: 'the PNG worker failed' })
      pending.clear()
      worker?.terminate()
      worker = null
    }
  } catch {
    worker = null
  }
  return worker
}

/**
 * Encodes in a worker (the page stays responsive, and the browser does not wait for an idle
 * moment to encode, as a page canvas's toBlob may). Null when workers or bitmaps are missing.
 */
async function encodeInWorker(
  image: HTMLImageElement,
  width: number,
  height: number,
): Promise<Blob | null> {
  if (typeof OffscreenCanvas === 'undefined' || typeof createImageBitmap === 'undefined')
    return null
  const target = pngWorker()
  if (!target) return null
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(image)
  } catch {
    return null
  }
  nextJob += 1
  const id = nextJob
  const result = await new Promise<PngJobResult>((resolve) => {
    pending.set(id, resolve)
    target.postMessage({ id, bitmap, width, height } satisfies PngJob, [bitmap])
  })
  return 'blob' in result ? result.blob : null
}

/** On the page: white background, the image, PNG. */
async function drawToPng(image: HTMLImageElement, width: number, height: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (context) {
      paint(context, image, width, height)
      return canvas.convertToBlob({ type: 'image/png' })
    }
  }
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  if (!context) throw new Error(t('export.png.noCanvas'))
  paint(context, image, width, height)
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error(t('export.png.notEncoded')))),
      'image/png',
    ),
  )
}

function paint(
  context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  image: HTMLImageElement,
  width: number,
  height: number,
): void {
  context.fillStyle = '#ffffff'
  context.fillRect(0, 0, width, height)
  context.drawImage(image, 0, 0, width, height)
}

const PNG_SIGNATURE_LENGTH = 8
/** Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC). */
const AFTER_IHDR = PNG_SIGNATURE_LENGTH + 25

/** Inserts iTXt chunks (UTF-8 text, uncompressed) right after the IHDR chunk. */
export function withPngText(png: Uint8Array, metadata: PngMetadata): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder()
  const chunks: Array<Uint8Array> = []
  for (const [keyword, text] of Object.entries(metadata)) {
    if (typeof text !== 'string' || text === '') continue
    // keyword, NUL, compression flag 0, method 0, empty language tag NUL, empty translated NUL
    const data = concat([
      encoder.encode(keyword),
      new Uint8Array([0, 0, 0, 0, 0]),
      encoder.encode(text),
    ])
    chunks.push(pngChunk('iTXt', data))
  }
  return concat([png.subarray(0, AFTER_IHDR), ...chunks, png.subarray(AFTER_IHDR)])
}

/** Reads the iTXt and tEXt entries of a PNG (for tests and for checking a download). */
export function readPngText(png: Uint8Array): Record<string, string> {
  const decoder = new TextDecoder()
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const entries: Record<string, string> = {}
  let offset = PNG_SIGNATURE_LENGTH
  while (offset + 8 <= png.length) {
    const length = view.getUint32(offset)
    const type = decoder.decode(png.subarray(offset + 4, offset + 8))
    const data = png.subarray(offset + 8, offset + 8 + length)
    const nul = data.indexOf(0)
    if ((type === 'iTXt' || type === 'tEXt') && nul > 0) {
      const keyword = decoder.decode(data.subarray(0, nul))
      if (type === 'tEXt') entries[keyword] = decoder.decode(data.subarray(nul + 1))
      else {
        // skip compression flag and method, then the language tag and translated keyword
        let at = nul + 3
        at = data.indexOf(0, at) + 1
        at = data.indexOf(0, at) + 1
        entries[keyword] = decoder.decode(data.subarray(at))
      }
    }
    if (type === 'IEND') break
    offset += 12 + length
  }
  return entries
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = new TextEncoder().encode(type)
  const chunk = new Uint8Array(12 + data.length)
  const view = new DataView(chunk.buffer)
  view.setUint32(0, data.length)
  chunk.set(typeBytes, 4)
  chunk.set(data, 8)
  view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)))
  return chunk
}

function concat(parts: ReadonlyArray<Uint8Array>): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

let crcTable: Uint32Array | null = null

/** CRC-32 as PNG chunks use it (ISO 3309, polynomial 0xEDB88320). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256)
    for (let n = 0; n < 256; n += 1) {
      let c = n
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
      crcTable[n] = c >>> 0
    }
  }
  let crc = 0xffffffff
  for (const byte of bytes) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
