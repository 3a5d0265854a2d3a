import { currentLocale, t } from '../i18n/i18n'
import { LANGUAGE_TAGS, type Locale } from '../i18n/locale'
import type { Observation, Qualifier, Scope, Unit } from '../pipeline/schema'

/**
 * Numbers as the articles state them, in the reader's language: "US$700 million" or "7亿美元",
 * "100,000 sqm" or "10万平方米". Amounts are never converted: a sum reported in yuan stays in
 * yuan, and a figure the article gives in a second currency is shown as given. Every helper reads
 * the language when it is called, so callers need nothing but the value.
 */

interface NumberFormats {
  /** Whole and decimal numbers below the scale words: "50,000", "15.5". */
  plain: Intl.NumberFormat
  /** Numbers with a scale word: "700 million" in English, "7亿" and "10万" in Chinese. */
  large: (value: number) => string
}

/** English scales from a million, so "more than 80" can be a "+" after the digits. */
const ENGLISH_SCALES = [
  { size: 1e12, word: 'trillion' },
  { size: 1e9, word: 'billion' },
  { size: 1e6, word: 'million' },
] as const

function englishFormats(): NumberFormats {
  const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
  // Three decimals so "1.235 billion" is not rounded into a different claim.
  const scaled = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 })
  return {
    plain,
    large: (value) => {
      for (const { size, word } of ENGLISH_SCALES)
        if (Math.abs(value) >= size) return `${scaled.format(value / size)} ${word}`
      return plain.format(value)
    },
  }
}

function chineseFormats(): NumberFormats {
  const plain = new Intl.NumberFormat(LANGUAGE_TAGS.zh, { maximumFractionDigits: 2 })
  // Intl's compact notation counts in 万 and 亿 as Chinese does ("10万", "7亿", "1.2万亿"); four
  // decimals keep 12,345 as "1.2345万", not a rounder claim.
  const compact = new Intl.NumberFormat(LANGUAGE_TAGS.zh, {
    notation: 'compact',
    maximumFractionDigits: 4,
  })
  return { plain, large: (value) => compact.format(value) }
}

const numberFormats = new Map<Locale, NumberFormats>()
function numbers(): NumberFormats {
  const locale = currentLocale()
  let formats = numberFormats.get(locale)
  if (!formats) {
    formats = locale === 'zh' ? chineseFormats() : englishFormats()
    numberFormats.set(locale, formats)
  }
  return formats
}

/** 700000000 -> "700 million" / "7亿", 1200000000 -> "1.2 billion" / "12亿", 50000 -> "50,000" / "5万". */
export function formatLargeNumber(value: number): string {
  return numbers().large(value)
}

/**
 * An amount in its own unit: "26", "100,000 sqm", "1.2 million sqm", "12%", "US$700 million",
 * "1.2 billion yuan"; in Chinese "26", "10万平方米", "12%", "7亿美元", "12亿元".
 */
export function formatAmount(value: number, unit: Unit): string {
  const amount = formatLargeNumber(value)
  switch (unit) {
    case 'count':
      return amount
    case 'sqm':
      return t('app.format.sqm', { amount })
    case 'percent':
      return t('app.format.percent', { amount: numbers().plain.format(value) })
    case 'USD':
      return t('app.format.usd', { amount })
    case 'CNY':
      return t('app.format.cny', { amount })
  }
}

/** "more than 80" / "超过80": the qualifier's words around an amount. */
function qualified(qualifier: Exclude<Qualifier, 'exact'>, amount: string): string {
  switch (qualifier) {
    case 'more_than':
      return t('app.format.moreThan', { amount })
    case 'about':
      return t('app.format.about', { amount })
    case 'nearly':
      return t('app.format.nearly', { amount })
    case 'at_least':
      return t('app.format.atLeast', { amount })
    case 'up_to':
      return t('app.format.upTo', { amount })
  }
}

/** Below this, counts and areas are written in full digits, so "more than" can be a "+". */
const PLUS_LIMIT = 1e6

/**
 * An amount with its qualifier: "80+", "100,000+ sqm", "about 20", "nearly 1.2 billion yuan";
 * in Chinese "超过80", "超过10万平方米", "约20", "近12亿元". In English "more than" becomes a "+"
 * right after a number written in digits (counts, square metres); after a scale word or money it
 * reads badly ("US$700 million+", "2 million+"), so those keep the words. Chinese keeps 超过.
 */
