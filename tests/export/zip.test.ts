import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { zipFiles } from '../../src/export/zip'

const bytes = (...values: number[]) => new Uint8Array(values)
/** The eight bytes every PNG starts with, then some made-up content. */
const fakePng = (n: number) => bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, n, n + 1)

describe('zipFiles', () => {
  it('writes files that unzip to the same names and bytes, in the given order', () => {
    const files = [
      { name: '02_second.png', data: fakePng(2) },
      { name: '01_first.png', data: fakePng(1) },
    ]
    const unzipped = unzipSync(zipFiles(files))

    expect(Object.keys(unzipped)).toEqual(['02_second.png', '01_first.png'])
    expect(unzipped['02_second.png']).toEqual(fakePng(2))
    expect(unzipped['01_first.png']).toEqual(fakePng(1))
  })

  it('stores the files without compressing them (PNGs are compressed already)', () => {
    const data = new Uint8Array(4096).fill(7)
    const zip = zipFiles([{ name: 'a.png', data }])

    // The local file header: signature PK\3\4, then compression method 0 (stored) at offset 8.
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    expect(zip[8]).toBe(0)
    expect(zip.length).toBeGreaterThan(data.length)
  })

  it('keeps names with accents and spaces', () => {
    const unzipped = unzipSync(zipFiles([{ name: 'Jing’an report é.png', data: bytes(1) }]))
    expect(Object.keys(unzipped)).toEqual(['Jing’an report é.png'])
  })

  it('writes an empty archive for no files', () => {
    expect(unzipSync(zipFiles([]))).toEqual({})
  })

  it('refuses two files with the same name rather than keep only one', () => {
    expect(() =>
      zipFiles([
        { name: 'same.png', data: bytes(1) },
        { name: 'same.png', data: bytes(2) },
      ]),
    ).toThrow(/Two files are called “same.png”/)
  })

  it('refuses a bare number as a name, which would be moved to the front', () => {
    expect(() =>
      zipFiles([
        { name: 'a.png', data: bytes(1) },
        { name: '2', data: bytes(2) },
      ]),
    ).toThrow(/bare number/)
  })
})
