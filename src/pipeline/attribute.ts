import type { Gazetteer, PlaceMention } from './reference'
import type { DistrictId } from './schema'
import type { Sentence } from './sentences'
import { matchesOf } from './matches'

/** An expo edition named in a sentence: "the 6th CIIE", "the fourth and fifth CIIEs", "last year's expo". */
export interface EditionMention {
  start: number
  end: number
  editions: Array<number>
  /** Named explicitly (ordinal or year) rather than relative to the article ("this year's"). */
  explicit: boolean
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
}
const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th)|${Object.keys(ORDINAL_WORDS).join('|')})`
const EXPO = `(?:China International Import Expos?|CIIEs?|[Ii]mport [Ee]xpos?|[Ee]xpos?)`
const LIST_SEPARATOR = `(?:,\\s*and\\s+|,\\s*|\\s+and\\s+|\\s*&\\s*)`
const ORDINAL_LIST = new RegExp(
  `\\b(${ORDINAL}(?:${LIST_SEPARATOR}${ORDINAL})*)\\s+(?:(?:editions?|sessions?)\\s+of\\s+(?:the\\s+)?)?${EXPO}\\b`,
  'gi',
)
const EXPO_THEN_ORDINAL = new RegExp(
  `\\b${EXPO}(?:'s|’s)\\s+(${ORDINAL})\\s+(?:edition|session)\\b`,
  'gi',
)
// "at the fourth edition in 2021", in an article about the expo, but not "the third edition of
// the forum".
const ORDINAL_EDITION = new RegExp(
  `\\b(${ORDINAL})\\s+edition\\b(?!\\s+of\\s+(?:the\\s+)?(?!CIIE|China International|[Ii]mport|expo))`,
  'gi',
)
const YEAR_EXPO = new RegExp(
  `\\b(20[1-3]\\d)\\s+${EXPO}\\b|\\b${EXPO}\\s+(?:\\(?in\\s+)?\\(?(20[1-3]\\d)\\b`,
  'g',
)
const RELATIVE_EXPO = new RegExp(
  `\\b(this|last|next|the coming|the upcoming|the previous|the forthcoming|the ongoing)(?:\\s+year)?(?:'s|’s)?\\s+${EXPO}\\b`,
  'gi',
)
const EXPO_WORD = /CIIE|[Ee]xpo|edition/
const HAS_ORDINAL = new RegExp(`\\d(?:st|nd|rd|th)\\b|${Object.keys(ORDINAL_WORDS).join('|')}`, 'i')
const HAS_RELATIVE = /\b(?:this|last|next|coming|upcoming|previous|forthcoming|ongoing)\b/i
const ORDINAL_ONLY = new RegExp(ORDINAL, 'gi')

/** Words that make a figure a total over several editions or years: its edition is null. */
const CUMULATIVE_WORDS =
  /\b(?:across (?:the|all|its) (?:\w+ )?(?:editions|sessions)|cumulative(?:ly)?|accumulated|altogether|over the years|over the past|in the past (?:\w+ )?(?:years|editions)|(?:past|previous|first|last|all) (?:\w+ )?(?:editions|sessions)|since (?:the (?:first|inaugural|launch|start)|its (?:launch|inception|debut)|(?:19|20)\d\d))\b/i
// "So far" is a running total of its own, but not in "so far, 250 companies have registered
// for the expo's trading delegation": there it counts toward the coming edition.
const SO_FAR = /\b(?:so far|to date)\b/i
const CURRENT_EXPO = /\b(?:CIIE|[Ee]xpo|delegation|this year)/

export function isCumulative(sentence: string): boolean {
  return CUMULATIVE_WORDS.test(sentence) || (SO_FAR.test(sentence) && !CURRENT_EXPO.test(sentence))
}

function ordinalValue(word: string): number | undefined {
  const lower = word.toLowerCase()
  if (/^\d/.test(lower)) return Number.parseInt(lower, 10)
  return ORDINAL_WORDS[lower]
}

