import { z } from 'zod/mini'

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
export const DistrictIdSchema = z.enum(DISTRICT_IDS)
export type DistrictId = z.infer<typeof DistrictIdSchema>

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
export const MetricKeySchema = z.enum(METRIC_KEYS)
export type MetricKey = z.infer<typeof MetricKeySchema>

export const UNITS = ['count', 'CNY', 'USD', 'sqm', 'percent'] as const
export const UnitSchema = z.enum(UNITS)
export type Unit = z.infer<typeof UnitSchema>

export const QUALIFIERS = ['exact', 'more_than', 'about', 'nearly', 'at_least', 'up_to'] as const
export const QualifierSchema = z.enum(QUALIFIERS)
export type Qualifier = z.infer<typeof QualifierSchema>

export const SCOPES = ['ciie', 'profile', 'company'] as const
export const ScopeSchema = z.enum(SCOPES)
export type Scope = z.infer<typeof ScopeSchema>

const IsoDateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'))
const SlugSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case slug'))

/** Reference data, as kept in data/*.json and served in catalog.json. */
export const DistrictSchema = z.object({
  id: DistrictIdSchema,
  en: z.string().check(z.minLength(1)),
  zh: z.string().check(z.minLength(1)),
  aliases: z.array(z.string().check(z.minLength(1))),
})
export type District = z.infer<typeof DistrictSchema>

export const ZoneSchema = z.object({
  id: SlugSchema,
  en: z.string().check(z.minLength(1)),
  zh: z.string().check(z.minLength(1)),
  /** null: the zone spans several districts; the text names which one. */
  district: z.nullable(DistrictIdSchema),
  aliases: z.array(z.string().check(z.minLength(1))),
})
export type Zone = z.infer<typeof ZoneSchema>

export const DistrictsFileSchema = z.object({
  districts: z.array(DistrictSchema),
  /** Names that contain a district's name but are not the district (Huangpu River). */
  notDistricts: z.array(z.string().check(z.minLength(1))),
  zones: z.array(ZoneSchema),
})
export type DistrictsFile = z.infer<typeof DistrictsFileSchema>

export const EditionSchema = z.object({
  edition: z.int().check(z.gte(1)),
  year: z.int(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  en: z.string().check(z.minLength(1)),
  zh: z.string().check(z.minLength(1)),
})
export type Edition = z.infer<typeof EditionSchema>
export const EditionsFileSchema = z.object({ editions: z.array(EditionSchema) })

export const MetricSchema = z.object({
  key: MetricKeySchema,
  en: z.string().check(z.minLength(1)),
  zh: z.string().check(z.minLength(1)),
  unitKind: z.enum(['count', 'money', 'area']),
  definition: z.string().check(z.minLength(1)),
})
export type Metric = z.infer<typeof MetricSchema>
export const MetricsFileSchema = z.object({ metrics: z.array(MetricSchema) })

export const CatalogSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  districts: z.array(DistrictSchema),
  zones: z.array(ZoneSchema),
  editions: z.array(EditionSchema),
  metrics: z.array(MetricSchema),
})
export type Catalog = z.infer<typeof CatalogSchema>

/** One article as the dataset lists it (its text is in the article detail, not here). */
export const ArticleSummarySchema = z.object({
  id: SlugSchema,
  date: IsoDateSchema,
  title: z.string(),
  /** The district most of the article is about, or null when it names none. */
  district: z.nullable(DistrictIdSchema),
  /** Every district the article names. */
  districts: z.array(DistrictIdSchema),
  area: z.nullable(SlugSchema),
  edition: z.nullable(z.int()),
  warnings: z.array(z.string()),
})
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>

/** Which fields a correction may change, as the extractor had read them. */
export const CorrectableFieldsSchema = z.object({
  metric: z.optional(MetricKeySchema),
  value: z.optional(z.number().check(z.nonnegative())),
  unit: z.optional(UnitSchema),
  qualifier: z.optional(QualifierSchema),
  district: z.optional(DistrictIdSchema),
  edition: z.optional(z.nullable(z.int().check(z.gte(1)))),
})
export type CorrectableFields = z.infer<typeof CorrectableFieldsSchema>

export const CORRECTION_ACTIONS = ['reject', 'fix', 'add'] as const
export const CorrectionActionSchema = z.enum(CORRECTION_ACTIONS)
export type CorrectionAction = z.infer<typeof CorrectionActionSchema>

