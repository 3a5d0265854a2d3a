import {
  articleEdition,
  articlePlaces,
  editionForFigure,
  findEditionMentions,
  isCumulative,
  placeForFigure,
} from './attribute'
import { RUNNING_TOTAL, classifyQuantity } from './classify'
import { stableId } from './stable-id'
import { findOrganisations } from './organisations'
import type { Article } from './parse-article'
import { findQuantities } from './quantities'
import type { Gazetteer, PlaceMention } from './reference'
import type {
  ArticleSummary,
  Discarded,
  MetricKey,
  Milestone,
  Observation,
  Organisation,
} from './schema'
import { splitSentences, type Sentence } from './sentences'

export interface ArticleExtraction {
  summary: ArticleSummary
  observations: Array<Observation>
  discarded: Array<Discarded>
  milestones: Array<Milestone>
  organisations: Array<Organisation>
}

const TITLE_LENGTH = 140

/**
 * Runs the stages on one article: sentences → quantities → classify → attribute. Pure: the same
 * article always gives the same extraction.
 */
export function extractArticle(article: Article, gazetteer: Gazetteer): ArticleExtraction {
  const year = Number(article.date.slice(0, 4))
  const sentences = splitSentences(article).map((sentence) => ({
    sentence,
    places: gazetteer.findPlaces(sentence.text),
    mentions: findEditionMentions(sentence.text, year, gazetteer),
  }))
  const places = articlePlaces(sentences)
  const edition = articleEdition(
    sentences.filter(({ sentence }) => sentence.paragraph === 0),
    year,
    gazetteer,
  )
  const warnings = [...article.warnings]
  if (!places.district)
    warnings.push('the article names no Shanghai district or zone: its figures are not attributed')
  if (edition === null) warnings.push(`no CIIE edition is held in ${year} and the lede names none`)

  // Ids hash a sentence once, not once per figure in it.
  const sentenceHashes = new Map<string, string>()
  const sentenceHash = (text: string) => {
    let hash = sentenceHashes.get(text)
    if (hash === undefined) {
      hash = stableId(text)
      sentenceHashes.set(text, hash)
    }
    return hash
  }
  const observations: Array<Observation> = []
  const discarded: Array<Discarded> = []
  const milestones: Array<Milestone> = []
  const organisations: Array<Organisation> = []

  // A sentence that names no place speaks of the place the paragraph last named ("Putuo ...
  // Twenty-three projects were signed"), else of the article's district.
  let carried: ReadonlyArray<PlaceMention> = []
  let carriedParagraph = -1
  for (const [index, { sentence, places: sentencePlaces, mentions }] of sentences.entries()) {
    if (sentence.paragraph !== carriedParagraph) carried = []
    if (sentencePlaces.length > 0) {
      carried = sentencePlaces
      carriedParagraph = sentence.paragraph
    }
    if (sentence.duplicate) continue
    const quantities = findQuantities(sentence.text).filter((quantity) => !quantity.isConversion)
    const cumulative = (quantities.length > 0 || mentions.length > 0) && isCumulative(sentence.text)
    const companySubject = quantities.length > 0 && hasCompanySubject(sentences, index)
    const companyQuote = quantities.length > 0 && companySpeaks(sentence.text)
    const sentenceDistrict =
      sentencePlaces.length > 0
        ? placeForFigure(sentencePlaces, 0, places).district
        : placeForFigure(carried, Number.POSITIVE_INFINITY, places).district

    const figuresInSentence = quantities.filter((quantity) => !quantity.trap).length
    let previousMetric: MetricKey | null = null
    let rank = 0
    for (const quantity of quantities) {
      const classification = classifyQuantity(quantity, {
        text: sentence.text,
        namesPlace: sentencePlaces.length > 0,
        companyQuote,
        placeSpans: sentencePlaces,
        companySubject,
        previousMetric,
      })
      const place =
        sentencePlaces.length > 0
          ? placeForFigure(sentencePlaces, quantity.numberStart, places)
          : placeForFigure(carried, Number.POSITIVE_INFINITY, places)
      if (classification.kind === 'discarded' || !place.district) {
        // Fields written out in the schema's order rather than spread from a shared object:
        // the spread was the costliest line of the extraction.
        discarded.push({
          article: article.id,
          sentence: sentence.text,
          sentenceStart: sentence.start,
          start: sentence.start + quantity.start,
          end: sentence.start + quantity.end,
          text: quantity.text,
          value: quantity.value,
          unit: quantity.unit,
          reason:
            classification.kind === 'discarded'
              ? classification.reason
              : 'no district: neither the sentence nor the article names one',
        })
        continue
      }
      previousMetric = classification.metric
      const runningTotal = RUNNING_TOTAL.test(sentence.text.slice(0, quantity.start))
      const figureEdition =
        classification.scope === 'profile' || cumulative || runningTotal
          ? null
          : editionForFigure(
              sentence.text,
              mentions,
              {
                start: quantity.numberStart,
                end: quantity.end,
                rank: rank++,
                count: figuresInSentence,
              },
              edition,
            )
      observations.push({
        id: '',
        article: article.id,
        sentence: sentence.text,
        sentenceStart: sentence.start,
        start: sentence.start + quantity.start,
        end: sentence.start + quantity.end,
        metric: classification.metric,
        value: quantity.value ?? 0,
        unit: quantity.unit ?? 'count',
        qualifier: quantity.qualifier,
        district: place.district,
        area: place.area,
        edition: figureEdition,
        scope: classification.scope,
        text: quantity.text,
        conversion: quantity.conversion,
      })
    }

    if (sentenceDistrict) {
      for (const mention of mentions) {
        if (cumulative) continue
        for (const milestoneEdition of mention.editions) {
          milestones.push({
            id: '',
            article: article.id,
            district: sentenceDistrict,
            edition: milestoneEdition,
            date: article.date,
            sentence: sentence.text,
            start: sentence.start,
            end: sentence.end,
          })
        }
      }
      for (const organisation of findOrganisations(sentence.text)) {
        organisations.push({
          ...organisation,
          district: sentenceDistrict,
          article: article.id,
          sentence: sentence.text,
        })
      }
    }
  }

  return {
    summary: {
      id: article.id,
      date: article.date,
      title: titleOf(sentences[0]?.sentence.text ?? article.id),
      district: places.district,
      districts: places.districts,
      area: places.area,
      edition,
      warnings,
    },
    observations: withIds(
      observations,
      (observation) =>
        `${sentenceHash(observation.sentence)}|${observation.text}|${observation.metric}`,
    ),
    discarded,
    milestones: uniqueBy(
      withIds(
        milestones,
        (milestone) =>
          `${sentenceHash(milestone.sentence)}|${milestone.district}|${milestone.edition}`,
      ),
      (milestone) => milestone.id,
    ),
    organisations: uniqueBy(
      organisations,
      (organisation) => `${organisation.name}|${organisation.role}|${organisation.district}`,
    ),
  }
}