/** Finds the expo editions a sentence names, resolving "this year's" from the article. */
export function findEditionMentions(
  text: string,
  articleYear: number,
  gazetteer: Gazetteer,
): Array<EditionMention> {
  const mentions: Array<EditionMention> = []
  // Most sentences name no expo at all: skip the four patterns for them.
  if (!EXPO_WORD.test(text)) return mentions
  const byYear = (year: number) => gazetteer.editionByYear(year)?.edition
  // Cheap tests first: each pattern needs a word that most sentences lack.
  const hasOrdinal = HAS_ORDINAL.test(text)
  for (const match of hasOrdinal ? matchesOf(ORDINAL_LIST, text) : []) {
    const editions = matchesOf(ORDINAL_ONLY, match[1] ?? '')
      .map((ordinal) => ordinalValue(ordinal[0]))
      .filter(
        (edition): edition is number =>
          edition !== undefined && gazetteer.edition(edition) !== undefined,
      )
    // "the first five editions" is a span, not the first edition.
    if (editions.length > 0)
      mentions.push({
        start: match.index,
        end: match.index + match[0].length,
        editions,
        explicit: true,
      })
  }
  for (const match of hasOrdinal ? matchesOf(EXPO_THEN_ORDINAL, text) : []) {
    const edition = ordinalValue(match[1] ?? '')
    if (edition !== undefined && gazetteer.edition(edition)) {
      mentions.push({
        start: match.index,
        end: match.index + match[0].length,
        editions: [edition],
        explicit: true,
      })
    }
  }
  for (const match of hasOrdinal ? matchesOf(ORDINAL_EDITION, text) : []) {
    const edition = ordinalValue(match[1] ?? '')
    const covered = mentions.some(
      (mention) => mention.start <= match.index && mention.end > match.index,
    )
    if (!covered && edition !== undefined && gazetteer.edition(edition)) {
      mentions.push({
        start: match.index,
        end: match.index + match[0].length,
        editions: [edition],
        explicit: true,
      })
    }
  }
  for (const match of /20[1-3]\d/.test(text) ? matchesOf(YEAR_EXPO, text) : []) {
    const edition = byYear(Number(match[1] ?? match[2]))
    if (edition !== undefined) {
      mentions.push({
        start: match.index,
        end: match.index + match[0].length,
        editions: [edition],
        explicit: true,
      })
    }
  }
  for (const match of HAS_RELATIVE.test(text) ? matchesOf(RELATIVE_EXPO, text) : []) {
    const which = (match[1] ?? '').toLowerCase()
    const offset = which === 'last' || which === 'the previous' ? -1 : which === 'next' ? 1 : 0
    const edition = byYear(articleYear + offset)
    if (edition !== undefined) {
      mentions.push({
        start: match.index,
        end: match.index + match[0].length,
        editions: [edition],
        explicit: false,
      })
    }
  }
  return mentions.sort((a, b) => a.start - b.start)
}

/**
 * The edition an article is about: the first single edition its lede names, else the one held
 * in the article's year (an article dated in year Y is about edition Y - 2017).
 */
export function articleEdition(
  lede: ReadonlyArray<{ sentence: Sentence; mentions: ReadonlyArray<EditionMention> }>,
  articleYear: number,
  gazetteer: Gazetteer,
): number | null {
  const byDate = gazetteer.editionByYear(articleYear)?.edition ?? null
  for (const { sentence, mentions } of lede) {
    // "When the first CIIE opened in 2018, ..." in a 2022 article is history, not its subject;
    // a January review of last November's expo is about that expo.
    const mention = mentions.find(
      (candidate) =>
        candidate.editions.length === 1 &&
        (byDate === null || (candidate.editions[0] ?? 0) >= byDate - 1),
    )
    if (mention && !isCumulative(sentence.text)) return mention.editions[0] ?? null
  }
  return byDate
}

/**
 * The edition a figure belongs to: one named right after it ("up from 300 at the first CIIE"),
 * else the nearest named before it, else the article's. "12 and 16 events respectively during
 * the fourth and fifth CIIEs" pairs figures and editions in order.
 */
