import type { Qualifier, Unit } from './schema'
import { matchesOf } from './matches'

/** A number found in a sentence, with what the words around it say about it. */
export interface Quantity {
  /** Offsets in the sentence of the whole phrase: qualifier, number, scale and unit words. */
  start: number
  end: number
  /** Offsets of the numeral itself (with its currency sign and scale word). */
  numberStart: number
  numberEnd: number
  text: string
  /** Fully expanded: "1.2 billion" is 1200000000. null when the words are not a number we read. */
  value: number | null
  unit: Unit | null
  qualifier: Qualifier
  /** Why this is not a figure at all (a year, a date, a duration...), or null. */
  trap: string | null
  /** The same amount in another currency, given in brackets right after it. */
  conversion: { value: number; unit: Unit } | null
  /** True for the bracketed conversion itself: it is not a figure of its own. */
  isConversion: boolean
}

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
}
const SCALE: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  bln: 1e9,
}

const MONTH =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec'

// Read on the text before a number (anchored at its end).
const QUALIFIER_BEFORE: Array<[RegExp, Qualifier]> = [
  [
    /\b(?:more than|over|above|exceeding|exceeded|exceeds|exceed|topping|topped|in excess of|upwards of|surpassing|surpassed|north of|beyond)\s+$/i,
    'more_than',
  ],
  [/\b(?:nearly|almost|close to|closing in on|just under|just shy of|approaching)\s+$/i, 'nearly'],
  [/\b(?:at least|no fewer than|no less than|not less than|a minimum of)\s+$/i, 'at_least'],
  [/\b(?:up to|less than|fewer than|under|below|a maximum of|no more than)\s+$/i, 'up_to'],
  [
    /\b(?:about|approximately|approx\.|around|roughly|an estimated|estimated|some|circa)\s+$/i,
    'about',
  ],
]
// Read on the text after a number ("80-plus", "100 or more").
const QUALIFIER_AFTER: Array<[RegExp, Qualifier]> = [
  [/^(?:\s?\+(?!\s?\d)|-plus\b|\s+plus\b)/, 'more_than'],
  [/^\s+or (?:more|above)\b/, 'at_least'],
  [/^\s+or (?:so|thereabouts)\b/, 'about'],
]

const CURRENCY_BEFORE =
  /(?:US\s?\$|U\.S\.\s?\$|USD\s?|\$|RMB\s?|CNY\s?|¥|￥|HK\$|€|£|EUR\s?|JPY\s?|GBP\s?|HKD\s?)$/
const CURRENCY_AFTER =
  /^\s?-?(?:yuan|RMB|renminbi|CNY|U\.?S\.? dollars|US dollars|American dollars|dollars|USD|euros?|EUR|pounds(?: sterling)?|yen|JPY|Hong Kong dollars|HK dollars|HKD)(?![\p{L}])/iu
const SCALE_AFTER =
  /^(?:\s|-)?(hundred|thousand|million|billion|trillion)(?![\p{L}])|^(k|mn|mln|bn|bln|m)(?![\p{L}])/iu
const AREA_AFTER =
  /^\s?-?(square[- ](?:meters?|metres?|kilometers?|kilometres?|km)|sq\.?\s?(?:m|km|ft)\b|sqm|m2|m²|km2|km²|hectares?|mu)(?![\p{L}])/iu
const PERCENT_AFTER = /^\s?(?:%|percent(?:age points?)?|per cent)/i
const LENGTH_AFTER =
  /^\s?-?(?:meters?|metres?|kilometers?|kilometres?|km|feet|foot|ft|miles?|storeys?|stories|floors?)(?![\p{L}])|^m(?:\s(?:tall|high|long))/iu
const DURATION_AFTER =
  /^\s?-?(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|century|consecutive|straight|successive|editions?|sessions?|rounds?|times|years? in a row)(?![\p{L}])/iu
