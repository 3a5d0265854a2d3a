import * as v from 'valibot'

/**
 * The contract between the data pipeline and the app. The pipeline validates its output with
 * these schemas before writing a file; the app validates every response with the same ones.
 */

export const SCHEMA_VERSION = 1

export const DISTRICT_IDS = [
  'pudong',
  'huangpu',
  'jingan',
  'xuhui',
  'changning',
  'putuo',
  'hongkou',
  'yangpu',
  'minhang',
  'baoshan',
  'jiading',
  'jinshan',
  'songjiang',
  'qingpu',
  'fengxian',
  'chongming',
] as const
export const DistrictIdSchema = v.picklist(DISTRICT_IDS)
export type DistrictId = v.InferOutput<typeof DistrictIdSchema>

export const METRIC_KEYS = [
  'agreements_signed',
  'projects_signed',
  'partners',
  'experts_appointed',
  'investment',
  'deal_value',
  'orders_signed',
  'floor_area',
  'enterprises_attending',
  'exhibitors',
  'visitors',
  'event_attendance',
  'events_held',
  'companies_settling',
  'market_offerings',
  'sales',
] as const
export const MetricKeySchema = v.picklist(METRIC_KEYS)
export type MetricKey = v.InferOutput<typeof MetricKeySchema>

export const UNITS = ['count', 'CNY', 'USD', 'sqm', 'percent'] as const
export const UnitSchema = v.picklist(UNITS)
export type Unit = v.InferOutput<typeof UnitSchema>

export const QUALIFIERS = ['exact', 'more_than', 'about', 'nearly', 'at_least', 'up_to'] as const
export const QualifierSchema = v.picklist(QUALIFIERS)
export type Qualifier = v.InferOutput<typeof QualifierSchema>

export const SCOPES = ['ciie', 'profile', 'company'] as const
export const ScopeSchema = v.picklist(SCOPES)
export type Scope = v.InferOutput<typeof ScopeSchema>

// valibot's number() takes Infinity, which JSON cannot carry (it is written as null), and
// integer() takes integers past 2^53, which are not exact: refuse both.
const Finite = v.pipe(v.number(), v.finite())
const NonNegative = v.pipe(v.number(), v.finite(), v.minValue(0))
const Int = v.pipe(v.number(), v.safeInteger())
const intFrom = (min: number) => v.pipe(v.number(), v.safeInteger(), v.minValue(min))
const NonEmpty = v.pipe(v.string(), v.minLength(1))

const IsoDateSchema = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'))
const SlugSchema = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case slug'))

/** Reference data, as kept in data/*.json and served in catalog.json. */
export const DistrictSchema = v.object({
  id: DistrictIdSchema,
  en: NonEmpty,
  zh: NonEmpty,
  aliases: v.array(NonEmpty),
})
export type District = v.InferOutput<typeof DistrictSchema>

export const ZoneSchema = v.object({
  id: SlugSchema,
  en: NonEmpty,
  zh: NonEmpty,
  /** null: the zone spans several districts; the text names which one. */
  district: v.nullable(DistrictIdSchema),
  aliases: v.array(NonEmpty),
})
export type Zone = v.InferOutput<typeof ZoneSchema>

export const DistrictsFileSchema = v.object({
  districts: v.array(DistrictSchema),
  /** Names that contain a district's name but are not the district (Huangpu River). */
  notDistricts: v.array(NonEmpty),
  zones: v.array(ZoneSchema),
})
export type DistrictsFile = v.InferOutput<typeof DistrictsFileSchema>

export const EditionSchema = v.object({
  edition: intFrom(1),
  year: Int,
  start: IsoDateSchema,
  end: IsoDateSchema,
  en: NonEmpty,
  zh: NonEmpty,
})
export type Edition = v.InferOutput<typeof EditionSchema>
export const EditionsFileSchema = v.object({ editions: v.array(EditionSchema) })

