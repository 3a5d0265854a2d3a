import { describe, expect, it } from 'vitest'
import { crc32, readPngText, withPngText } from '../../src/export/png'

/** The smallest valid PNG: 1×1, one white pixel (signature, IHDR, IDAT, IEND). */
const ONE_PIXEL_PNG = Uint8Array.from(
  atob(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC',
  ),
  (c) => c.charCodeAt(0),
)

function chunkTypes(png: Uint8Array): Array<string> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  const types: Array<string> = []
  for (let offset = 8; offset + 8 <= png.length;) {
    const length = view.getUint32(offset)
    types.push(new TextDecoder().decode(png.subarray(offset + 4, offset + 8)))
    offset += 12 + length
  }
  return types
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926)
  })

  it('matches the CRCs of a real PNG', () => {
    // IHDR's CRC covers its type and data: bytes 12..29, stored at 29..33.
    const view = new DataView(ONE_PIXEL_PNG.buffer)
    expect(crc32(ONE_PIXEL_PNG.subarray(12, 29))).toBe(view.getUint32(29))
  })
})

describe('withPngText', () => {
  it('puts the title and source after IHDR, readable back, Chinese included', () => {
    const tagged = withPngText(ONE_PIXEL_PNG, {
      Title: 'Partners by district',
      Source: 'Sources: “浦东新区” (6 Nov 2023).',
    })
    expect(chunkTypes(tagged)).toEqual(['IHDR', 'iTXt', 'iTXt', 'IDAT', 'IEND'])
    expect(readPngText(tagged)).toEqual({
      Title: 'Partners by district',
      Source: 'Sources: “浦东新区” (6 Nov 2023).',
    })
    // The image data itself is untouched.
    expect(tagged.subarray(tagged.length - 12)).toEqual(ONE_PIXEL_PNG.subarray(-12))
  })

  it('skips empty entries', () => {
    const tagged = withPngText(ONE_PIXEL_PNG, { Title: 'T', Description: '' })
    expect(chunkTypes(tagged)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND'])
  })

  it('writes chunk CRCs a decoder accepts', () => {
    const tagged = withPngText(ONE_PIXEL_PNG, { Title: 'Agreements signed' })
    const view = new DataView(tagged.buffer)
    const length = view.getUint32(33)
    expect(crc32(tagged.subarray(37, 41 + length))).toBe(view.getUint32(41 + length))
  })
})
