import type { Quantity } from './quantities'
import type { MetricKey, Scope } from './schema'
import { matchesOf } from './matches'

export type Classification =
  { kind: 'figure'; metric: MetricKey; scope: Scope } | { kind: 'discarded'; reason: string }

const SIGNING_METRICS = new Set<MetricKey>([
  'agreements_signed',
  'projects_signed',
  'investment',
  'deal_value',
  'orders_signed',
])

/** What the classifier may know about the sentence beyond its own words. */
export interface SentenceContext {
  text: string
  /** A district or zone is named in the sentence. */
  namesPlace: boolean
  /** The sentence's subject is one company ("It" after a company, "The retailer", "Muji's"). */
  companySubject: boolean
  /** A company's representative speaks of the company in a quote ("we", "our"). */
  companyQuote: boolean
  /** Where the sentence names districts and zones. */
  placeSpans: ReadonlyArray<{ start: number; end: number }>
  /** The metric of the figure before this one in the sentence, for "up from 300". */
  previousMetric: MetricKey | null
}

export const RUNNING_TOTAL = /\bbringing (?:the|its) (?:total|number|tally) to\s*$/i
const COMPARED_WITH =
  /\b(?:up|down|rising|rose|falling|fell|growing|grew|increas\w+|compared|against|versus|vs\.?)\s+(?:from|with|to)?\s*$|\bfrom\s+$/i

// Nouns a count may count, by what they say.
const NOUN_CLASSES: Array<[RegExp, NounClass]> = [
  [
    /^(?:agreements?|contracts?|mous?|memorand(?:um|ums|a)|deals?|pacts?|accords?|letters? of intent)$/i,
    'agreement',
  ],
  [/^projects?$/i, 'project'],
  [/^partners?$/i, 'partner'],
  [
    /^(?:experts?|consultants?|advis[eo]rs?|specialists?|scholars?|academicians?|mentors?|scientists?|researchers?|professors?)$/i,
    'expert',
  ],
  [/^orders?$/i, 'order'],
  [/^exhibitors?$/i, 'exhibitor'],
  [
    /^(?:visitors?|buyers?|shoppers?|customers?|consumers?|tourists?|purchasers?|spectators?|footfall|visits)$/i,
    'visitor',
  ],
  [
    /^(?:people|persons?|attendees?|guests?|participants?|professionals|representatives?|delegates?|officials?|investors?|entrepreneurs?|executives?)$/i,
    'person',
  ],
  [
    /^(?:enterprises?|companies|company|firms?|businesses|corporations?|multinationals?|institutions?|organi[sz]ations?|mncs?|startups?|start-ups?|entities|members?|merchants?|suppliers?|manufacturers?|headquarters|producers?|traders?|importers?|exporters?|chambers?|consultancies|banks?|brokers?|associations?|universities)$/i,
    'company',
  ],
  [
    /^(?:events?|activities|activity|forums?|sessions?|promotions?|roadshows?|conferences?|seminars?|meetings?|matchmaking|exhibitions?|fairs?|summits?|salons?|workshops?|tours?|launches|ceremonies|symposiums?|symposia|roundtables?|round-tables?)$/i,
    'event',
  ],
  [
    /^(?:brands?|products?|exhibits|items?|types?|kinds?|categories|skus?|goods|commodities|varieties|wines?|specialties|specialities|labels?)$/i,
    'offering',
  ],
  [/^(?:countries|regions|nations|economies)$/i, 'geo'],
  [
    /^(?:outlets?|stores?|shops?|employees?|staff|workers?|factories|factory|plants?|branches|offices?|cities|patents?|subsidiaries|restaurants?|hotels?|counters?|franchises?|locations?|warehouses?|users?)$/i,
    'company_stat',
  ],
]
type NounClass =
  | 'agreement'
  | 'project'
  | 'partner'
  | 'expert'
  | 'order'
  | 'exhibitor'
  | 'visitor'
  | 'person'
  | 'company'
  | 'event'
  | 'offering'
  | 'geo'
  | 'company_stat'

