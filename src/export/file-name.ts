import { ordinal } from '../app/format'

/**
 * File names that say what is inside, e.g. `ciie-6th-2023_agreements-signed_by-district.png`:
 * lower case, ASCII letters, digits and hyphens, parts joined by underscores.
 */
export function exportFileName(parts: {
  edition?: { edition: number; year: number } | null
  /** The metric's label or key: "Agreements signed". */
  metric?: string | null
  /** District names or ids, in the order shown. */
  districts?: ReadonlyArray<string>
  /** What the chart lays out: "by-district", "by-edition", "compare". */
  view: string
  extension: 'png' | 'svg' | 'csv' | 'zip'
}): string {
  const pieces = [
    parts.edition ? `ciie-${ordinal(parts.edition.edition)}-${parts.edition.year}` : 'ciie',
    parts.metric ? slug(parts.metric) : '',
    parts.districts && parts.districts.length > 0 ? parts.districts.map(slug).join('-') : '',
    slug(parts.view),
  ].filter((piece) => piece !== '')
  return `${pieces.join('_')}.${parts.extension}`
}

/** "Jing'an" -> "jingan", "Agreements signed" -> "agreements-signed", "agreements_signed" too. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chart'
  )
}