export const MetricSchema = v.object({
  key: MetricKeySchema,
  en: NonEmpty,
  zh: NonEmpty,
  unitKind: v.picklist(['count', 'money', 'area']),
  definition: NonEmpty,
})
export type Metric = v.InferOutput<typeof MetricSchema>
export const MetricsFileSchema = v.object({ metrics: v.array(MetricSchema) })

export const CatalogSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  districts: v.array(DistrictSchema),
  zones: v.array(ZoneSchema),
  editions: v.array(EditionSchema),
  metrics: v.array(MetricSchema),
})
export type Catalog = v.InferOutput<typeof CatalogSchema>

/** One article as the dataset lists it (its text is in the article detail, not here). */
export const ArticleSummarySchema = v.object({
  id: SlugSchema,
  date: IsoDateSchema,
  title: v.string(),
  /** The district most of the article is about, or null when it names none. */
  district: v.nullable(DistrictIdSchema),
  /** Every district the article names. */
  districts: v.array(DistrictIdSchema),
  area: v.nullable(SlugSchema),
  edition: v.nullable(Int),
  warnings: v.array(v.string()),
})
export type ArticleSummary = v.InferOutput<typeof ArticleSummarySchema>

/** Which fields a correction may change, as the extractor had read them. */
export const CorrectableFieldsSchema = v.object({
  metric: v.optional(MetricKeySchema),
  value: v.optional(NonNegative),
  unit: v.optional(UnitSchema),
  qualifier: v.optional(QualifierSchema),
  district: v.optional(DistrictIdSchema),
  edition: v.optional(v.nullable(intFrom(1))),
})
export type CorrectableFields = v.InferOutput<typeof CorrectableFieldsSchema>

export const CORRECTION_ACTIONS = ['reject', 'fix', 'add'] as const
export const CorrectionActionSchema = v.picklist(CORRECTION_ACTIONS)
export type CorrectionAction = v.InferOutput<typeof CorrectionActionSchema>

/**
 * On a figure that data/corrections.json changed: what was done, why, when, and (for a fix or a
 * rejection) what the extractor had read, so the evidence can say "corrected: reason".
 */
export const CorrectionNoteSchema = v.object({
  action: CorrectionActionSchema,
  reason: NonEmpty,
  date: IsoDateSchema,
  /** The fields as extracted before the correction; absent for an added figure. */
  was: v.optional(CorrectableFieldsSchema),
})
export type CorrectionNote = v.InferOutput<typeof CorrectionNoteSchema>

const SpanFields = {
  article: SlugSchema,
  sentence: NonEmpty,
  /** Where the sentence starts in the article's text: `start - sentenceStart` is in `sentence`. */
  sentenceStart: intFrom(0),
  /** Offsets of the quantity in the article's normalised text (see parse-article.ts). */
  start: intFrom(0),
  end: intFrom(0),
}

export const ObservationSchema = v.object({
  id: NonEmpty,
  ...SpanFields,
  metric: MetricKeySchema,
  value: NonNegative,
  unit: UnitSchema,
  qualifier: QualifierSchema,
  district: DistrictIdSchema,
  area: v.nullable(SlugSchema),
  edition: v.nullable(Int),
  scope: ScopeSchema,
  /** The exact words the number was read from ("more than 100,000 square meters"). */
  text: NonEmpty,
  /** The same amount in another currency, given in brackets in the sentence. */
  conversion: v.nullable(v.object({ value: Finite, unit: UnitSchema })),
  /** Present only when data/corrections.json fixed or added this figure. */
  correction: v.optional(CorrectionNoteSchema),
})
export type Observation = v.InferOutput<typeof ObservationSchema>

export const DiscardedSchema = v.object({
  ...SpanFields,
  text: NonEmpty,
  value: v.nullable(Finite),
  unit: v.nullable(UnitSchema),
  reason: NonEmpty,
  /** Present only when data/corrections.json rejected a figure the extractor had read. */
  correction: v.optional(CorrectionNoteSchema),
})
export type Discarded = v.InferOutput<typeof DiscardedSchema>