/**
 * Ids from what a record says, not where it stands, so they survive edits elsewhere in the
 * article; a repeat of the same words in one article gets a counter.
 */
function withIds<T extends { id: string; article: string }>(
  records: Array<T>,
  key: (record: T) => string,
): Array<T> {
  const seen = new Map<string, number>()
  // The records were made by extractArticle for this: set in place rather than copied.
  for (const record of records) {
    const base = `${record.article}|${key(record)}`
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    record.id = `${record.article}~${stableId(count === 0 ? base : `${base}|${count}`)}`
  }
  return records
}

function uniqueBy<T>(records: Array<T>, key: (record: T) => string): Array<T> {
  const seen = new Set<string>()
  return records.filter((record) => {
    const value = key(record)
    if (seen.has(value)) return false
    seen.add(value)
    return true
  })
}

function titleOf(lede: string): string {
  if (lede.length <= TITLE_LENGTH) return lede
  const cut = lede.slice(0, TITLE_LENGTH)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).replace(/[,;:]$/, '')}…`
}

const COMPANY_NOUN_SUBJECT =
  /^(?:[^,]{0,40},\s+)?the (?:company|firm|group|retailer|brand|giant|manufacturer|carmaker|automaker|chain|multinational|[a-z]+ (?:giant|company|firm|group|maker|retailer))\b/i
// "Spring Airlines, the budget carrier headquartered in the district, alone placed ...",
// "Siemens Healthineers, whose China headquarters is in the district, has a booth ..."
const COMPANY_APPOSITIVE =
  /^[A-Z][\w&.'’ -]{1,60},\s+(?:whose\b|(?:the|a|an)\s+[^,]{0,60}\b(?:company|firm|carrier|airline|group|retailer|maker|manufacturer|giant|brand|chain|operator|supplier|producer|developer|multinational)\b[^,]*,)/
// A facility, programme or body of the district as the subject "it" points back to.
const DISTRICT_BODY_SUBJECT =
  /^(?:[^,]{0,60},\s+)?the\b[^,.]{0,60}?\b(?:hub|market|center|centre|platform|park|zone|pavilion|mall|hall|district|alliance|delegation|sub-delegation|area|corridor)\b/i
// Words of an attribution that make the speaker an official rather than a company.
const OFFICIAL_SPEAKER =
  /\b(?:district|director|official|officials|mayor|head|government|commission|bureau|committee|secretary|deputy|governor|administration|council)\b/i

/**
 * "“We have invested over US$500 million in Minhang,” said Andrew Wu, president of ...": a
 * company speaking of itself in a quote ("we", "our") is the company's figure.
 */
function companySpeaks(text: string): boolean {
  const quote = /["“]([^"”]*)["”]?/.exec(text)
  if (!quote || !/\b(?:we|our|us)\b/i.test(quote[1] ?? '')) return false
  const attribution = text.slice(quote.index + quote[0].length)
  return /\bsaid\b|\bsays\b/.test(attribution) && !OFFICIAL_SPEAKER.test(attribution)
}

const PRONOUN_SUBJECT =
  /^(?:[^,]{0,40},\s+|(?:This|Last|Next) year\s+|(?:However|Meanwhile|Also|Besides|Moreover),?\s+)?(?:it|its)\b/i
const ORG_SUFFIX_SUBJECT =
  /^(?:[A-Z][\w&.'’-]*\s+){0,6}(?:Co\.?,?\s+Ltd\.?|Co\.?|Ltd\.?|Group|Inc\.?|Corp\.?|Corporation|Company|Limited|plc|AG|GmbH|SA)\b(?:(?:'s|’s))?/
const COMPANY_POSSESSIVE =
  /\b(?!Shanghai|China|Jing)[A-Z][\w&-]+(?:'s|’s)\s+(?:[a-z-]+\s+){0,3}(?:outlets?|stores?|booth|stand|exhibition space|sales|revenue|employees|factories|plants)\b/

/**
 * A company is the subject: "The retailer ...", "Muji's booth ...", or "It ..." where the
 * sentence "it" points back to does not start with a district or zone.
 */
function hasCompanySubject(
  sentences: ReadonlyArray<{ sentence: Sentence; places: ReadonlyArray<PlaceMention> }>,
  index: number,
): boolean {
  const current = sentences[index]
  if (!current) return false
  const text = current.sentence.text
  if (
    COMPANY_APPOSITIVE.test(text) ||
    COMPANY_NOUN_SUBJECT.test(text) ||
    ORG_SUFFIX_SUBJECT.test(text) ||
    COMPANY_POSSESSIVE.test(text)
  )
    return true
  if (!PRONOUN_SUBJECT.test(text)) return false
  for (let back = index - 1; back >= Math.max(0, index - 4); back--) {
    const previous = sentences[back]
    if (!previous) break
    if (PRONOUN_SUBJECT.test(previous.sentence.text)) continue
    const startsWithPlace = previous.places.some((place) => place.start <= 4)
    if (startsWithPlace || DISTRICT_BODY_SUBJECT.test(previous.sentence.text)) return false
    return !/^(?:Shanghai|The city|China)\b/.test(previous.sentence.text)
  }
  return false
}
