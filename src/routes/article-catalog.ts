import { formatEdition } from '../app/format'
import { currentLocale, localName } from '../i18n/i18n'
import type { Summary } from '../pipeline/schema'

/** The names an article's ids stand for, looked up in the summary's catalog. */
export interface CatalogNames {
  /** "jingan" -> "Jing'an"; an id the catalog lacks is shown as it is. */
  district: (id: string) => string
  /** 6 -> "6th (2023)" (in Chinese "第六届进博会"). */
  edition: (edition: number) => string
  /** "partners" -> "Partners". */
  metric: (key: string) => string
  /** "suhe-bay" -> "Suhe Bay". */
  zone: (id: string) => string
}

type Catalog = Pick<Summary, 'districts' | 'editions' | 'metrics' | 'zones'>

/**
 * Lookups over the catalog, built once per summary. Names are read in the language shown when
 * they are asked for (localName), so the lookups need not be built again after a switch.
 */
export function catalogNames(catalog: Catalog): CatalogNames {
  const districts = new Map(catalog.districts.map((d) => [d.id as string, d]))
  const editions = new Map(catalog.editions.map((e) => [e.edition, e]))
  const metrics = new Map(catalog.metrics.map((m) => [m.key as string, m]))
  const zones = new Map(catalog.zones.map((z) => [z.id, z]))
  const name = (entry: { en: string; zh: string } | undefined, id: string) =>
    entry ? localName(entry) : id
  return {
    district: (id) => name(districts.get(id), id),
    // In English an edition is a category ("6th (2023)"); in Chinese its catalog name says it
    // as officials write it ("第六届进博会").
    edition: (edition) => {
      const entry = editions.get(edition)
      return entry && currentLocale() === 'zh' ? entry.zh : formatEdition(edition, entry?.year)
    },
    metric: (key) => name(metrics.get(key), key),
    zone: (id) => name(zones.get(id), id),
  }
}