export function formatQuantity(value: number, unit: Unit, qualifier: Qualifier): string {
  if (qualifier === 'exact') return formatAmount(value, unit)
  if (qualifier === 'more_than' && Math.abs(value) < PLUS_LIMIT) {
    const amount = formatLargeNumber(value)
    if (unit === 'count') return t('app.format.countPlus', { amount })
    if (unit === 'sqm') return t('app.format.sqmPlus', { amount })
  }
  return qualified(qualifier, formatAmount(value, unit))
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
  return t('app.format.conversion', { amount: formatAmount(conversion.value, conversion.unit) })
}

/** What the number describes: the district's expo activity, the district itself, or one firm. */
export function formatScope(scope: Scope): string {
  switch (scope) {
    case 'ciie':
      return t('app.scope.ciie')
    case 'profile':
      return t('app.scope.profile')
    case 'company':
      return t('app.scope.company')
  }
}

const DATE_OPTIONS: Record<Locale, Intl.DateTimeFormatOptions> = {
  // "27 Nov 2023": day first, so no reader mistakes the order.
  en: { day: 'numeric', month: 'short', year: 'numeric' },
  // "2023年11月27日"
  zh: { day: 'numeric', month: 'long', year: 'numeric' },
}
const dateFormats = new Map<Locale, Intl.DateTimeFormat>()

/**
 * "2023-11-27" -> "27 Nov 2023" / "2023年11月27日", the same in every time zone. Returns the input
 * if unreadable.
 */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`)
  if (Number.isNaN(date.getTime())) return isoDate
  const locale = currentLocale()
  let format = dateFormats.get(locale)
  if (!format) {
    const tag = locale === 'zh' ? LANGUAGE_TAGS.zh : 'en-GB'
    format = new Intl.DateTimeFormat(tag, { ...DATE_OPTIONS[locale], timeZone: 'UTC' })
    dateFormats.set(locale, format)
  }
  return format.format(date)
}

/** 1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd". English whatever the language (file names). */
export function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
  return `${n}${suffix}`
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 6 -> "六", 10 -> "十", 12 -> "十二", 20 -> "二十", as edition numbers are written; digits from 100. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n)
  if (n < 10) return CHINESE_DIGITS[n] ?? String(n)
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`
}

/** An edition's number as a rank: "6th" / "第六届". */
export function formatEditionNumber(edition: number): string {
  return t('app.format.editionNumber', {
    number: currentLocale() === 'zh' ? chineseNumeral(edition) : ordinal(edition),
  })
}

/**
 * An edition as a category, not a date: "6th (2023)" / "第六届（2023）". The year comes from the
 * catalog; without it the edition's number alone is shown.
 */
export function formatEdition(edition: number, year?: number | null): string {
  const number = formatEditionNumber(edition)
  return year ? t('app.format.editionYear', { edition: number, year: String(year) }) : number
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

/** The text used where a cell has no value: never a zero. "not reported" / "未见报道". */
export function notReported(): string {
  return t('app.format.notReported')
}

/** What a unit is called in a chart title: "Investment (US$)" / "投资额（美元）". */
export function unitName(unit: Unit): string {
  switch (unit) {
    case 'count':
      return t('app.unit.count')
    case 'CNY':
      return t('app.unit.cny')
    case 'USD':
      return t('app.unit.usd')
    case 'sqm':
      return t('app.unit.sqm')
    case 'percent':
      return t('app.unit.percent')
  }
}

/**
 * Lists names as the language does: "Jing'an", "Jing'an and Qingpu", "Jing'an, Qingpu and
 * Pudong"; "静安区、青浦区和浦东新区". Written out: the rule is simple in both languages, and
 * Intl.ListFormat's first use loads locale data during the compare page's first render.
 */
export function joinList(words: ReadonlyArray<string>): string {
  const zh = currentLocale() === 'zh'
  if (words.length <= 1) return words[0] ?? ''
  const last = words[words.length - 1]
  const rest = words.slice(0, -1).join(zh ? '、' : ', ')
  return zh ? `${rest}和${last}` : `${rest} and ${last}`
}
