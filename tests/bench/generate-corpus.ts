/**
 * A synthetic corpus for the pipeline benchmark: press-style articles about Shanghai districts
 * around the CIIE, in the file format of data/articles (` date YYYY-MM-DD ` then the first
 * paragraph on line one, paragraphs separated by blank lines).
 *
 * The real corpus is far too small to measure throughput, so this one imitates the genre: the
 * figures the pipeline extracts, the qualifiers and number words it must read, and the traps it
 * must discard (years, plan periods, expo-wide totals, a company's own outlets). Companies,
 * people and figures are invented, and every article says so in its first paragraph.
 *
 * Each article depends only on (seed, index): a smaller corpus is a prefix of a larger one with
 * the same seed, which lets the benchmark cut its 1× and 4× corpora out of the 16× one.
 *
 * No Node imports at module level: the unit tests run in a jsdom project, and the CLI at the
 * bottom loads node:fs only when this file is run directly.
 */
import districtsJson from '../../data/districts.json'
import editionsJson from '../../data/editions.json'

export interface CorpusFile {
  fileName: string
  text: string
}

export interface CorpusOptions {
  articles: number
  seed: number
}

export const SYNTHETIC_MARKER = '(Synthetic benchmark article.)'

const MIN_PARAGRAPHS = 6
const MAX_PARAGRAPHS = 14
const MIN_TARGET_BYTES = 1600
const MAX_TARGET_BYTES = 2900
// Below 3 KB with room for the odd extra blank line the separators add after the budget check.
const MAX_BYTES = 2980

type District = (typeof districtsJson.districts)[number]
type Zone = (typeof districtsJson.zones)[number]
type Edition = (typeof editionsJson.editions)[number]

/** Generates `articles` synthetic articles; the same seed gives byte-identical output. */
export function generateCorpus({ articles, seed }: CorpusOptions): Array<CorpusFile> {
  const files: Array<CorpusFile> = []
  for (let index = 0; index < articles; index++) files.push(generateArticle(seed, index))
  return files
}

function generateArticle(seed: number, index: number): CorpusFile {
  const rng = new Random(articleSeed(seed, index))
  const districts = districtsJson.districts
  const editions = editionsJson.editions
  // District cycles fastest and edition once per 16 articles, so any 128 consecutive articles
  // cover every (district, edition) pair exactly once: an even spread at every corpus size.
  const district = at(districts, index % districts.length)
  const edition = at(editions, Math.floor(index / districts.length) % editions.length)
  const zones = districtsJson.zones.filter((zone) => zone.district === district.id)
  const zone = zones.length > 0 && rng.chance(0.7) ? rng.pick(zones) : undefined
  const month = rng.int(8, 12)
  const day = rng.int(1, daysInMonth(edition.year, month))
  const date = `${edition.year}-${pad(month, 2)}-${pad(day, 2)}`
  const writer = new ArticleWriter(rng, { district, zone, edition, date })
  const slug = zone === undefined ? district.id : `${district.id}-${zone.id}`
  return {
    fileName: `synthetic-${date}-${slug}-${pad(index + 1, 6)}.txt`,
    text: writer.write(),
  }
}

/** murmur3's finaliser over (seed, index): neighbouring indexes get unrelated PRNG streams. */
function articleSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) + index) >>> 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/** mulberry32: tiny, fast and identical on every platform, unlike Math.random. */
class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: ReadonlyArray<T>): T {
    return at(items, Math.floor(this.next() * items.length))
  }

  /** `count` distinct items in random order (a partial Fisher–Yates on a copy). */
  pickSome<T>(items: ReadonlyArray<T>, count: number): Array<T> {
    const pool = [...items]
    const picked: Array<T> = []
    while (picked.length < count && pool.length > 0) {
      const i = Math.floor(this.next() * pool.length)
      picked.push(at(pool, i))
      pool.splice(i, 1)
    }
    return picked
  }
}

function at<T>(items: ReadonlyArray<T>, index: number): T {
  const item = items[index]
  if (item === undefined) throw new RangeError(`index ${index} outside a list of ${items.length}`)
  return item
}

// ---------------------------------------------------------------------------------------------
// Words and numbers
// ---------------------------------------------------------------------------------------------

const ONES = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
]
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth']
const QUALIFIERS = [
  'more than',
  'over',
  'about',
  'around',
  'nearly',
  'almost',
  'at least',
  'up to',
  'some',
]
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
// Yuan per US dollar around each November, rounded: enough for plausible bracketed conversions.
const YUAN_PER_USD: Readonly<Record<number, number>> = {
  2018: 6.95,
  2019: 7.03,
  2020: 6.6,
  2021: 6.39,
  2022: 7.2,
  2023: 7.15,
  2024: 7.2,
  2025: 7.12,
}

function numberToWords(n: number): string {
  if (n < 20) return ONES[n] ?? String(n)
  if (n >= 100) return String(n)
  const ones = n % 10
  const tens = TENS[Math.floor(n / 10)] ?? ''
  return ones === 0 ? tens : `${tens}-${ONES[ones] ?? ''}`
}