const SIGN = /\b(?:sign(?:ed|ing|s)?|inked|inks?|concluded|clinched|sealed|struck|reached)\b/i
const SETTLE =
  /\b(?:settle[ds]?|settling|set up|setting up|relocat\w+|mov(?:e|ed|ing) (?:in|into|to)|land(?:ed|ing|s)?|attract(?:ed|ing|s)?|introduc(?:ed|ing)|intentions? to (?:settle|invest|locate))\b/i
// Also say where a company is, but as a modifier ("enterprises registered in Jing'an
// participated ...") they are not the sentence's verb: they count only when nothing else does.
const LOCATED =
  /\b(?:locat(?:e|ed|ing)|register(?:ed|ing)?|establish(?:ed|ing)?|headquartered|stationed|based in)\b/i
const ATTEND =
  /\b(?:participat\w+|take part|took part|taking part|takes part|attend\w*|join\w*|exhibit(?:ed|ing|s)?|showcas\w+|present\w*|display\w*|came|come|brought|bring|went|go|travel\w*|represent\w*)\b/i
const EXHIBIT = /\b(?:exhibit(?:ed|ing|s)?|showcas\w+|booths?|stands?|display\w*|as exhibitors)\b/i
// "the China Flower Expo" is another expo: a capitalised name before "Expo" that is not "Import".
const EXPO =
  /\b(?:CIIE|China International Import Expo|[Ii]mport [Ee]xpo|expo|(?<![A-Z][a-z]+ )Expo)\b/
