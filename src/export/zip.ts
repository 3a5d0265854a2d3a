import { zipSync, type Zippable } from 'fflate'

/**
 * One ZIP archive from files, in the browser. The only module that imports fflate, and it is
 * loaded on demand (the report's "Download all"), so no page pays for it up front.
 */

export interface ZipEntry {
  /** The path inside the archive, e.g. `01_ciie-6th-2023_partners_by-district.png`. */
  name: string
  data: Uint8Array
}

/** A name JavaScript enumerates before all others in an object (an array index). */
const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/

/**
 * Writes the files, in the given order, as one archive. Stored, not deflated: the files it is
 * made for are PNGs, which are compressed already. Throws on a repeated name (the second file
 * would replace the first) and on a bare number as a name (fflate takes the files from an
 * object, whose numeric keys come first, so the order would silently change).
 */
export function zipFiles(files: ReadonlyArray<ZipEntry>): Uint8Array<ArrayBuffer> {
  const archive: Zippable = {}
  for (const { name, data } of files) {
    if (Object.hasOwn(archive, name)) throw new Error(`Two files are called “${name}”.`)
    if (ARRAY_INDEX.test(name)) throw new Error(`A file name cannot be a bare number: “${name}”.`)
    archive[name] = data
  }
  return zipSync(archive, { level: 0 })
}