/**
 * On a figure that data/corrections.json changed: what was done, why, when, and (for a fix or a
 * rejection) what the extractor had read, so the evidence can say "corrected: reason".
 */
export const CorrectionNoteSchema = z.object({
  action: CorrectionActionSchema,
  reason: z.string().check(z.minLength(1)),
  date: IsoDateSchema,
  /** The fields as extracted before the correction; absent for an added figure. */
  was: z.optional(CorrectableFieldsSchema),
})
export type CorrectionNote = z.infer<typeof CorrectionNoteSchema>

const SpanFields = {
  article: SlugSchema,
  sentence: z.string().check(z.minLength(1)),
  /** Where the sentence starts in the article's text: `start - sentenceStart` is in `sentence`. */
  sentenceStart: z.int().check(z.nonnegative()),
  /** Offsets of the quantity in the article's normalised text (see parse-article.ts). */
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
}

export const ObservationSchema = z.object({
  id: z.string().check(z.minLength(1)),
  ...SpanFields,
  metric: MetricKeySchema,
  value: z.number().check(z.nonnegative()),
  unit: UnitSchema,
  qualifier: QualifierSchema,
  district: DistrictIdSchema,
  area: z.nullable(SlugSchema),
  edition: z.nullable(z.int()),
  scope: ScopeSchema,
  /** The exact words the number was read from ("more than 100,000 square meters"). */
  text: z.string().check(z.minLength(1)),
  /** The same amount in another currency, given in brackets in the sentence. */
  conversion: z.nullable(z.object({ value: z.number(), unit: UnitSchema })),
  /** Present only when data/corrections.json fixed or added this figure. */
  correction: z.optional(CorrectionNoteSchema),
})
export type Observation = z.infer<typeof ObservationSchema>

export const DiscardedSchema = z.object({
  ...SpanFields,
  text: z.string().check(z.minLength(1)),
  value: z.nullable(z.number()),
  unit: z.nullable(UnitSchema),
  reason: z.string().check(z.minLength(1)),
  /** Present only when data/corrections.json rejected a figure the extractor had read. */
  correction: z.optional(CorrectionNoteSchema),
})
export type Discarded = z.infer<typeof DiscardedSchema>

export const MilestoneSchema = z.object({
  id: z.string().check(z.minLength(1)),
  article: SlugSchema,
  district: DistrictIdSchema,
  edition: z.int(),
  date: IsoDateSchema,
  sentence: z.string().check(z.minLength(1)),
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
})
export type Milestone = z.infer<typeof MilestoneSchema>

export const OrganisationSchema = z.object({
  name: z.string().check(z.minLength(1)),
  role: z.enum(['partner', 'enterprise']),
  district: DistrictIdSchema,
  article: SlugSchema,
  sentence: z.string().check(z.minLength(1)),
})
export type Organisation = z.infer<typeof OrganisationSchema>

export const DatasetSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  articles: z.array(ArticleSummarySchema),
  observations: z.array(ObservationSchema),
  milestones: z.array(MilestoneSchema),
  organisations: z.array(OrganisationSchema),
  discarded: z.array(DiscardedSchema),
})
export type Dataset = z.infer<typeof DatasetSchema>

/*
 * The API files the app reads. The overview needs only the summary, which stays small however
 * many articles there are; evidence and article text are in per-district and per-article files
 * that load when asked for.
 */

/** What the dataset was built from; the footer of views and exports cites it. */
export const CorpusInfoSchema = z.object({
  articles: z.int().check(z.nonnegative()),
  observations: z.int().check(z.nonnegative()),
  /** The oldest and newest article dates: the data is "as of" the newest. Null when empty. */
  firstDate: z.nullable(IsoDateSchema),
  lastDate: z.nullable(IsoDateSchema),
})
export type CorpusInfo = z.infer<typeof CorpusInfoSchema>

/**
 * One summary cell on the wire: [edition, value, unit, qualifier, observations, conflict].
 * A tuple rather than an object keeps 16 districts × 8 editions × 16 metrics well under 100 KB.
 */