const DELEGATION = /\b(?:delegations?|trading (?:group|team)s?)\b/i
const JOINED_PROGRAMME =
  /\b(?:join(?:ed|ing|s)?\s+as\s+(?:founding\s+)?members|added\s+|members?\s+of\s+the\s+(?:[\w-]+\s+){0,3}alliance)|\b(?:join(?:ed|ing|s)?|sign(?:ed|ing)? up (?:to|for|with)?)\s+(?:the |its |a |an )?(?:[\w'’-]+\s+){0,6}?(?:alliance|partnership|plan|program|programme|network|consortium|coalition|initiative|club|association)\b|\bsign(?:ed|ing|s)? up\b/i
// "..., which has 2,400 employees and sells in 80 countries": a company describing itself.
const COMPANY_RELATIVE =
  /\b(?:which|that|who)\s+(?:has|have|had|operates?|operated|employs?|employed|sells?|sold|runs?|owns?|serves?|boasts?|exports?)\b(?:[^,;.]|(?<=\d)[,.](?=\d))*$/i
const EVENT_WORD =
  /\b(?:events?|roundtables?|promotion|promotional|promotions|forums?|conferences?|summits?|meetings?|ceremony|ceremonies|roadshows?|seminars?|matchmaking|fairs?|salons?|symposiums?|launch|sessions?|gatherings?|receptions?|banquets?)\b/i
const APPOINT =
  /\b(?:appoint\w*|hired|named|engaged|employ\w*|recruit\w*|select\w*|serve as|invited)\b/i
const MARKET =
  /\b(?:market|markets|hub|hall|showroom|shelves|browse|goods|store|mall|center|centre|platform|pavilion|bazaar|shop|on sale|sold|sell\w*|offer\w*|display\w*|showcas\w+|commodit\w+|bonded|duty-free|imported|counters?|trade (?:hub|center|centre)|boutique)\b/i
// "A matchmaking session ... brought together 240 buyers": the event is the subject.
const EVENT_SUBJECT =
  /^(?:[^,]{0,40},\s+)?(?:A|An|The|Its|This)\s+(?:[\w-]+\s+){0,4}?(?:events?|sessions?|forums?|conferences?|meetings?|roadshows?|seminars?|ceremony|fairs?|promotions?|summits?|salons?|receptions?|gatherings?)\b/
// Another expo, fair or festival by name ("the 10th China Flower Expo"), not the CIIE.
const OTHER_EVENT = /\b(?:[A-Z][\w-]*\s+){1,4}(?:Expo|Fair|Festival|Games|Exposition)\b/
const FLOW = /\b(?:daily|a day|per day|each day|every day|flow|footfall|foot traffic|visits?)\b/i

const MONEY_CUES: Array<[RegExp, MetricKey]> = [
  [/\b(?:invest\w*|capital|funding|funds?|financing|projects?)\b/gi, 'investment'],
  [
    /\b(?:deals?|procurement|purchas\w*|orders?|intend\w*|intention\w*|intent|transactions?|contracts?|buy\w*|imports?|imported|bought|turnover of deals|trade volume|trading volume)\b/gi,
    'deal_value',
  ],
  [
    /\b(?:sales|sold|revenue|turnover|retail|consumption|spending|spent|sell\w*|receipts)\b/gi,
    'sales',
  ],
]

// "Erlingen's revenue", "the company employs 4,600 people": one company's own figures.
const COMPANY_OWN =
  /\b(?!Shanghai|China|Jing)[A-Z][\w&-]+(?:'s|’s)\s+(?:[\w-]+\s+){0,3}(?:revenue|sales|employees|workforce|booth|stand|exhibition space|outlets|stores)\b|\b(?:the company|the firm|the group)\s+(?:now\s+)?employs\b/
/** "Erlingen's revenue" is a company's, "Songjiang's exhibition booth" the district's. */
function companyOwnFigure(text: string, context: SentenceContext): boolean {
  for (const match of matchesOf(COMPANY_OWN_ALL, text)) {
    if (!context.placeSpans.some((span) => match.index >= span.start && match.index < span.end))
      return true
  }
  return false
}
const COMPANY_OWN_ALL = new RegExp(COMPANY_OWN.source, 'g')

const COMPANY_STAT_CONTEXT =
  /\b(?:exhibition space|booth|stand|outlets?|stores?|employees|its own)\b/i
// Background statistics anywhere in the sentence make all its figures background.
const PROFILE_SENTENCE =
  /\b(?:GDP|gross domestic product|population|per capita|statistics bureau|foreign-funded|contracted foreign investment|actual use of foreign capital|foreign capital actually used|square kilomet(?:er|re)s|sq km)\b/
const PROFILE =
  /\b(?:home to|covers? an area|covering an area|total area|a year(?!-on-year| earlier| ago| before)\b|each year|every year|per year|[Ii]n (?:19|20)\d\d,|(?:established|founded|set up|launched) in (?:19|20)\d\d|in (?:19|20)\d\d,|headquarters of multinational\w*|registered capital|tax revenue|fiscal revenue)\b/

/**
 * Decides what a quantity counts, from the words around it: a catalog metric and a scope, or a
 * reason to discard it. Never throws.
 */
export function classifyQuantity(quantity: Quantity, context: SentenceContext): Classification {
  const discard = (reason: string): Classification => ({ kind: 'discarded', reason })
  if (quantity.trap) return discard(quantity.trap)
  if (quantity.value === null || quantity.unit === null)
    return discard('not a number the dataset can read')
  const text = context.text
  const after = text.slice(quantity.end)
  const before = text.slice(0, quantity.start)

  const clauses = clausesOf(text, quantity)
  const otherEvent = OTHER_EVENT.exec(text)
  if (
    otherEvent &&
    !/China International Import|CIIE/.test(text) &&
    !/^Import/.test(otherEvent[0])
  ) {
    return discard(`a figure of another event (${otherEvent[0].trim()}), not the CIIE`)
  }
  const expoWide = expoWideReason(text, quantity, context)
  if (expoWide) return discard(expoWide)

  let metric: MetricKey
  let companyFigure = false
  if (quantity.unit === 'sqm') {
    metric = 'floor_area'
    companyFigure = context.companySubject && COMPANY_STAT_CONTEXT.test(text)
  } else if (quantity.unit === 'CNY' || quantity.unit === 'USD') {
    const moneyMetric = nearestMoneyMetric(text, quantity)
    if (!moneyMetric) {
      return discard(
        'an amount of money with no word saying what it is (investment, deals or sales)',
      )
    }
    metric = moneyMetric
  } else if (quantity.unit === 'count') {
    if (COMPANY_RELATIVE.test(before))
      return discard(`a single company’s own figure (${firstWord(after)}), not a district figure`)
    const noun = headNoun(after) ?? (isPartitive(after) ? null : nounBefore(before))
    // "up from 300 at the first CIIE", "bringing the total to 136": the same measure as the
    // figure before it.
    if (
      !noun &&
      context.previousMetric &&
      (COMPARED_WITH.test(before) || RUNNING_TOTAL.test(before))
    ) {
      return { kind: 'figure', metric: context.previousMetric, scope: 'ciie' }
    }
    const outcome = countMetric(
      noun,
      quantity.start,
      before,
      clauses.after,
      clauses.around,
      text,
      context,
    )
    if (typeof outcome === 'string') return discard(outcome)
    metric = outcome.metric
    companyFigure = outcome.company
  } else {
    return discard('a percentage: no catalog metric is a percentage')
  }

  if (
    companyFigure ||
    context.companyQuote ||
    companyOwnFigure(text, context) ||
    (context.companySubject && !context.namesPlace)
  ) {
    return { kind: 'figure', metric, scope: 'company' }
  }
  const clause = clauses.around
  // A zone's land area is in square kilometres or hectares; projects' floor area in square metres.
  const landArea = quantity.unit === 'sqm' && /kilomet|km|hectare/i.test(quantity.text)
  // "welcomed 2 million visitors last year" is background; "Last year it signed 38 agreements"
  // is the previous edition's outcome (attribute.ts dates it).
  const lastYearBackground =
    /\b[Ll]ast year\b(?![’']s)/.test(text) &&
    !EXPO.test(text) &&
    !/\b(?:up|down) from\b/.test(text) &&
    !SIGNING_METRICS.has(metric)
  const background =
    landArea ||
    lastYearBackground ||
    PROFILE.test(clause) ||
    PROFILE_SENTENCE.test(text) ||
    (/\b(?:so far|to date)\b/i.test(clause) && !EXPO.test(clause) && !DELEGATION.test(clause))
  return { kind: 'figure', metric, scope: background ? 'profile' : 'ciie' }
}

function countMetric(
  noun: NounClass | null,
  position: number,
  before: string,
  after: string,
  clause: string,
  text: string,
  context: SentenceContext,
): { metric: MetricKey; company: boolean } | string {
  const figure = (metric: MetricKey, company = false) => ({ metric, company })
  switch (noun) {
    case 'agreement':
      return figure('agreements_signed')
    case 'project':
      return figure('projects_signed')
    case 'partner':
      return figure('partners')
    case 'expert':
      return APPOINT.test(text) || /\bas\b/.test(clause)
        ? figure('experts_appointed')
        : 'experts named, but not appointed'
    case 'order':
      return figure('orders_signed')
    case 'exhibitor':
      return SETTLE.test(clause) ? figure('companies_settling') : figure('exhibitors')
    case 'event':
      return figure('events_held')
    case 'visitor':
      if (EVENT_SUBJECT.test(text)) return figure('event_attendance')
      if (DELEGATION.test(text)) return figure('visitors')
      if (EVENT_WORD.test(text) && !EXPO.test(text) && !FLOW.test(text)) {
        return figure('event_attendance')
      }
      return figure('visitors')
    case 'person':
      if (APPOINT.test(clause)) return figure('experts_appointed')
      if (EVENT_SUBJECT.test(text)) return figure('event_attendance')
      if (DELEGATION.test(text)) return figure('enterprises_attending')
      if (EVENT_WORD.test(text) || ATTEND.test(clause) || /\b(?:drew|draws?|drawn)\b/.test(clause))
        return figure('event_attendance')
      if (FLOW.test(text) || EXPO.test(text)) return figure('visitors')
      return 'people counted, but not at the expo or a district event'
    case 'company':
      return companyMetric(clause, text, before, position)
    case 'offering':
      if (JOINED_PROGRAMME.test(clause) || /\balliance\b/.test(clause)) return figure('partners')
      return MARKET.test(text)
        ? figure('market_offerings')
        : 'products or brands, but not at a district market'
    case 'geo':
      if (MARKET.test(text)) return figure('market_offerings')
      return context.companySubject
        ? 'a single company’s own figure (countries or regions it works in)'
        : 'a number of countries or regions, not a district figure'
    case 'company_stat':
      return `a single company’s own figure (${firstWord(after)}), not a district figure`
    case null:
      if (isPartitive(after)) return companyMetric(clause, text, before, position)
      return `no catalog metric fits "${preview(after)}"`
  }
}

function companyMetric(
  clause: string,
  text: string,
  before: string,
  position: number,
): { metric: MetricKey; company: boolean } | string {
  const figure = (metric: MetricKey) => ({ metric, company: false })
  // "Putuo's trading delegation of 205 companies", "its delegation, with 390 member companies"
  if (DELEGATION.test(before.slice(-90)) || (DELEGATION.test(clause) && !SETTLE.test(clause))) {
    return figure('enterprises_attending')
  }
  if (
    JOINED_PROGRAMME.test(clause) ||
    (JOINED_PROGRAMME.test(text) && /\balliance|partnership\b/.test(text))
  ) {
    return figure('partners')
  }
  // "28 of them signed cooperation agreements" counts agreements.
  if (
    SIGN.test(clause) &&
    /\b(?:agreements?|contracts?|mous?|memorand\w+|deals?)\b/i.test(clause) &&
    !/\bsettle/i.test(clause)
  ) {
    return figure('agreements_signed')
  }
  // "held four roundtables, attracting over 500 companies": drawn to an event, not settling.
  if (/\battract\w*\b/.test(clause) && EVENT_WORD.test(text) && !/\bsettle|\bland/.test(clause)) {
    return figure('event_attendance')
  }
  if (SETTLE.test(clause)) return figure('companies_settling')
  const attends = ATTEND.test(clause)
  if (attends && EXPO.test(text)) {
    if (nearer(text, EVENT_WORD, EXPO, position)) return figure('event_attendance')
    return figure(EXHIBIT.test(clause) ? 'exhibitors' : 'enterprises_attending')
  }
  if (attends && EVENT_WORD.test(text)) return figure('event_attendance')
  if (LOCATED.test(clause)) return figure('companies_settling')
  return 'companies counted, but the sentence does not say they attended, exhibited or settled'
}

// Where one clause of a sentence ends and the next begins: "Over 400 companies attended the
// events, and 28 of them signed agreements" holds two figures with a verb each.
const CLAUSE_BREAK = /;|:\s|,\s+(?:and|but|while|whereas|with|where|which|of which)\s|\s+while\s/g

function clauseBounds(text: string, quantity: Quantity): { start: number; end: number } {
  let start = 0
  let end = text.length
  for (const match of matchesOf(CLAUSE_BREAK, text)) {
    if (match.index + match[0].length <= quantity.start) start = match.index + match[0].length
    else if (match.index >= quantity.end) {
      end = match.index
      break
    }
  }
  return { start, end }
}

/** The words of the quantity's own clause, and those after the quantity in it. */
function clausesOf(text: string, quantity: Quantity): { around: string; after: string } {
  const { start, end } = clauseBounds(text, quantity)
  return { around: text.slice(start, end), after: text.slice(quantity.end, end) }
}

const globalCopies = new Map<RegExp, RegExp>()

/** The distance from `position` to the nearest match of `pattern`, or Infinity. */
function distanceTo(text: string, pattern: RegExp, position: number): number {
  let global = globalCopies.get(pattern)
  if (!global) {
    global = new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)
    globalCopies.set(pattern, global)
  }
  let best = Number.POSITIVE_INFINITY
  for (const match of matchesOf(global, text))
    best = Math.min(best, Math.abs(match.index - position))
  return best
}

/** "an event at the expo drew 300 people": which of two cue words stands nearer the figure. */
const nearer = (text: string, first: RegExp, second: RegExp, position: number) =>
  distanceTo(text, first, position) < distanceTo(text, second, position)

/** The money metric whose cue word stands nearest the amount. */
function nearestMoneyMetric(text: string, quantity: Quantity): MetricKey | null {
  let best: { metric: MetricKey; distance: number } | null = null
  for (const [pattern, metric] of MONEY_CUES) {
    for (const match of matchesOf(pattern, text)) {
      const distance =
        match.index >= quantity.end
          ? match.index - quantity.end
          : Math.max(0, quantity.start - (match.index + match[0].length))
      // A cue after the amount ("US$700 million in deals") binds tighter than one before it.
      const weighted = match.index >= quantity.end ? distance * 0.8 : distance
      if (!best || weighted < best.distance) best = { metric, distance: weighted }
    }
  }
  return best?.metric ?? null
}

const WORDS = /[A-Za-z][A-Za-z&'’-]*/g

/** The first noun we know among the few words after the number ("30 projects in AI" → project). */
function headNoun(after: string): NounClass | null {
  const stop = after.search(/[,.;:()“”"!?]/)
  const window = stop < 0 ? after : after.slice(0, stop)
  let count = 0
  for (const match of matchesOf(WORDS, window)) {
    if (++count > 5) break
    const word = match[0]
    if (
      /^(?:of|in|at|from|to|for|with|by|on|its|their|the|a|an|his|her|our|this|these|those|which|that|who)$/i.test(
        word,
      ) &&
      count > 1
    )
      break
    if (count === 1 && /^of$/i.test(word)) return null
    const multiword =
      /^(?:letters?)$/i.test(word) && /^letters? of intent/i.test(window.slice(match.index))
        ? 'letters of intent'
        : word
    const found = classifyNoun(multiword)
    if (found) return found
  }
  return null
}

/** "the number of visitors reached 50,000": a known noun before the number, in its clause. */
function nounBefore(before: string): NounClass | null {
  const clause = before.split(/[,;:()]/).pop() ?? ''
  const words = matchesOf(WORDS, clause)
    .map((match) => match[0])
    .slice(-8)
  for (let i = words.length - 1; i >= 0; i--) {
    const found = classifyNoun(words[i] ?? '')
    if (found && found !== 'company_stat') return found
  }
  return null
}

const isPartitive = (after: string) => /^\s+of (?:them|which|these|those|the)\b/i.test(after)

function classifyNoun(word: string): NounClass | null {
  for (const [pattern, noun] of NOUN_CLASSES) if (pattern.test(word)) return noun
  return null
}

const firstWord = (text: string) => text.match(/[A-Za-z]+/)?.[0] ?? 'items'
const preview = (text: string) => {
  const words = text.trim().split(/\s+/).slice(0, 4).join(' ')
  return words.length > 0 ? words : '(end of sentence)'
}

const EXPO_SUBJECT = new RegExp(
  `\\b(?:[Tt]he|[Tt]his year(?:'s|’s)|[Ll]ast year(?:'s|’s)|\\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth)\\s+(?:(?:edition of the|\\w+)\\s+)?(?:CIIE|China International Import Expo|[Ii]mport [Ee]xpo|[Ee]xpo)(?:\\s*,[^,.;]{0,80},)?\\s+(?:has\\s+|had\\s+|have\\s+)?(?:attracted|drew|saw|featured|had|hosted|brought|gathered|welcomed|reached|recorded|received|totaled|totalled|exceeded|amounted|covered|spanned|included|registered|hit|topped|generated|yielded|drawn|attracted|seen|welcomed|brought together|covers|spans|features|hosts|draws|attracts|has)\\b`,
)
const DISTRICT_REFERENCE =
  /\b(?:the district|district(?:'s|’s)|the business district|the zone|the park|its delegation|district-level)\b/i
const CITY_WIDE =
  /\b(?:Shanghai(?:'s|’s)?\s+(?:trading delegation|delegation|government|municipal|municipality|city)|the city(?:'s|’s)?\b|[Aa]cross Shanghai\b|citywide|city-wide|the municipality|Shanghai (?:has|had|signed|attracted|saw|welcomed|hosted|is home|recorded|reached))/
const NATIONAL = /\b(?:China(?:'s|’s) (?:imports|exports|GDP|total)|nationwide|the whole country)\b/

/** A figure for the whole expo, city or country, not the district's: the reason, or null. */
function expoWideReason(text: string, quantity: Quantity, context: SentenceContext): string | null {
  if (context.namesPlace || DISTRICT_REFERENCE.test(text)) return null
  const subject = EXPO_SUBJECT.exec(text)
  if (subject && subject.index < quantity.start) return 'an expo-wide total, not the district’s'
  if (/\b(?:tentative|intended) deals\b/i.test(text) && EXPO.test(text))
    return 'an expo-wide total, not the district’s'
  if (/^\s+countries(?: and regions)?\b/i.test(text.slice(quantity.end)) && EXPO.test(text)) {
    return 'an expo-wide total, not the district’s'
  }
  if (CITY_WIDE.test(text)) return 'a city-wide figure, not the district’s'
  if (NATIONAL.test(text)) return 'a national figure, not the district’s'
  return null
}