export const MilestoneSchema = v.object({
  id: NonEmpty,
  article: SlugSchema,
  district: DistrictIdSchema,
  edition: Int,
  date: IsoDateSchema,
  sentence: NonEmpty,
  start: intFrom(0),
  end: intFrom(0),
})
export type Milestone = v.InferOutput<typeof MilestoneSchema>

export const OrganisationSchema = v.object({
  name: NonEmpty,
  role: v.picklist(['partner', 'enterprise']),
  district: DistrictIdSchema,
  article: SlugSchema,
  sentence: NonEmpty,
})
export type Organisation = v.InferOutput<typeof OrganisationSchema>

export const DatasetSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  articles: v.array(ArticleSummarySchema),
  observations: v.array(ObservationSchema),
  milestones: v.array(MilestoneSchema),
  organisations: v.array(OrganisationSchema),
  discarded: v.array(DiscardedSchema),
})
export type Dataset = v.InferOutput<typeof DatasetSchema>

/*
 * The API files the app reads. The overview needs only the summary, which stays small however
 * many articles there are; evidence and article text are in per-district and per-article files
 * that load when asked for.
 */

/** What the dataset was built from; the footer of views and exports cites it. */
export const CorpusInfoSchema = v.object({
  articles: intFrom(0),
  observations: intFrom(0),
  /** The oldest and newest article dates: the data is "as of" the newest. Null when empty. */
  firstDate: v.nullable(IsoDateSchema),
  lastDate: v.nullable(IsoDateSchema),
})
export type CorpusInfo = v.InferOutput<typeof CorpusInfoSchema>

/**
 * One summary cell on the wire: [edition, value, unit, qualifier, observations, conflict].
 * A tuple rather than an object keeps 16 districts × 8 editions × 16 metrics well under 100 KB.
 */
export const AggregateRowSchema = v.strictTuple([
  intFrom(1),
  NonNegative,
  UnitSchema,
  QualifierSchema,
  intFrom(1),
  v.picklist([0, 1]),
])
export type AggregateRow = v.InferOutput<typeof AggregateRowSchema>

/** One value per district × edition × metric, as the aggregation rules in the README decide it. */
export interface Aggregate {
  district: DistrictId
  edition: number
  metric: MetricKey
  value: number
  unit: Unit
  qualifier: Qualifier
  /** How many observations stand behind the value (the evidence panel lists them all). */
  observations: number
  /** True when articles give different values for the same cell. */
  conflict: boolean
}

/** summary.json as written: the catalog, the corpus and the cells by metric, then district. */
export const SummaryFileSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  corpus: CorpusInfoSchema,
  districts: v.array(DistrictSchema),
  zones: v.array(ZoneSchema),
  editions: v.array(EditionSchema),
  metrics: v.array(MetricSchema),
  // Keys limited to the enums and none required; the optional values make the inferred type
  // partial to match.
  cells: v.record(
    MetricKeySchema,
    v.optional(v.record(DistrictIdSchema, v.optional(v.array(AggregateRowSchema)))),
  ),
})
export type SummaryFile = v.InferOutput<typeof SummaryFileSchema>

/** The summary as the app uses it: the cells spelled out as objects. */
export type Summary = Omit<SummaryFile, 'cells'> & { aggregates: Array<Aggregate> }

/** Spells out the wire tuples; the order is the file's (metric, district, edition). */
export function expandSummary(file: SummaryFile): Summary {
  const { cells, ...rest } = file
  const aggregates: Array<Aggregate> = []
  for (const [metric, byDistrict] of Object.entries(cells)) {
    for (const [district, rows] of Object.entries(byDistrict ?? {})) {
      for (const [edition, value, unit, qualifier, observations, conflict] of rows ?? []) {
        aggregates.push({
          district: district as DistrictId,
          edition,
          metric: metric as MetricKey,
          value,
          unit,
          qualifier,
          observations,
          conflict: conflict === 1,
        })
      }
    }
  }
  return { ...rest, aggregates }
}