export const AggregateRowSchema = z.tuple([
  z.int().check(z.gte(1)),
  z.number().check(z.nonnegative()),
  UnitSchema,
  QualifierSchema,
  z.int().check(z.gte(1)),
  z.union([z.literal(0), z.literal(1)]),
])
export type AggregateRow = z.infer<typeof AggregateRowSchema>

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
export const SummaryFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  corpus: CorpusInfoSchema,
  districts: z.array(DistrictSchema),
  zones: z.array(ZoneSchema),
  editions: z.array(EditionSchema),
  metrics: z.array(MetricSchema),
  cells: z.partialRecord(
    MetricKeySchema,
    z.partialRecord(DistrictIdSchema, z.array(AggregateRowSchema)),
  ),
})
export type SummaryFile = z.infer<typeof SummaryFileSchema>

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
export const SummarySchema = z.pipe(SummaryFileSchema, z.transform(expandSummary))

/** districts/<id>.json: everything read about one district, for its page and its evidence. */
export const DistrictDetailSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  district: DistrictIdSchema,
  /** Every article that gave this district a figure or a milestone, or names it. */
  articles: z.array(ArticleSummarySchema),
  observations: z.array(ObservationSchema),
  milestones: z.array(MilestoneSchema),
  organisations: z.array(OrganisationSchema),
})
export type DistrictDetail = z.infer<typeof DistrictDetailSchema>

/** articles/<id>.json: one article's text and what was read from it, with offsets into the text. */
export const ArticleDetailSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  article: ArticleSummarySchema,
  /** The normalised text (paragraphs joined by a blank line) that the offsets point into. */
  text: z.string(),
  observations: z.array(ObservationSchema),
  discarded: z.array(DiscardedSchema),
  milestones: z.array(MilestoneSchema),
})
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>

/** articles.json: the article index for the sources page. */
export const ArticleIndexEntrySchema = z.extend(ArticleSummarySchema, {
  observations: z.int().check(z.nonnegative()),
})
export type ArticleIndexEntry = z.infer<typeof ArticleIndexEntrySchema>
export const ArticleIndexSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  corpus: CorpusInfoSchema,
  articles: z.array(ArticleIndexEntrySchema),
})
export type ArticleIndex = z.infer<typeof ArticleIndexSchema>

/**
 * One open conflict in conflicts.json: a district × edition × metric where articles give
 * different amounts. Its figures are the cell's observations in districts/<id>.json (listing them
 * here again would make this file as large as the dataset's figures on a large corpus).
 */
export const ConflictCellSchema = z.object({
  district: DistrictIdSchema,
  edition: z.int().check(z.gte(1)),
  metric: MetricKeySchema,
  /** The value the dashboard shows for the cell, by the aggregation rules. */
  value: z.number().check(z.nonnegative()),
  unit: UnitSchema,
  qualifier: QualifierSchema,
  /** The id of the figure that value comes from. */
  shown: z.string().check(z.minLength(1)),
  /** How many figures, from how many articles, stand behind the cell. */
  observations: z.int().check(z.gte(2)),
  articles: z.int().check(z.gte(2)),
})
export type ConflictCell = z.infer<typeof ConflictCellSchema>

/**
 * A cell that data/corrections.json changed: the figures it counts now (a corrected one carries
 * its `correction`, a figure a fix moved elsewhere is listed in the cell it left too) and the
 * figures a person rejected there (`correction.action` "reject", `correction.was` what they said).
 */
export const SettledCellSchema = z.object({
  district: DistrictIdSchema,
  edition: z.int().check(z.gte(1)),
  metric: MetricKeySchema,
  /** What the dashboard shows now, or null when no figure is left in the cell. */
  shown: z.nullable(
    z.object({
      value: z.number().check(z.nonnegative()),
      unit: UnitSchema,
      qualifier: QualifierSchema,
      observation: z.string().check(z.minLength(1)),
    }),
  ),
  /** True when the articles still disagree after the corrections. */
  conflict: z.boolean(),
  observations: z.array(ObservationSchema),
  rejected: z.array(DiscardedSchema),
})
export type SettledCell = z.infer<typeof SettledCellSchema>

/** conflicts.json: where sources disagree, and what corrections settled; for /conflicts. */
export const ConflictsFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Catalog order: district, then edition, then metric. */
  conflicts: z.array(ConflictCellSchema),
  settled: z.array(SettledCellSchema),
  /** The articles the settled cells' figures come from, by date and id. */
  articles: z.array(ArticleSummarySchema),
})
export type ConflictsFile = z.infer<typeof ConflictsFileSchema>