const TIME_AFTER = /^(?::\d{2}|\s?(?:am|pm|a\.m\.|p\.m\.)(?![\p{L}]))/iu
const ORDINAL_AFTER = /^(?:st|nd|rd|th)(?![\p{L}])/iu
const IDENTIFIER_BEFORE =
  /(?:\bNo\.?|\bNos\.?|\bNumber|#|\bHall|\bBooth|\bStand|\bGate|\bLine|\bRoute|\bPhase|\bLevel|\bFloor|\bRoom|\bBuilding|\bBlock|\bLot|\bExit|\bTerminal|\bArticle|\bSection|\bChapter|\bPage|\bVersion|\bRound|\bPier|\bPlatform|\bIndustry|\bG)\s?$/
const YEAR_CONTEXT_BEFORE = new RegExp(
  `(?:\\b(?:in|since|by|until|till|from|before|after|during|year|fiscal|early|late|mid|end of|through)\\s|\\b(?:${MONTH})\\.?\\s(?:\\d{1,2},?\\s)?)$`,
  'i',
)
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH})\\.?\\s?$`)
const MONTH_AFTER = new RegExp(`^\\s(?:${MONTH})\\b`)
// Nouns a plain 4-digit number may count ("2,023" is clearer, but "1500 companies" happens).
const COUNTED_NOUN =
  /^\s(?:[a-z-]+\s){0,2}(?:enterprises|companies|firms|exhibitors|visitors|buyers|people|agreements|projects|partners|brands|products|participants|guests|attendees|members|delegates|businesses|orders|deals|contracts|items|booths)\b/

const NUMERAL = /(?<![\p{L}\p{N}_.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\p{N}])/gu

/**
 * Finds the quantities in one sentence ("more than 80", "US$700 million", "Fourteen",
 * "400-square-meter"). Total on odd input: returns [] rather than throwing.
 */
export function findQuantities(sentence: string): Array<Quantity> {
  const text = toAsciiDigits(sentence)
  const found: Array<Quantity> = []
  for (const match of matchesOf(NUMERAL, text)) {
    const intPart = match[1] ?? ''
    const fraction = match[2] ?? ''
    const quantity = describe(text, match.index, match.index + match[0].length, {
      digits: intPart.replace(/,/g, '') + fraction.slice(1),
      decimals: fraction.length > 0 ? fraction.length - 1 : 0,
      numeric: true,
      plainInteger: fraction === '' && !intPart.includes(','),
    })
    if (quantity) found.push(quantity)
  }
  for (const run of findNumberWords(text)) {
    const quantity = describe(text, run.start, run.end, {
      digits: String(run.value),
      decimals: 0,
      numeric: false,
      plainInteger: false,
    })
    if (quantity) found.push(quantity)
  }
  found.sort((a, b) => a.start - b.start)
  linkConversionsAndRanges(text, found)
  for (const quantity of found) quantity.text = sentence.slice(quantity.start, quantity.end)
  return found
}

interface Numeral {
  /** The digits without separators; with `decimals` they give the exact value. */
  digits: string
  decimals: number
  numeric: boolean
  plainInteger: boolean
}

function describe(
  text: string,
  numberStart: number,
  numberEnd: number,
  numeral: Numeral,
): Quantity | null {
  const before = text.slice(Math.max(0, numberStart - 40), numberStart)
  let after = text.slice(numberEnd, numberEnd + 60)
  // A digit glued to letters is a name or a code (G60, 5G, COVID-19), not a quantity.
  if (numeral.numeric && /[\p{L}]$/u.test(before) && !CURRENCY_BEFORE.test(before)) return null
  if (numeral.numeric && ORDINAL_AFTER.test(after)) {
    // Edition ordinals ("6th CIIE") are read by the edition finder; other ordinals are traps.
    return /^\w*\s(?:\S+\s){0,3}?(?:China International Import Expo|CIIE|import expo|expo)\b/i.test(
      after,
    )
      ? null
      : trapQuantity(
          text,
          numberStart,
          numberEnd + (after.match(ORDINAL_AFTER)?.[0].length ?? 0),
          'an ordinal, not a quantity',
        )
  }

  // "5G", "3D", "60s": letters glued to the digits that are not a scale or a unit.
  if (
    numeral.numeric &&
    /^[\p{L}]/u.test(after) &&
    !SCALE_AFTER.test(after) &&
    !AREA_AFTER.test(after) &&
    !LENGTH_AFTER.test(after) &&
    !TIME_AFTER.test(after)
  ) {
    return null
  }

  let start = numberStart
  let end = numberEnd
  let unit: Unit | null = 'count'
  let unsupportedCurrency: string | null = null
  let trap: string | null = null

  const currencyBefore = CURRENCY_BEFORE.exec(before)
  if (currencyBefore) {
    start -= currencyBefore[0].length
    const sign = currencyBefore[0].trim()
    unit = currencyUnit(sign)
    if (!unit) unsupportedCurrency = sign
  }

  let exponent = 0
  const scale = SCALE_AFTER.exec(after)
  // A bare "m" means million only after a currency sign; elsewhere it is metres.
  if (scale && !(scale[2]?.toLowerCase() === 'm' && !currencyBefore)) {
    const word = (scale[1] ?? scale[2] ?? '').toLowerCase()
    exponent = Math.round(Math.log10(Object.hasOwn(SCALE, word) ? (SCALE[word] ?? 1) : 1))
    end += scale[0].length
    after = text.slice(end, end + 60)
  }

  const currencyAfter = CURRENCY_AFTER.exec(after)
  const area = AREA_AFTER.exec(after)
  let areaFactor = 1
  if (currencyAfter && !currencyBefore) {
    const word = currencyAfter[0].replace(/^\s?-?/, '')
    unit = currencyUnit(word)
    if (!unit) unsupportedCurrency = word
    end += currencyAfter[0].length
  } else if (currencyAfter && currencyBefore) {
    end += currencyAfter[0].length // "RMB 3 billion yuan": one currency said twice
  } else if (area && !currencyBefore) {
    const word = (area[1] ?? '').toLowerCase()
    unit = 'sqm'
    areaFactor = /kilomet|km/.test(word) ? 1e6 : /hectare/.test(word) ? 1e4 : 1
    if (word === 'mu') trap = 'an area in mu, which the dataset does not convert'
    if (/ft/.test(word)) trap = 'an area in square feet, which the dataset does not convert'
    end += area[0].length
  } else if (PERCENT_AFTER.test(after)) {
    unit = 'percent'
    end += (PERCENT_AFTER.exec(after)?.[0] ?? '').length
    trap = 'a percentage: no catalog metric is a percentage'
  } else if (!currencyBefore && LENGTH_AFTER.test(after)) {
    trap = 'a length or height, not a count'
  } else if (!currencyBefore && DURATION_AFTER.test(after)) {
    trap = 'a duration or a streak, not a count'
  } else if (numeral.numeric && !currencyBefore && TIME_AFTER.test(after)) {
    trap = 'a time of day'
  }

  if (unsupportedCurrency)
    trap = `an amount in ${unsupportedCurrency}, a currency the dataset does not track`

  if (!trap && !currencyBefore && exponent === 0) {
    if (MONTH_BEFORE.test(before) || MONTH_AFTER.test(after)) trap = 'a date'
    else if (numeral.numeric && IDENTIFIER_BEFORE.test(before))
      trap = 'a name or number of a place or document'
    else if (numeral.numeric && /\d\s?\+\s?$/.test(before))
      trap = 'part of a slogan or formula ("3+1")'
    else if (numeral.numeric && /^\s?\+\s?\d/.test(after))
      trap = 'part of a slogan or formula ("3+1")'
    else if (isYear(numeral, before, after)) trap = 'a year'
  }

  let qualifier: Qualifier = 'exact'
  const head = text.slice(Math.max(0, start - 30), start)
  for (const [pattern, value] of QUALIFIER_BEFORE) {
    const match = pattern.exec(head)
    if (match) {
      qualifier = value
      start -= match[0].length
      break
    }
  }
  if (qualifier === 'exact') {
    const tail = text.slice(end, end + 20)
    for (const [pattern, value] of QUALIFIER_AFTER) {
      const match = pattern.exec(tail)
      if (match) {
        qualifier = value
        end += match[0].length
        break
      }
    }
  }

  const value = expand(numeral.digits, numeral.decimals, exponent) * areaFactor
  return {
    start,
    end,
    numberStart,
    numberEnd,
    text: '',
    value: Number.isFinite(value) ? value : null,
    unit: unsupportedCurrency ? null : unit,
    qualifier,
    trap,
    conversion: null,
    isConversion: false,
  }
}

function trapQuantity(text: string, start: number, end: number, trap: string): Quantity {
  return {
    start,
    end,
    numberStart: start,
    numberEnd: end,
    text: text.slice(start, end),
    value: null,
    unit: null,
    qualifier: 'exact',
    trap,
    conversion: null,
    isConversion: false,
  }
}

function isYear(numeral: Numeral, before: string, after: string): boolean {
  if (!numeral.plainInteger || numeral.digits.length !== 4) return false
  const year = Number(numeral.digits)
  if (year < 1900 || year > 2100) return false
  if (YEAR_CONTEXT_BEFORE.test(before)) return true
  // "1500 companies" is a count; "2023 West Hongqiao ... Conference" and "in 2005." are years.
  return !COUNTED_NOUN.test(after)
}

function currencyUnit(word: string): Unit | null {
  const normalised = word.toLowerCase().replace(/\s+/g, '')
  if (/^(?:yuan|rmb|renminbi|cny|¥|￥)$/.test(normalised)) return 'CNY'
  if (
    /^(?:us\$|u\.s\.\$|\$|usd|u\.?s\.?dollars|usdollars|americandollars|dollars)$/.test(normalised)
  )
    return 'USD'
  return null
}

/** Exact decimal expansion: "78.41" billion is 78410000000, not 78410000000.00001. */
function expand(digits: string, decimals: number, exponent: number): number {
  const shift = exponent - decimals
  if (shift >= 0) return Number(digits + '0'.repeat(shift))
  return Number(digits) / 10 ** -shift
}

/**
 * Marks "8 billion yuan (US$1.1 billion)" as one amount with its conversion, and both ends of
 * "30-40" or "(2021-2025)" as a range.
 */
function linkConversionsAndRanges(text: string, quantities: Array<Quantity>) {
  for (const [i, first] of quantities.entries()) {
    const second = quantities[i + 1]
    if (!second) break
    const between = text.slice(first.end, second.start)
    const bothMoney = isMoney(first.unit) && isMoney(second.unit)
    if (
      bothMoney &&
      first.unit !== second.unit &&
      /^\s?[([]\s?(?:about|approximately|around|roughly|or|some)?\s?$/i.test(between)
    ) {
      if (first.value !== null && second.value !== null && second.unit) {
        first.conversion = { value: second.value, unit: second.unit }
      }
      second.isConversion = true
      continue
    }
    if (
      /^\s?(?:-|–|—|to)\s?$/.test(between) ||
      (/^\s?and\s?$/.test(between) && /\bbetween\s+$/i.test(text.slice(0, first.start)))
    ) {
      const years = [first, second].every(
        (quantity) => quantity.trap === 'a year' || isYearValue(quantity),
      )
      const reason = years ? 'a range of years' : 'a range, not one figure'
      if (!first.trap || first.trap === 'a year') first.trap = reason
      if (!second.trap || second.trap === 'a year') second.trap = reason
    }
  }
}

const isMoney = (unit: Unit | null) => unit === 'CNY' || unit === 'USD'
const isYearValue = (quantity: Quantity) =>
  quantity.value !== null &&
  Number.isInteger(quantity.value) &&
  quantity.value >= 1900 &&
  quantity.value <= 2100

const NUMBER_WORD = `(?:${[...Object.keys(SMALL), 'hundred', 'thousand', 'million', 'billion', 'trillion'].join('|')})`
// One regex finds whole runs ("two hundred and fifty", "twenty-eight", "a dozen"); "and" joins
// only after a scale word, so "four and five" stays two numbers.
const NUMBER_WORD_RUN = new RegExp(
  `\\b(?:an?\\s+(?=(?:dozen|hundred|thousand|million|billion)\\b))?${NUMBER_WORD}(?:(?:(?<=hundred|thousand|million|billion)\\s+and\\s+|\\s+|-)${NUMBER_WORD})*\\b`,
  'gi',
)

/** Number words: "Fourteen", "twenty-eight", "two hundred and fifty", "a dozen". */
function findNumberWords(text: string): Array<{ start: number; end: number; value: number }> {
  const runs: Array<{ start: number; end: number; value: number }> = []
  for (const match of matchesOf(NUMBER_WORD_RUN, text)) {
    const parts = match[0]
      .toLowerCase()
      .split(/[\s-]+/)
      .filter((part) => part !== 'and')
      .map((part) => (part === 'a' || part === 'an' ? 'one' : part))
    const first = parts[0] ?? ''
    // "1.2 billion" was read with its digits; "million" alone is not a number; a lone "one" is
    // almost never a figure ("one of the", "one-stop").
    if (/^(?:hundred|thousand|million|billion|trillion)$/.test(first)) continue
    if (parts.length === 1 && first === 'one') continue
    if (/\d[\s-]?$/.test(text.slice(Math.max(0, match.index - 2), match.index))) continue
    const value = parseNumberWords(parts)
    if (value !== null) runs.push({ start: match.index, end: match.index + match[0].length, value })
  }
  return runs
}

function parseNumberWords(parts: Array<string>): number | null {
  let total = 0
  let current = 0
  let seen = false
  for (const part of parts) {
    const small = Object.hasOwn(SMALL, part) ? SMALL[part] : undefined
    const scale = part.length > 3 && Object.hasOwn(SCALE, part) ? SCALE[part] : undefined
    if (small !== undefined) {
      current = part === 'dozen' ? (current || 1) * 12 : current + small
      seen = true
    } else if (scale !== undefined) {
      current = (current || 1) * scale
      if (scale >= 1000) {
        total += current
        current = 0
      }
      seen = true
    } else {
      return null
    }
  }
  return seen ? total + current : null
}

/** Full-width digits read as digits; the string keeps its length, so offsets still hold. */
function toAsciiDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0c\uff0e\uff05]/g, (char) => {
    const code = char.charCodeAt(0)
    if (code === 0xff0c) return ','
    if (code === 0xff0e) return '.'
    if (code === 0xff05) return '%'
    return String.fromCharCode(code - 0xff10 + 48)
  })
}
