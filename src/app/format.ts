import type { Observation, Qualifier, Scope, Unit } from '../pipeline/schema'

/**
 * Numbers as the articles state them. Amounts are never converted: a sum reported in yuan stays
 * in yuan, and a figure the article gives in a second currency is shown as given.
 */

const LOCALE = 'en-US'

const plain = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 })
/** Scaled amounts keep three decimals so "1.235 billion" is not rounded into a different claim. */
const scaled = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 3 })

const SCALES = [
  { size: 1e12, word: 'trillion' },
  { size: 1e9, word: 'billion' },
  { size: 1e6, word: 'million' },
] as const

/** 700000000 -> "700 million", 1200000000 -> "1.2 billion", 50000 -> "50,000". */
export function formatLargeNumber(value: number): string {
  for (const { size, word } of SCALES) {
    if (Math.abs(value) >= size) return `${scaled.format(value / size)} ${word}`
  }
  return plain.format(value)
}

/**
 * An amount in its own unit: "26", "100,000 sqm", "1.2 million sqm", "12%", "US$700 million",
 * "1.2 billion yuan".
 */
export function formatAmount(value: number, unit: Unit): string {
  switch (unit) {
    case 'count':
      return formatLargeNumber(value)
    case 'sqm':
      return `${formatLargeNumber(value)} sqm`
    case 'percent':
      return `${plain.format(value)}%`
    case 'USD':
      return `US$${formatLargeNumber(value)}`
    case 'CNY':
      return `${formatLargeNumber(value)} yuan`
  }
}

const QUALIFIER_WORDS: Record<Exclude<Qualifier, 'exact'>, string> = {
  more_than: 'more than',
  about: 'about',
  nearly: 'nearly',
  at_least: 'at least',
  up_to: 'up to',
}

/** Below this, counts and areas are written in full digits, so "more than" can be a "+". */
const PLUS_LIMIT = 1e6

/**
 * An amount with its qualifier: "80+", "100,000+ sqm", "about 20", "nearly 1.2 billion yuan".
 * "More than" becomes a "+" right after a number written in digits (counts, square metres);
 * after a scale word or money it reads badly ("US$700 million+", "2 million+"), so those keep
 * the words.
 */
export function formatQuantity(value: number, unit: Unit, qualifier: Qualifier): string {
  if (qualifier === 'exact') return formatAmount(value, unit)
  if (qualifier === 'more_than' && Math.abs(value) < PLUS_LIMIT) {
    if (unit === 'count') return `${plain.format(value)}+`
    if (unit === 'sqm') return `${plain.format(value)}+ sqm`
  }
  return `${QUALIFIER_WORDS[qualifier]} ${formatAmount(value, unit)}`
}

/** The value column of an observation. */
export function formatObservationValue(
  observation: Pick<Observation, 'value' | 'unit' | 'qualifier'>,
): string {
  return formatQuantity(observation.value, observation.unit, observation.qualifier)
}

/** The same amount in the other currency, as the article gave it in brackets. */
export function formatConversion(conversion: Observation['conversion']): string | null {
  if (conversion === null) return null
  return `given as ${formatAmount(conversion.value, conversion.unit)} in the article`
}

const SCOPE_LABELS: Record<Scope, string> = {
  ciie: 'CIIE activity',
  profile: 'District profile',
  company: 'Company figure',
}

/** What the number describes: the district's expo activity, the district itself, or one firm. */
export function formatScope(scope: Scope): string {
  return SCOPE_LABELS[scope]
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "2023-11-27" -> "27 Nov 2023", the same in every time zone. Returns the input if unreadable. */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date)
}

/** 1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd". */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
  return `${n}${suffix}`
}

/**
 * An edition as a category, not a date: "6th (2023)". The year comes from the catalog; without
 * it the edition's number alone is shown.
 */
export function formatEdition(edition: number, year?: number | null): string {
  return year ? `${ordinal(edition)} (${year})` : ordinal(edition)
}

/** A sum over districts: "≥ 1,280" when a part is a lower bound, never a plain number then. */
export function formatTotal(value: number, unit: Unit, qualifier: Qualifier): string {
  const amount = formatAmount(value, unit)
  switch (qualifier) {
    case 'exact':
      return amount
    case 'more_than':
    case 'at_least':
      return `≥ ${amount}`
    case 'nearly':
    case 'up_to':
      return `≤ ${amount}`
    case 'about':
      return `≈ ${amount}`
  }
}

/** The text used where a cell has no value: never a zero. */
export const NOT_REPORTED = 'not reported'

/** What a unit is called in a chart title: "Investment (US$)". */
export const UNIT_NAMES: Record<Unit, string> = {
  count: 'number',
  CNY: 'yuan',
  USD: 'US$',
  sqm: 'square metres',
  percent: '%',
}