export function editionForFigure(
  sentence: string,
  mentions: ReadonlyArray<EditionMention>,
  figure: { start: number; end: number; rank: number; count: number },
  fallback: number | null,
): number | null {
  const list = mentions.find((mention) => mention.editions.length > 1)
  if (list && /\brespectively\b/.test(sentence) && list.editions.length === figure.count) {
    return list.editions[figure.rank] ?? null
  }
  const following = mentions.find(
    (mention) =>
      mention.editions.length === 1 &&
      mention.start >= figure.end &&
      /^[^,;.]{0,40}?\b(?:at|in|during|for|of)\s+(?:the\s+)?$/.test(
        sentence.slice(figure.end, mention.start),
      ),
  )
  if (following) return following.editions[0] ?? null
  const position = figure.start
  const single = mentions.filter((mention) => mention.editions.length === 1)
  // One edition named by its ordinal or year in the sentence dates all its figures ("32 brands
  // joined an alliance launched at the fourth edition"); "last year's expo" after a figure does not.
  const explicit = single.filter((mention) => mention.explicit)
  const sentenceEdition = explicit.length === 1 ? (explicit[0]?.editions[0] ?? fallback) : fallback
  // "up from 44 projects a year earlier", "Last year it signed 38 agreements": the edition before.
  const comparedWithLastYear =
    /\b(?:(?:up|down) from|compared (?:with|to))\s[^,;]*$/i.test(sentence.slice(0, figure.start)) &&
    /^(?:[^;.]|\.\d){0,60}?\b(?:last year|a year (?:earlier|ago|before)|the previous year)\b/.test(
      sentence.slice(figure.end),
    )
  const aboutLastYear =
    mentions.length === 0 && /^["“]?(?:Last year|A year (?:earlier|ago))\b/.test(sentence)
  if ((comparedWithLastYear || aboutLastYear) && sentenceEdition !== null) {
    return sentenceEdition > 1 ? sentenceEdition - 1 : null
  }
  if (single.length === 0) {
    // "in the fourth and fifth CIIEs" with one figure: we cannot tell which edition it is.
    return mentions.length > 0 ? null : fallback
  }
  // A mention after the figure that is not tied to it ("... up from X at last year's expo")
  // leaves the figure with the sentence's edition.
  const before = single.filter((mention) => mention.start <= position)
  const nearest = before[before.length - 1]
  if (nearest) return nearest.editions[0] ?? fallback
  return sentenceEdition
}

export interface ArticlePlaces {
  district: DistrictId | null
  area: string | null
  districts: Array<DistrictId>
}

/**
 * The district an article is about: the one its places name most, its lede counting thrice.
 * Its area is the first zone of that district the lede names.
 */
export function articlePlaces(
  sentences: ReadonlyArray<{ sentence: Sentence; places: ReadonlyArray<PlaceMention> }>,
): ArticlePlaces {
  const districtScore = new Map<DistrictId, number>()
  const firstSeen = new Map<DistrictId, number>()
  const ledeZones: Array<string> = []
  for (const { sentence, places } of sentences) {
    if (sentence.duplicate) continue
    const weight = sentence.paragraph === 0 ? 3 : 1
    for (const place of places) {
      if (place.zone && sentence.paragraph === 0) ledeZones.push(place.zone)
      const district = resolveDistrict(place, places, null)
      if (!district) continue
      districtScore.set(district, (districtScore.get(district) ?? 0) + weight)
      if (!firstSeen.has(district)) firstSeen.set(district, sentence.start + place.start)
    }
  }
  const ranked = [...districtScore.entries()].sort(
    (a, b) => b[1] - a[1] || (firstSeen.get(a[0]) ?? 0) - (firstSeen.get(b[0]) ?? 0),
  )
  const district = ranked[0]?.[0] ?? null
  const area =
    ledeZones.find((zone) => {
      const owner = sentences.flatMap(({ places }) => places).find((place) => place.zone === zone)
      return (
        district !== null &&
        owner !== undefined &&
        resolveDistrict(owner, [], district) === district
      )
    }) ?? null
  return { district, area, districts: ranked.map(([id]) => id).sort() }
}

/** A zone that spans districts belongs to the district the same sentence names, else the article's. */
export function resolveDistrict(
  place: PlaceMention,
  sentencePlaces: ReadonlyArray<PlaceMention>,
  articleDistrict: DistrictId | null,
): DistrictId | null {
  if (place.district) return place.district
  return sentencePlaces.find((other) => other.district !== null)?.district ?? articleDistrict
}

/**
 * The district and zone a figure at `position` belongs to: the place named nearest before it in
 * the sentence, else the nearest after it, else the article's own.
 */
export function placeForFigure(
  places: ReadonlyArray<PlaceMention>,
  position: number,
  article: ArticlePlaces,
): { district: DistrictId | null; area: string | null } {
  const before = places.filter((place) => place.end <= position)
  const chosen =
    before[before.length - 1] ?? places.find((place) => place.start >= position) ?? places[0]
  if (!chosen) return { district: article.district, area: article.area }
  const district = resolveDistrict(chosen, places, article.district)
  if (!district) return { district: null, area: null }
  const zone =
    chosen.zone ??
    places.find(
      (place) => place.zone && resolveDistrict(place, places, article.district) === district,
    )?.zone
  // "..., which lies in Pudong New Area": a district named after the figure, as a gloss, keeps
  // the article's zone.
  const gloss = before.length === 0 && district === article.district
  return { district, area: zone ?? (gloss ? article.area : null) }
}