function ordinalNumber(n: number): string {
  const suffix =
    n % 10 === 1 && n !== 11
      ? 'st'
      : n % 10 === 2 && n !== 12
        ? 'nd'
        : n % 10 === 3 && n !== 13
          ? 'rd'
          : 'th'
  return `${n}${suffix}`
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Rounds to two significant figures, the way reporters round figures they qualify. */
function roundNicely(n: number): number {
  if (n < 20) return n
  if (n < 100) return Math.round(n / 5) * 5
  const step = 10 ** (Math.floor(Math.log10(n)) - 1)
  return Math.round(n / step) * step
}

/** "1.25 billion", "700 million", "8.5 million": the scale words the genre uses for money. */
function scaleWords(value: number): string {
  if (value >= 1e9) return `${trimDecimals(value / 1e9, 2)} billion`
  if (value >= 1e6) return `${trimDecimals(value / 1e6, value >= 1e7 ? 0 : 1)} million`
  return groupThousands(Math.round(value))
}

function trimDecimals(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)))
}

/** Templates may open with a place ("the Bund") or end with one ("Nanjing Road W."). */
function finishSentence(sentence: string): string {
  return capitalize(sentence).replace(/\.\.$/, '.')
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "a, b and c"; the Oxford comma when items contain "and" themselves ("trade, and health"). */
function listOf(items: ReadonlyArray<string>): string {
  if (items.length <= 1) return items.join('')
  const serial = items.length > 2 && items.some((item) => item.includes(' and ')) ? ',' : ''
  return `${items.slice(0, -1).join(', ')}${serial} and ${items[items.length - 1] ?? ''}`
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** UTF-8 length without TextEncoder, so sizes agree in Node and in jsdom. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) bytes += 1
    else if (code < 0x800) bytes += 2
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

// ---------------------------------------------------------------------------------------------
// Invented names: no real company or person is credited with an invented figure.
// ---------------------------------------------------------------------------------------------

const NAME_STEMS = [
  'Aldermoor',
  'Brevik',
  'Castellan',
  'Dunmore',
  'Elvaro',
  'Fennick',
  'Galloway',
  'Halvard',
  'Isenbrook',
  'Juniper',
  'Kestrel',
  'Lindqvist',
  'Marisol',
  'Northcote',
  'Orlen',
  'Pellham',
  'Quorra',
  'Rosenthal',
  'Solberg',
  'Tavira',
  'Valenne',
  'Westmark',
  'Yarrow',
  'Zeller',
]
const COMPANY_KINDS = [
  { noun: 'pharmaceutical giant', suffixes: ['Pharma', 'Biosciences', 'Therapeutics'] },
  { noun: 'retailer', suffixes: ['Living', 'Goods', 'Stores'] },
  { noun: 'medical device maker', suffixes: ['Medical', 'MedTech', 'Diagnostics'] },
  { noun: 'cosmetics group', suffixes: ['Beauty', 'Cosmetics', 'Skincare'] },
  { noun: 'food company', suffixes: ['Foods', 'Dairy', 'Nutrition'] },
  { noun: 'automation firm', suffixes: ['Automation', 'Robotics', 'Systems'] },
  { noun: 'carmaker', suffixes: ['Motors', 'Mobility', 'Automotive'] },
  { noun: 'logistics provider', suffixes: ['Logistics', 'Freight', 'Shipping'] },
  { noun: 'fashion house', suffixes: ['Atelier', 'Fashion', 'Maison'] },
] as const
const NATIONALITIES = [
  'Japanese',
  'German',
  'French',
  'US',
  'Swiss',
  'Danish',
  'Italian',
  'British',
  'South Korean',
  'Dutch',
  'Swedish',
  'Australian',
  'Singaporean',
]
const ORG_KINDS = ['Consulting', 'Advisory', 'Capital', 'Exhibition Services', 'Law Offices']
const SURNAMES = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu']
const MORE_SURNAMES = ['Xu', 'Sun', 'Hu', 'Zhu', 'Gao', 'Lin', 'He', 'Guo', 'Ma', 'Luo', 'Xie']
const GIVEN_NAMES = ['Hua', 'Ming', 'Wei', 'Jing', 'Lei', 'Yan', 'Fang', 'Jun', 'Qiang', 'Xin']
const MORE_GIVEN_NAMES = ['Hui', 'Ying', 'Tao', 'Bin', 'Yu', 'Jie', 'Ling', 'Feng', 'Jianguo']
const CITIES = [
  'Beijing',
  'Fuzhou',
  'Shenzhen',
  'Hangzhou',
  'Nanjing',
  'Chengdu',
  'Hong Kong',
  'Singapore',
  'Tokyo',
  'Frankfurt',
  'Paris',
  'Milan',
  'Dubai',
]
const SECTORS = [
  'artificial intelligence',
  'biomedicine',
  'high-end equipment',
  'trade and exhibition',
  'green energy',
  'integrated circuits',
  'new energy vehicles',
  'the digital economy',
  'fashion and consumer goods',
  'health care',
  'financial services',
  'logistics',
  'cultural tourism',
  'smart manufacturing',
  'cosmetics',
  'low-carbon technology',
]
const CLUSTERS = [
  'business and trade',
  'convention and exhibition',
  'science and innovation',
  'health',
  'the digital economy',
  'fashion and consumption',
  'biomedicine',
  'finance',
  'culture and tourism',
  'green and low-carbon industries',
]
const EXHIBIT_KINDS = [
  'Chilean cherries',
  'Australian wine',
  'New Zealand dairy products',
  'Italian leather goods',
  'Japanese skincare',
  'Thai rice',
  'French cheese',
  'Swiss watches',
  'German kitchenware',
  'Rwandan coffee',
]
const LANDMARKS = [
  'Hongqiao International Airport',
  'Pudong International Airport',
  'the National Exhibition and Convention Center (Shanghai)',
  'the Hongqiao railway hub',
]

// ---------------------------------------------------------------------------------------------
// One article
// ---------------------------------------------------------------------------------------------

interface Setting {
  district: District
  zone: Zone | undefined
  edition: Edition
  date: string
}

interface Company {
  name: string
  described: string
}

type Template = (w: ArticleWriter) => string

/** Knows the article's setting and turns templates into sentences with varied wording. */
class ArticleWriter {
  private readonly usdRate: number
  private readonly quoteStyle: 'straight' | 'curly' | 'mixed'
  private fillers: Array<Template> = []

  constructor(
    readonly rng: Random,
    readonly setting: Setting,
  ) {
    this.usdRate = YUAN_PER_USD[setting.edition.year] ?? 7
    // Real articles mix ' and ’ (even within one article): the pipeline has to read both.
    this.quoteStyle = rng.pick(['straight', 'curly', 'mixed'] as const)
  }

  write(): string {
    const { rng } = this
    const targetBytes = rng.int(MIN_TARGET_BYTES, MAX_TARGET_BYTES)
    let paragraphCount = rng.int(MIN_PARAGRAPHS, MAX_PARAGRAPHS)
    const lead = this.styleQuotes(`${this.lead()} ${SYNTHETIC_MARKER}`, true)
    const header = ` date ${this.setting.date} `
    const stream = this.sentenceStream()
    const sentences: Array<string> = []
    let bytes = utf8Length(header + lead)
    while (sentences.length < paragraphCount - 1 || bytes < targetBytes) {
      const sentence = this.nextFitting(stream, MAX_BYTES - bytes - 2)
      if (sentence === undefined) break
      sentences.push(sentence)
      bytes += utf8Length(sentence) + 2
    }
    paragraphCount = Math.max(MIN_PARAGRAPHS, Math.min(paragraphCount, sentences.length + 1))
    const body = this.splitIntoParagraphs(sentences, paragraphCount - 1)
    const first = body[0]
    // The real West Hongqiao article repeats a paragraph; the sentence stage must count it once.
    if (first !== undefined && body.length < MAX_PARAGRAPHS - 1 && rng.chance(0.05)) {
      if (bytes + utf8Length(first) + 2 <= MAX_BYTES) body.splice(1, 0, first)
    }
    let text = header + lead
    for (const paragraph of body) text += this.separator() + paragraph
    return rng.chance(0.5) ? `${text}\n` : text
  }

  /** Mostly one blank line; now and then the stray extra blank lines real files have. */
  private separator(): string {
    const roll = this.rng.next()
    return roll < 0.9 ? '\n\n' : roll < 0.95 ? '\n\n\n' : '\n\n\n\n'
  }

  /** Tries a few sentences for one that fits the byte budget: fillers vary a lot in length. */
  private nextFitting(stream: () => string, room: number): string | undefined {
    for (let attempt = 0; attempt < 8; attempt++) {
      const sentence = stream()
      if (utf8Length(sentence) <= room) return sentence
    }
    return undefined
  }

  private splitIntoParagraphs(sentences: Array<string>, count: number): Array<string> {
    const cuts = new Set<number>([0, sentences.length])
    const candidates = Array.from({ length: sentences.length - 1 }, (_, i) => i + 1)
    for (const cut of this.rng.pickSome(candidates, count - 1)) cuts.add(cut)
    const bounds = [...cuts].sort((a, b) => a - b)
    const paragraphs: Array<string> = []
    for (let i = 0; i + 1 < bounds.length; i++) {
      paragraphs.push(sentences.slice(bounds[i], bounds[i + 1]).join(' '))
    }
    return paragraphs
  }

  /** Figures and traps in random order, interleaved with filler once they run low. */
  private sentenceStream(): () => string {
    const { rng } = this
    const metrics = rng.pickSome(Object.keys(FIGURES), rng.int(3, 7))
    const content: Array<Template> = [
      ...metrics.map((metric) => rng.pick(FIGURES[metric] ?? [])),
      ...rng.pickSome(TRAPS, rng.int(1, 3)),
    ]
    const queue = rng.pickSome(content, content.length)
    return () => {
      const template = queue.length > 0 && rng.chance(0.6) ? queue.shift() : this.nextFiller()
      return this.styleQuotes(finishSentence((template ?? this.nextFiller())(this)), false)
    }
  }

  /** Fillers in a shuffled cycle, so one article does not say the same thing twice. */
  private nextFiller(): Template {
    if (this.fillers.length === 0) this.fillers = this.rng.pickSome(FILLERS, FILLERS.length)
    return this.fillers.pop() ?? at(FILLERS, 0)
  }

  private styleQuotes(text: string, isLead: boolean): string {
    const curly = this.quoteStyle === 'curly' || (this.quoteStyle === 'mixed' && !isLead)
    if (curly) return text.replaceAll("'", '’')
    return text.replaceAll('“', '"').replaceAll('”', '"')
  }

  private lead(): string {
    const { rng, setting } = this
    const { edition } = setting
    const district = this.districtFormal()
    const expo = `${this.ordinal()} China International Import Expo`
    if (setting.date < edition.start) {
      const where =
        setting.zone === undefined
          ? `Shanghai's ${this.location()} ${district}`
          : `${withArticle(setting.zone.en)} in Shanghai's ${this.location()} ${district}`
      return rng.pick([
        `Ahead of the ${expo}, ${where} is seeking global economic cooperation and investment.`,
        `${capitalize(where)} is rolling out the red carpet for exhibitors and investors as the ${expo} approaches.`,
        `With the ${expo} only weeks away, ${where} is stepping up efforts to turn exhibitors into investors.`,
      ])
    }
    if (setting.date <= edition.end) {
      return rng.pick([
        `${district} hosted a promotion event on ${this.eventDay()} in conjunction with the ${expo}.`,
        `${district} has used the ${expo} to promote its economic strengths and administrative services to the rest of the world.`,
      ])
    }
    return rng.pick([
      `${district} is working to turn the spillover effects of the ${expo} into lasting growth.`,
      `Weeks after the ${expo} closed, ${district} is still counting the deals and projects it brought home.`,
      `The ${expo} may be over, but for ${district} the work of following up with exhibitors has only begun.`,
    ])
  }

  /** "November 7": a day of the expo, never before the article's own date. */
  eventDay(): string {
    const start = Number(this.setting.edition.start.slice(8))
    const articleDay = Number(this.setting.date.slice(8))
    return `November ${Math.max(start, Math.min(articleDay, start + this.rng.int(0, 4)))}`
  }

  /** A weekday at or shortly before the article's date, as in "was held ... on Thursday". */
  weekday(): string {
    const [year, month, day] = this.setting.date.split('-').map(Number)
    const date = new Date(Date.UTC(year ?? 2018, (month ?? 1) - 1, (day ?? 1) - this.rng.int(0, 3)))
    return WEEKDAYS[date.getUTCDay()] ?? 'Monday'
  }

  /** The district under one of its names: "Qingpu", "Qingpu District", "Pudong New Area". */
  district(): string {
    const { en, aliases } = this.setting.district
    return this.rng.chance(0.6) ? en : this.rng.pick(aliases)
  }

  /** The name a first mention uses. */
  districtFormal(): string {
    const { district } = this.setting
    return district.aliases.find((alias) => / (District|New Area)$/.test(alias)) ?? district.en
  }

  /** The zone if the article has one, otherwise the district. */
  place(): string {
    const { zone } = this.setting
    return zone === undefined ? this.district() : withArticle(this.rng.pick(zone.aliases))
  }

  /** What the article calls its subject in passing: "the business district", "the district". */
  area(): string {
    if (this.setting.zone === undefined) return 'the district'
    return this.rng.pick(['the business district', 'the area', 'the zone'])
  }

  location(): string {
    const id = this.setting.district.id
    if (id === 'pudong') return 'eastern'
    return DOWNTOWN.has(id) ? 'downtown' : 'suburban'
  }

  ordinal(edition = this.setting.edition.edition): string {
    return this.rng.chance(0.5) ? ordinalNumber(edition) : (ORDINAL_WORDS[edition - 1] ?? '')
  }

  /** An earlier edition, for the cross-references to past expos that the genre is full of. */
  earlierOrdinal(): string {
    const current = this.setting.edition.edition
    return current === 1 ? 'first' : this.ordinal(this.rng.int(1, current - 1))
  }

  expo(): string {
    return this.rng.pick(['CIIE', 'CIIE', 'expo', 'import expo', 'China International Import Expo'])
  }

  year(): number {
    return this.setting.edition.year
  }

  /** An exact integer in [min, max]. */
  int(min: number, max: number): number {
    return this.rng.int(min, max)
  }

  /** A count mid-sentence: "26", "more than 80", "about 1,200", "twenty-eight". */
  count(min: number, max: number): string {
    const n = this.rng.int(min, max)
    if (this.rng.chance(0.45))
      return `${this.rng.pick(QUALIFIERS)} ${groupThousands(roundNicely(n))}`
    if (n < 100 && this.rng.chance(0.2)) return numberToWords(n)
    return groupThousands(n)
  }

  /** A count that opens a sentence, where the genre spells it out or qualifies it. */
  countOpening(min: number, max: number): string {
    const n = this.rng.int(min, max)
    if (n === 12 || (n < 24 && this.rng.chance(0.1))) return 'A dozen'
    if (n < 100 && this.rng.chance(0.55)) return capitalize(numberToWords(n))
    const qualifier = this.rng.pick([...QUALIFIERS, 'a total of'])
    return `${capitalize(qualifier)} ${groupThousands(roundNicely(n))}`
  }

  /** A small count in words: "fourteen", "twenty-eight". */
  words(min: number, max: number): string {
    return numberToWords(this.rng.int(min, max))
  }

  /** Money in the genre's notations, with a bracketed conversion about half the time. */
  money(minYuan: number, maxYuan: number, { qualified = true } = {}): string {
    const yuan = roundNicely(minYuan + this.rng.next() * (maxYuan - minYuan))
    const usd = roundNicely(yuan / this.usdRate)
    const qualifier = qualified && this.rng.chance(0.3) ? `${this.rng.pick(QUALIFIERS)} ` : ''
    const style = this.rng.int(0, 5)
    if (style === 0) return `${qualifier}${scaleWords(yuan)} yuan (US$${scaleWords(usd)})`
    if (style === 1) return `${qualifier}US$${scaleWords(usd)} (${scaleWords(yuan)} yuan)`
    if (style === 2) return `${qualifier}RMB ${scaleWords(yuan)}`
    if (style === 3) return `${qualifier}US$${scaleWords(usd)}`
    if (style === 4) return `${qualifier}${scaleWords(yuan)} yuan ($${scaleWords(usd)})`
    return `${qualifier}${scaleWords(yuan)} yuan`
  }

  /** "more than 100,000 square meters". */
  squareMeters(min: number, max: number): string {
    return `${this.count(min, max)} square meters`
  }

  percent(min: number, max: number): string {
    return `${trimDecimals(min + this.rng.next() * (max - min), 1)} percent`
  }

  person(): string {
    const surname = this.rng.pick(this.rng.chance(0.5) ? SURNAMES : MORE_SURNAMES)
    const given = this.rng.pick(this.rng.chance(0.5) ? GIVEN_NAMES : MORE_GIVEN_NAMES)
    return `${surname} ${given}`
  }

  /** "Wang Hua, director of Jing'an": a person with a title tied to this article's place. */
  official(): string {
    const district = this.district()
    const { zone } = this.setting
    const titles = [
      `director of ${district}`,
      `deputy district mayor of ${district}`,
      `head of the ${district} Commerce Commission`,
      `Party secretary of ${district}`,
      `director of the ${district} investment promotion service center`,
    ]
    if (zone !== undefined) titles.push(`general manager of Shanghai ${zone.en} Development Co Ltd`)
    return `${this.person()}, ${this.rng.pick(titles)}`
  }

  /** An invented company, of the given kind if the sentence needs one ("retailer"). */
  company(noun?: (typeof COMPANY_KINDS)[number]['noun']): Company {
    const kind = COMPANY_KINDS.find((k) => k.noun === noun) ?? this.rng.pick(COMPANY_KINDS)
    const name = `${this.rng.pick(NAME_STEMS)} ${this.rng.pick(kind.suffixes)}`
    return { name, described: `${this.rng.pick(NATIONALITIES)} ${kind.noun} ${name}` }
  }

  /** Partners the way the genre lists them, acronym glosses included ("..., or JLL"). */
  organisations(count: number): string {
    const names = this.rng.pickSome(NAME_STEMS, count).map((stem, i) => {
      const name = `${stem} ${this.rng.pick(ORG_KINDS)}`
      if (i !== 0 || !this.rng.chance(0.4)) return name
      const initials = name
        .split(' ')
        .map((word) => word.charAt(0))
        .join('')
      return `${name}, or ${initials},`
    })
    return listOf(names).replace(/,,/, ',')
  }

  /** A sector as a modifier: "digital economy companies", not "the digital economy companies". */
  sector(): string {
    return this.rng.pick(SECTORS).replace(/^the /, '')
  }

  sectors(count: number): string {
    return listOf(this.rng.pickSome(SECTORS, count))
  }

  cities(count: number): string {
    return listOf(this.rng.pickSome(CITIES, count))
  }

  clusters(count: number): string {
    return listOf(this.rng.pickSome(CLUSTERS, count))
  }

  pick<T>(items: ReadonlyArray<T>): T {
    return this.rng.pick(items)
  }
}

/** "the West Hongqiao Business District", "the Bund", but "North Hongqiao", "Changxing Island". */
function withArticle(zoneName: string): string {
  if (zoneName.startsWith('The ')) return `the ${zoneName.slice(4)}`
  return /(District|Park|Corridor|Area|Valley|Port)$/.test(zoneName) ? `the ${zoneName}` : zoneName
}

const DOWNTOWN = new Set(['huangpu', 'jingan', 'xuhui', 'changning', 'putuo', 'hongkou', 'yangpu'])

// ---------------------------------------------------------------------------------------------
// Sentences that carry a figure, one list per metric in data/metrics.json
// ---------------------------------------------------------------------------------------------

const FIGURES: Readonly<Record<string, ReadonlyArray<Template>>> = {
  agreements_signed: [
    (w) =>
      `${w.district()} signed ${w.count(5, 60)} cooperation agreements with multinational companies, chambers of commerce and research institutes during the ${w.ordinal()} CIIE.`,
    (w) =>
      `${w.countOpening(8, 45)} strategic cooperation agreements were inked at the event, covering ${w.sectors(w.int(2, 4))}.`,
    (w) =>
      `${w.countOpening(100, 600)} companies attended the events, and ${w.words(10, 40)} of them signed cooperation agreements with the district.`,
    (w) =>
      `The district and ${w.company().name} signed a memorandum of understanding on the sidelines of the expo, one of ${w.count(10, 30)} agreements reached there.`,
  ],
  projects_signed: [
    (w) =>
      `Agreements on ${w.count(10, 60)} projects in ${w.sectors(w.int(3, 5))} sectors were signed at the same time.`,
    (w) =>
      `${w.countOpening(10, 50)} key projects were signed on site, with a total investment of ${w.money(1e9, 5e10)}.`,
    (w) =>
      `During the ${w.ordinal()} CIIE, ${w.district()} landed ${w.count(5, 40)} projects, most of them from exhibitors that had first visited ${w.area()} during the expo.`,
  ],
  partners: [
    (w) =>
      `During the event, a global industry partnership plan for ${w.place()} was released, with ${w.count(10, 60)} partners such as ${w.organisations(3)} signing up.`,
    (w) =>
      `${w.countOpening(10, 40)} new partners, including ${w.organisations(2)}, joined the ${w.place()} CIIE service alliance this year.`,
  ],
  experts_appointed: [
    (w) =>
      `${w.countOpening(8, 30)} industry experts and entrepreneurs were appointed as industry development consultants of ${w.area()}.`,
    (w) =>
      `The district appointed ${w.count(5, 25)} overseas business leaders as its "global investment promotion ambassadors".`,
  ],
  investment: [
    (w) => `The projects involve a total investment of ${w.money(5e8, 8e10)}.`,
    (w) => {
      const company = w.company()
      return `${capitalize(company.described)} announced an investment of ${w.money(1e8, 5e9)} to build its regional headquarters in ${w.place()}.`
    },
    (w) =>
      `Projects signed with ${w.district()} during the expo week are worth ${w.money(2e9, 6e10)} in total.`,
  ],
  deal_value: [
    (w) =>
      `${w.district()}'s trading sub-delegation reached deals of intent worth ${w.money(1e8, 5e9)} at the ${w.ordinal()} CIIE.`,
    (w) =>
      `Buyers from the district signed procurement deals worth ${w.money(5e7, 3e9)} with exhibitors from ${w.count(10, 60)} countries and regions.`,
    (w) =>
      `Purchases made by the district's enterprises at the expo totaled ${w.money(1e8, 4e9)}, up ${w.percent(2, 30)} from a year earlier.`,
  ],
  orders_signed: [
    (w) =>
      `${w.countOpening(20, 300)} procurement orders were signed at a matchmaking session organized by the district's trading sub-delegation.`,
    (w) =>
      `The district's buyers signed ${w.count(20, 300)} orders with overseas exhibitors for ${w.pick(EXHIBIT_KINDS)}, medical equipment and industrial robots.`,
  ],
  floor_area: [
    (w) => `Covering ${w.squareMeters(20000, 300000)}, they will be located in ${w.place()}.`,
    (w) =>
      `${w.company().name} designed an immersive experience for visitors in a ${roundNicely(w.int(100, 900))}-square-meter exhibition space.`,
    (w) =>
      `The new exhibition and trading center in ${w.place()} has a floor area of ${w.squareMeters(5000, 80000)}.`,
  ],
  enterprises_attending: [
    (w) =>
      `${w.countOpening(30, 300)} enterprises with operations or regional headquarters in ${w.district()} participated in this year's CIIE.`,
    (w) =>
      `The district's trading sub-delegation brought ${w.count(200, 3000)} enterprises and institutions to the ${w.ordinal()} CIIE.`,
  ],
  exhibitors: [
    (w) =>
      `The ${w.district()} pavilion hosted ${w.count(20, 150)} exhibitors from ${w.count(10, 50)} countries and regions.`,
    (w) =>
      `${w.countOpening(10, 80)} exhibitors based in ${w.place()} showcased their products at the ${w.ordinal()} CIIE.`,
  ],
  visitors: [
    (w) =>
      `The import commodity hub in ${w.place()} received ${w.count(10000, 500000)} visitors during the expo week.`,
    (w) =>
      `Daily visitor flow in ${w.place()} exceeded ${groupThousands(roundNicely(w.int(50000, 300000)))} during the CIIE, according to local authorities.`,
    (w) =>
      `${w.countOpening(1000, 20000)} professional buyers visited the district's showrooms during the expo.`,
  ],
  event_attendance: [
    (w) =>
      `The promotion event drew ${w.count(150, 800)} guests, including diplomats, business leaders and representatives of overseas chambers of commerce.`,
    (w) =>
      `${w.countOpening(200, 1000)} companies attended the matchmaking sessions held by ${w.district()}.`,
  ],
  events_held: [
    (w) =>
      `${w.district()} has held ${w.count(3, 30)} promotional events in and outside Shanghai this year, including in ${w.cities(3)}.`,
    (w) =>
      `In the run-up to the expo, the district organized ${w.words(5, 30)} forums, matchmaking sessions and roadshows.`,
  ],
  companies_settling: [
    (w) =>
      `${w.countOpening(5, 60)} companies signed letters of intent to settle in ${w.place()} during the expo.`,
    (w) => `So far, it has attracted ${w.count(10, 40)} innovative ${w.sector()} firms.`,
    (w) =>
      `${w.countOpening(5, 30)} exhibitors from previous editions have since set up offices in ${w.place()}.`,
  ],
  market_offerings: [
    (w) =>
      `The CIIE market in ${w.place()} offers ${w.count(1000, 80000)} imported products from ${w.count(50, 150)} countries and regions.`,
    (w) =>
      `${w.countOpening(100, 2500)} brands have set up counters at the district's 365-day CIIE trading hub.`,
  ],
  sales: [
    (w) =>
      `Sales at the hub reached ${w.money(1e8, 5e9)} in the first ${w.words(6, 10)} months of the year, up ${w.percent(2, 40)} year on year.`,
    (w) =>
      `The CIIE market's turnover topped ${w.money(5e7, 2e9, { qualified: false })} last year.`,
  ],
}

/** Names of the metrics the generator writes figures for (the tests compare with metrics.json). */
export const METRICS_WITH_FIGURES = Object.keys(FIGURES)

// ---------------------------------------------------------------------------------------------
// Traps: numbers the pipeline must not take for a district's figures
// ---------------------------------------------------------------------------------------------

const TRAPS: ReadonlyArray<Template> = [
  (w) => {
    const years = w.setting.edition.edition
    if (years === 1)
      return `${w.company().name} is among the exhibitors taking part in the first CIIE.`
    return `${w.company().name} has participated in the CIIE for ${numberToWords(years)} years.`
  },
  (w) => {
    const plan =
      w.year() >= 2021 ? '14th Five-Year Plan (2021-2025)' : '13th Five-Year Plan (2016-2020)'
    return `${w.district()} promoted its ${w.sector()} sector during the ${w.earlierOrdinal()} CIIE, a high priority since the release of the district's ${plan}.`
  },
  (w) =>
    `The ${w.ordinal()} CIIE attracted ${w.count(2600, 4200)} exhibitors from ${w.count(120, 180)} countries and regions, and tentative deals reached US$${trimDecimals(55 + w.rng.next() * 30, 2)} billion, the organizers said.`,
  (w) => {
    const company = w.company('retailer').name
    const since = w.int(1995, w.year() - 3)
    return `${w.person()}, chairman of ${company} China, said the district had witnessed the company's growth from a single outlet in ${w.place()} in ${since} to ${w.int(40, 600)} outlets in more than ${w.int(10, 90)} cities across the country in ${numberToWords(w.year() - since)} years.`
  },
  (w) =>
    `It opened its first store on the Chinese mainland in ${w.place()} in ${w.int(1998, w.year() - 2)}, but it was only at the ${w.ordinal()} CIIE that it took part in the expo for the first time.`,
  (w) =>
    `${w.district()} aims to build ${w.place()} into a world-class CBD by ${w.pick([2030, 2035])}, with the help of ${w.int(3, 9)} special policies.`,
  (w) =>
    `The district is home to ${w.int(40, 200)} regional headquarters of multinational companies and ${w.int(10, 90)} foreign-funded R&D centers, and its GDP grew ${w.percent(2, 9)} in ${w.year() - 1}.`,
  (w) =>
    `${w.place()} is a ${w.pick(['20', '30', '40'])}-minute drive from ${w.pick(LANDMARKS)} and sits at the heart of the Yangtze River Delta, a region of more than 230 million people.`,
  (w) =>
    w.setting.edition.edition === 1
      ? `${w.district()} will use the first CIIE to promote ${w.place()}, issuing a ${w.int(3, 5)}-year blueprint for the area.`
      : `It turned its focus to ${w.place()} in the ${w.earlierOrdinal()} and ${w.ordinal()} CIIEs, issuing a competitiveness index and a ${w.int(3, 5)}-year blueprint for the area.`,
  (w) =>
    `Riverside promenades along the Huangpu River were lit up for the ${w.year()} expo week, and the ${w.int(2, 12)} cruise ships docked there were fully booked.`,
  (w) =>
    `The event, held on ${w.eventDay()}, was the ${ordinalNumber(w.int(2, w.setting.edition.edition + 2))} of its kind since 2018.`,
]

// ---------------------------------------------------------------------------------------------
// Filler: sentences without figures, assembled from parts so the text does not repeat
// ---------------------------------------------------------------------------------------------

const SAYERS = ['officials said', 'local officials said', 'organizers said', 'analysts noted']
const IMPROVEMENTS = [
  'further improve its business environment',
  'cut red tape for foreign investors',
  'speed up approvals for imported goods',
  'offer one-stop services to exhibitors',
  'step up support for talent recruitment',
  'expand the spillover effects of the expo',
]
const QUOTE_OPENINGS = [
  'CIIE is an important platform for deepening understanding and strengthening cooperation',
  'The expo has brought the world to our doorstep',
  'Every edition of the expo brings us new partners',
  'We want exhibitors to become investors, and exhibits to become commodities',
  'Our doors are open, and our services are ready',
]
const QUOTE_CLOSINGS = [
  'We will welcome investment with the most open mind and the most considerate service.',
  'We hope more global companies will put down roots here.',
  'The district will keep improving its services for enterprises of every size.',
  'Openness is the foundation of our development.',
]
const HUB_ROLES = [
  'a traffic hub',
  'a convention and exhibition hub',
  'a trade and business hub',
  'a magnet for funds and talents',
  'a gateway for imported goods',
  'a launch pad for new products',
]
const PLEDGES = [
  'become a world-class CBD with a clear blueprint',
  'build a first-class business environment',
  'serve as a showcase for high-level opening-up',
  'support enterprises in talent recruiting, business operations and administrative processes',
]

const FILLERS: ReadonlyArray<Template> = [
  (w) =>
    `These companies will inject new vitality and momentum into the development of ${w.place()}, ${w.pick(SAYERS)}.`,
  (w) => `${w.area()} will ${listOf(w.rng.pickSome(IMPROVEMENTS, 2))}, ${w.pick(SAYERS)}.`,
  (w) => `“${w.pick(QUOTE_OPENINGS)},” said ${w.official()}. “${w.pick(QUOTE_CLOSINGS)}”`,
  (w) => {
    const count = w.int(3, 5)
    return `Home to several leading enterprises, ${w.area()} is developing ${numberToWords(count)} industry clusters – ${w.clusters(count)}.`
  },
  (w) =>
    `Benefiting from the business opportunities of the CIIE, the Hongqiao International Open Hub and the integration of the Yangtze River Delta, ${w.area()} has gathered a number of leading enterprises in ${w.sectors(2)}.`,
  (w) =>
    `${w.place()} has become ${listOf(w.rng.pickSome(HUB_ROLES, 3))}, according to ${w.official()}.`,
  (w) =>
    `${w.official()}, provided a comprehensive overview of the district's economic strengths, significant industries and administrative services.`,
  (w) =>
    `The district has a tradition of using the ${w.expo()} to promote itself to the rest of the world.`,
  (w) => `Additionally, the event promoted significant growth zones in ${w.district()}.`,
  (w) => {
    const company = w.company()
    return `${capitalize(company.described)} praised ${w.district()} as the hub of its business in Shanghai and an important part of its worldwide landscape.`
  },
  (w) =>
    `${w.district()} has pledged to ${w.pick(PLEDGES)}, which has helped investors like ${w.company().name}, ${w.person()} said.`,
  (w) =>
    `The event was held at the National Exhibition and Convention Center (Shanghai), the ${w.expo()} venue, on ${w.weekday()}.`,
  (w) =>
    `Exhibits from previous editions, such as ${listOf(w.rng.pickSome(EXHIBIT_KINDS, 2))}, have become regular products on the shelves of local stores.`,
  (w) =>
    `The district will continue to ${w.pick(IMPROVEMENTS)} so that exhibits become commodities and exhibitors become investors.`,
  (w) =>
    `Efforts will be made to ${w.pick(IMPROVEMENTS)}, ${w.pick(SAYERS)}, as ${w.area()} looks to attract more ${w.sector()} companies.`,
  (w) =>
    `Many of the firms that came to ${w.place()} for the expo are now looking for office space in ${w.area()}.`,
  (w) =>
    `${w.place()} focuses on ${w.clusters(2)}, while neighboring areas specialize in ${w.sectors(2)}.`,
  (w) =>
    `Representatives from ${w.cities(2)} took part in a roundtable on cross-border e-commerce and bonded trade.`,
  (w) =>
    `${w.company().name} launched its first environmentally friendly concept shop in ${w.place()} this year and wants to establish its regional headquarters there in the future.`,
  (w) =>
    `The ${w.expo()} has become a window for the world to share in China's market opportunities, ${w.pick(SAYERS)}.`,
]

// ---------------------------------------------------------------------------------------------
// CLI: tsx tests/bench/generate-corpus.ts --articles 1000 --out <dir> [--seed 1]
// ---------------------------------------------------------------------------------------------

async function main(args: Array<string>): Promise<void> {
  const { parseArgs } = await import('node:util')
  const { mkdir, readdir, rm, writeFile } = await import('node:fs/promises')
  const { join } = await import('node:path')
  const { values } = parseArgs({
    args,
    options: {
      articles: { type: 'string', default: '1000' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
  })
  const articles = Number(values.articles)
  const seed = Number(values.seed)
  if (values.out === undefined || !Number.isInteger(articles) || articles < 0) {
    throw new Error('usage: tsx tests/bench/generate-corpus.ts --articles N --out DIR [--seed N]')
  }
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not ${values.seed}`)
  const out = values.out
  await mkdir(out, { recursive: true })
  // Files left by an earlier, larger run would silently join this corpus; only ours are removed.
  for (const name of await readdir(out)) {
    if (name.startsWith('synthetic-') && name.endsWith('.txt')) await rm(join(out, name))
  }
  let bytes = 0
  for (const file of generateCorpus({ articles, seed })) {
    await writeFile(join(out, file.fileName), file.text)
    bytes += utf8Length(file.text)
  }
  console.log(`wrote ${articles} articles (${(bytes / 1e6).toFixed(2)} MB) to ${out}`)
}

const entry = typeof process === 'undefined' ? undefined : process.argv[1]
if (entry !== undefined && import.meta.url.endsWith(entry.replaceAll('\\', '/'))) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
}