/** The summary file, validated and spelled out in one step at the fetch boundary. */
export const SummarySchema = v.pipe(SummaryFileSchema, v.transform(expandSummary))

/** districts/<id>.json: everything read about one district, for its page and its evidence. */
export const DistrictDetailSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  district: DistrictIdSchema,
  /** Every article that gave this district a figure or a milestone, or names it. */
  articles: v.array(ArticleSummarySchema),
  observations: v.array(ObservationSchema),
  milestones: v.array(MilestoneSchema),
  organisations: v.array(OrganisationSchema),
})
export type DistrictDetail = v.InferOutput<typeof DistrictDetailSchema>

/** articles/<id>.json: one article's text and what was read from it, with offsets into the text. */
export const ArticleDetailSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  article: ArticleSummarySchema,
  /** The normalised text (paragraphs joined by a blank line) that the offsets point into. */
  text: v.string(),
  observations: v.array(ObservationSchema),
  discarded: v.array(DiscardedSchema),
  milestones: v.array(MilestoneSchema),
})
export type ArticleDetail = v.InferOutput<typeof ArticleDetailSchema>

/** articles.json: the article index for the sources page. */
export const ArticleIndexEntrySchema = v.object({
  ...ArticleSummarySchema.entries,
  observations: intFrom(0),
})
export type ArticleIndexEntry = v.InferOutput<typeof ArticleIndexEntrySchema>
export const ArticleIndexSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  corpus: CorpusInfoSchema,
  articles: v.array(ArticleIndexEntrySchema),
})
export type ArticleIndex = v.InferOutput<typeof ArticleIndexSchema>

/**
 * One open conflict in conflicts.json: a district × edition × metric where articles give
 * different amounts. Its figures are the cell's observations in districts/<id>.json (listing them
 * here again would make this file as large as the dataset's figures on a large corpus).
 */
export const ConflictCellSchema = v.object({
  district: DistrictIdSchema,
  edition: intFrom(1),
  metric: MetricKeySchema,
  /** The value the dashboard shows for the cell, by the aggregation rules. */
  value: NonNegative,
  unit: UnitSchema,
  qualifier: QualifierSchema,
  /** The id of the figure that value comes from. */
  shown: NonEmpty,
  /** How many figures, from how many articles, stand behind the cell. */
  observations: intFrom(2),
  articles: intFrom(2),
})
export type ConflictCell = v.InferOutput<typeof ConflictCellSchema>

/**
 * A cell that data/corrections.json changed: the figures it counts now (a corrected one carries
 * its `correction`, a figure a fix moved elsewhere is listed in the cell it left too) and the
 * figures a person rejected there (`correction.action` "reject", `correction.was` what they said).
 */
export const SettledCellSchema = v.object({
  district: DistrictIdSchema,
  edition: intFrom(1),
  metric: MetricKeySchema,
  /** What the dashboard shows now, or null when no figure is left in the cell. */
  shown: v.nullable(
    v.object({
      value: NonNegative,
      unit: UnitSchema,
      qualifier: QualifierSchema,
      observation: NonEmpty,
    }),
  ),
  /** True when the articles still disagree after the corrections. */
  conflict: v.boolean(),
  observations: v.array(ObservationSchema),
  rejected: v.array(DiscardedSchema),
})
export type SettledCell = v.InferOutput<typeof SettledCellSchema>

/** conflicts.json: where sources disagree, and what corrections settled; for /conflicts. */
export const ConflictsFileSchema = v.object({
  schemaVersion: v.literal(SCHEMA_VERSION),
  /** Catalog order: district, then edition, then metric. */
  conflicts: v.array(ConflictCellSchema),
  settled: v.array(SettledCellSchema),
  /** The articles the settled cells' figures come from, by date and id. */
  articles: v.array(ArticleSummarySchema),
})
export type ConflictsFile = v.InferOutput<typeof ConflictsFileSchema>
