import { formatEdition } from '../app/format'
import type { Summary } from '../pipeline/schema'

/** The names an article's ids stand for, looked up in the summary's catalog. */
export interface CatalogNames {
  /** "jingan" -> "Jing'an"; an id the catalog lacks is shown as it is. */
  district: (id: string) => string
  /** 6 -> "6th (2023)". */
  edition: (edition: number) => string
  /** "partners" -> "Partners". */
  metric: (key: string) => string
  /** "suhe-bay" -> "Suhe Bay". */
  zone: (id: string) => string
}

type Catalog = Pick<Summary, 'districts' | 'editions' | 'metrics' | 'zones'>

/** Lookups over the catalog, built once per summary. */
export function catalogNames(catalog: Catalog): CatalogNames {
  const districts = new Map(catalog.districts.map((d) => [d.id as string, d.en]))
  const years = new Map(catalog.editions.map((e) => [e.edition, e.year]))
  const metrics = new Map(catalog.metrics.map((m) => [m.key as string, m.en]))
  const zones = new Map(catalog.zones.map((z) => [z.id, z.en]))
  return {
    district: (id) => districts.get(id) ?? id,
    edition: (edition) => formatEdition(edition, years.get(edition)),
    metric: (key) => metrics.get(key) ?? key,
    zone: (id) => zones.get(id) ?? id,
  }
}
