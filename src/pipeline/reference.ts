import districtsJson from '../../data/districts.json'
import editionsJson from '../../data/editions.json'
import metricsJson from '../../data/metrics.json'
import * as v from 'valibot'
import {
  CatalogSchema,
  DistrictsFileSchema,
  EditionsFileSchema,
  MetricsFileSchema,
  SCHEMA_VERSION,
  type Catalog,
  type DistrictsFile,
  type DistrictId,
  type Edition,
} from './schema'
import { matchesOf } from './matches'

let districtsFile: DistrictsFile | undefined
let catalog: Catalog | undefined

/** data/districts.json, validated once per process. */
const getDistrictsFile = () => (districtsFile ??= v.parse(DistrictsFileSchema, districtsJson))

/**
 * The hand-reviewed reference data in data/*.json, validated once per process. JSON imports (not
 * fs) keep the pipeline runnable in the browser.
 */
export function loadCatalog(): Catalog {
  catalog ??= v.parse(CatalogSchema, {
    schemaVersion: SCHEMA_VERSION,
    districts: getDistrictsFile().districts,
    zones: getDistrictsFile().zones,
    editions: v.parse(EditionsFileSchema, editionsJson).editions,
    metrics: v.parse(MetricsFileSchema, metricsJson).metrics,
  })
  return catalog
}

/** A place name found in a sentence: a district, or a zone that belongs to one. */
export interface PlaceMention {
  start: number
  end: number
  /** null for a zone that spans districts (the Hongqiao hub) until the text names one. */
  district: DistrictId | null
  zone: string | null
}

export interface Gazetteer {
  findPlaces(text: string): Array<PlaceMention>
  editionByYear(year: number): Edition | undefined
  edition(edition: number): Edition | undefined
  /** The article's edition-to-year rule needs the first and last edition on record. */
  editions: ReadonlyArray<Edition>
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Curly and straight apostrophes are the same letter to a reader ("Jing’an" is "Jing'an"). */
const aliasPattern = (alias: string) =>
  escapeRegExp(alias).replace(/'/g, "['’‘`]").replace(/ /g, '\\s+')

export function buildGazetteer(catalog: Catalog, notDistricts: ReadonlyArray<string>): Gazetteer {
  type Entry = { alias: string; district: DistrictId | null; zone: string | null }
  const entries: Array<Entry> = [
    ...catalog.zones.flatMap((zone) =>
      zone.aliases.map((alias) => ({ alias, district: zone.district, zone: zone.id })),
    ),
    ...catalog.districts.flatMap((district) =>
      district.aliases.map((alias) => ({ alias, district: district.id, zone: null })),
    ),
    // Matched so that they hide the district name inside them, then dropped.
    ...notDistricts.map((alias) => ({ alias, district: null, zone: '' })),
  ]
  // Longest first, so "West Hongqiao Business District" wins over "West Hongqiao".
  entries.sort((a, b) => b.alias.length - a.alias.length || a.alias.localeCompare(b.alias))
  // Each alias is tried only where a word it starts with stands: one Map look-up per word
  // instead of a 150-way alternation at every character. The aliases of one first word are one
  // sticky alternation, longest first, with a group each to tell which one matched.
  const entriesByFirstWord = new Map<string, Array<Entry>>()
  for (const entry of entries) {
    const key = firstWordOf(entry.alias)
    entriesByFirstWord.set(key, [...(entriesByFirstWord.get(key) ?? []), entry])
  }
  const byFirstWord = new Map(
    Array.from(entriesByFirstWord, ([key, group]) => {
      const alternatives = group.map((entry) => `(${aliasPattern(entry.alias)}(?![\\p{L}\\p{N}]))`)
      return [key, { pattern: new RegExp(alternatives.join('|'), 'uy'), entries: group }]
    }),
  )

  return {
    findPlaces(text) {
      const mentions: Array<PlaceMention> = []
      let skipUntil = 0
      for (const word of matchesOf(WORD_START, text)) {
        if (word.index < skipUntil) continue
        const group = byFirstWord.get(word[0])
        if (!group) continue
        // Case-sensitive on purpose: names are proper nouns ("the bund" is not The Bund).
        group.pattern.lastIndex = word.index
        const match = group.pattern.exec(text)
        if (!match) continue
        // Group n holds the alias entries[n - 1].
        const entry = group.entries[match.findIndex((value, index) => index > 0 && value) - 1]
        if (!entry) continue
        skipUntil = word.index + match[0].length
        // "Yuyuan Road" is a street, not the Yuyuan area.
        const street =
          entry.zone &&
          !/\s/.test(entry.alias) &&
          STREET.test(text.slice(skipUntil, skipUntil + 12))
        if (entry.zone !== '' && !street) {
          mentions.push({
            start: word.index,
            end: skipUntil,
            district: entry.district,
            zone: entry.zone,
          })
        }
      }
      return mentions
    },
    editionByYear: (year) => catalog.editions.find((edition) => edition.year === year),
    edition: (number) => catalog.editions.find((edition) => edition.edition === number),
    editions: catalog.editions,
  }
}

// Where a name can start: a capital or digit ("Jing’an-based" holds "Jing"; "G60" is one
// word), or "the" of "the Bund". Every alias starts so (a test checks it).
const WORD_START = /[A-Z0-9][A-Za-z0-9]*|\bthe\b/g
const STREET = /^\s(?:Road|Street|Avenue|Lu)\b/
const firstWordOf = (alias: string) => alias.match(/^[\p{L}\p{N}]+/u)?.[0] ?? alias

let defaultGazetteer: Gazetteer | undefined
/** The gazetteer built from data/*.json, made once per process. */
export function getGazetteer(): Gazetteer {
  defaultGazetteer ??= buildGazetteer(loadCatalog(), getDistrictsFile().notDistricts)
  return defaultGazetteer
}
