import * as v from 'valibot'
import { QualifierSchema, UnitSchema } from '../pipeline/schema'

/**
 * A chart as a report figure: everything needed to draw it again at any size, with no reference
 * to the page it came from. Views build one per chart; the export layer lays it out for a size
 * preset and writes SVG, PNG or CSV. Specs are also what the report keeps in localStorage, so
 * they are validated on the way back in (the schema is the contract).
 */

const Text = v.pipe(v.string(), v.maxLength(2_000))
const Label = v.pipe(v.string(), v.maxLength(300))
const Color = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour'))
/** A list of at most `max` items. */
const list = <TItem extends v.GenericSchema>(item: TItem, max: number) =>
  v.pipe(v.array(item), v.maxLength(max))

/** One drawn value; `value: null` is "not reported" and is never drawn as zero. */
export const FigureValueSchema = v.object({
  key: Label,
  /** Category label: a district name, or an edition label "6th (2023)". */
  label: Label,
  value: v.nullable(v.pipe(v.number(), v.finite(), v.minValue(0))),
  /** "80+", "US$700 million", "not reported". */
  display: Label,
  qualifier: v.nullable(QualifierSchema),
  conflict: v.boolean(),
  color: Color,
  /** Drawn with an outline: the edition the user selected. */
  highlight: v.optional(v.boolean()),
})
export type FigureValue = v.InferOutput<typeof FigureValueSchema>

/** Horizontal bars, one row per category (districts, largest first). */
export const BarsChartSchema = v.object({
  kind: v.literal('bars'),
  rows: list(FigureValueSchema, 200),
})

/**
 * Small multiples: rows of panels, each panel a column chart over the same categories (editions).
 * Panels in one row share a scale; a single column chart is one row with one panel.
 */
export const PanelsChartSchema = v.object({
  kind: v.literal('panels'),
  rows: list(
    v.object({
      /** "Partners", "Agreements signed (US dollars)"; empty for a single chart. */
      title: Label,
      /** Each panel has its own scale when false. */
      sharedScale: v.boolean(),
      panels: list(
        v.object({
          /** District name; empty for a single chart. */
          title: Label,
          color: Color,
          values: list(FigureValueSchema, 50),
          /** Under the panel, e.g. "Also reported in another currency: ...". */
          note: v.optional(Text),
        }),
        50,
      ),
    }),
    50,
  ),
})

/** Columns grouped by category (editions), one column per series (district) in each group. */
export const GroupedChartSchema = v.object({
  kind: v.literal('grouped'),
  categories: list(v.object({ key: Label, label: Label }), 50),
  series: list(
    v.object({
      key: Label,
      label: Label,
      color: Color,
      /** One value per category, in the categories' order. */
      values: list(FigureValueSchema, 50),
    }),
    50,
  ),
})

/** A table of values, each cell shaded by its share of the largest value. */
export const MatrixChartSchema = v.object({
  kind: v.literal('matrix'),
  columns: list(Label, 50),
  rows: list(
    v.object({
      label: Label,
      /** One cell per column; `value: null` is not reported. */
      cells: list(FigureValueSchema, 50),
    }),
    200,
  ),
})

export const FigureChartSchema = v.variant('kind', [
  BarsChartSchema,
  PanelsChartSchema,
  GroupedChartSchema,
  MatrixChartSchema,
])
export type FigureChart = v.InferOutput<typeof FigureChartSchema>
export type BarsChart = v.InferOutput<typeof BarsChartSchema>
export type PanelsChart = v.InferOutput<typeof PanelsChartSchema>
export type GroupedChart = v.InferOutput<typeof GroupedChartSchema>
export type MatrixChart = v.InferOutput<typeof MatrixChartSchema>

/** The data behind a figure, one row per district × edition × metric (see csv.ts). */
export const FigureCsvRowSchema = v.object({
  districtId: Label,
  district: Label,
  edition: v.pipe(v.number(), v.safeInteger()),
  editionLabel: Label,
  metricKey: Label,
  metric: Label,
  value: v.nullable(v.pipe(v.number(), v.finite())),
  unit: v.nullable(UnitSchema),
  qualifier: v.nullable(QualifierSchema),
  display: Label,
  sources: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  conflict: v.boolean(),
})

export const FigureSpecSchema = v.object({
  /** "Agreements signed by district". */
  title: Label,
  /** The selection: "6th CIIE (2023) · 5 of 16 districts report it". */
  subtitle: Label,
  chart: FigureChartSchema,
  /** Colour keys drawn above the chart (districts of a grouped chart). */
  legend: list(v.object({ label: Label, color: Color }), 50),
  /** Lines under the chart: what is not reported, what the marks mean. */
  notes: list(Text, 10),
  /** "Sources: 2 articles, 6 Nov 2023 – 9 Nov 2023." */
  sources: Text,
  /** "Dataset built 10 Nov 2023." */
  built: Text,
  /** The file name without extension: `ciie-6th-2023_agreements-signed_by-district`. */
  fileStem: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9_-]{1,200}$/, 'lower-case letters, digits, - and _'),
  ),
  csv: list(FigureCsvRowSchema, 20_000),
})
export type FigureSpec = v.InferOutput<typeof FigureSpecSchema>
