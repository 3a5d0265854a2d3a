import { z } from 'zod'
import { QualifierSchema, UnitSchema } from '../pipeline/schema'

/**
 * A chart as a report figure: everything needed to draw it again at any size, with no reference
 * to the page it came from. Views build one per chart; the export layer lays it out for a size
 * preset and writes SVG, PNG or CSV. Specs are also what the report keeps in localStorage, so
 * they are validated on the way back in (the schema is the contract).
 */

const Text = z.string().max(2_000)
const Label = z.string().max(300)
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a #rrggbb colour')

/** One drawn value; `value: null` is "not reported" and is never drawn as zero. */
export const FigureValueSchema = z.object({
  key: Label,
  /** Category label: a district name, or an edition label "6th (2023)". */
  label: Label,
  value: z.number().finite().nonnegative().nullable(),
  /** "80+", "US$700 million", "not reported". */
  display: Label,
  qualifier: z.nullable(QualifierSchema),
  conflict: z.boolean(),
  color: Color,
  /** Drawn with an outline: the edition the user selected. */
  highlight: z.boolean().optional(),
})
export type FigureValue = z.infer<typeof FigureValueSchema>

/** Horizontal bars, one row per category (districts, largest first). */
export const BarsChartSchema = z.object({
  kind: z.literal('bars'),
  rows: z.array(FigureValueSchema).max(200),
})

/**
 * Small multiples: rows of panels, each panel a column chart over the same categories (editions).
 * Panels in one row share a scale; a single column chart is one row with one panel.
 */
export const PanelsChartSchema = z.object({
  kind: z.literal('panels'),
  rows: z
    .array(
      z.object({
        /** "Partners", "Agreements signed (US dollars)"; empty for a single chart. */
        title: Label,
        /** Each panel has its own scale when false. */
        sharedScale: z.boolean(),
        panels: z
          .array(
            z.object({
              /** District name; empty for a single chart. */
              title: Label,
              color: Color,
              values: z.array(FigureValueSchema).max(50),
              /** Under the panel, e.g. "Also reported in another currency: ...". */
              note: Text.optional(),
            }),
          )
          .max(50),
      }),
    )
    .max(50),
})

/** Columns grouped by category (editions), one column per series (district) in each group. */
export const GroupedChartSchema = z.object({
  kind: z.literal('grouped'),
  categories: z.array(z.object({ key: Label, label: Label })).max(50),
  series: z
    .array(
      z.object({
        key: Label,
        label: Label,
        color: Color,
        /** One value per category, in the categories' order. */
        values: z.array(FigureValueSchema).max(50),
      }),
    )
    .max(50),
})

/** A table of values, each cell shaded by its share of the largest value. */
export const MatrixChartSchema = z.object({
  kind: z.literal('matrix'),
  columns: z.array(Label).max(50),
  rows: z
    .array(
      z.object({
        label: Label,
        /** One cell per column; `value: null` is not reported. */
        cells: z.array(FigureValueSchema).max(50),
      }),
    )
    .max(200),
})

export const FigureChartSchema = z.discriminatedUnion('kind', [
  BarsChartSchema,
  PanelsChartSchema,
  GroupedChartSchema,
  MatrixChartSchema,
])
export type FigureChart = z.infer<typeof FigureChartSchema>
export type BarsChart = z.infer<typeof BarsChartSchema>
export type PanelsChart = z.infer<typeof PanelsChartSchema>
export type GroupedChart = z.infer<typeof GroupedChartSchema>
export type MatrixChart = z.infer<typeof MatrixChartSchema>

/** The data behind a figure, one row per district × edition × metric (see csv.ts). */
export const FigureCsvRowSchema = z.object({
  districtId: Label,
  district: Label,
  edition: z.number().int(),
  editionLabel: Label,
  metricKey: Label,
  metric: Label,
  value: z.number().finite().nullable(),
  unit: z.nullable(UnitSchema),
  qualifier: z.nullable(QualifierSchema),
  display: Label,
  sources: z.number().int().nonnegative(),
  conflict: z.boolean(),
})

export const FigureSpecSchema = z.object({
  /** "Agreements signed by district". */
  title: Label,
  /** The selection: "6th CIIE (2023) · 5 of 16 districts report it". */
  subtitle: Label,
  chart: FigureChartSchema,
  /** Colour keys drawn above the chart (districts of a grouped chart). */
  legend: z.array(z.object({ label: Label, color: Color })).max(50),
  /** Lines under the chart: what is not reported, what the marks mean. */
  notes: z.array(Text).max(10),
  /** "Sources: 2 articles, 6 Nov 2023 – 9 Nov 2023." */
  sources: Text,
  /** "Dataset built 10 Nov 2023." */
  built: Text,
  /** The file name without extension: `ciie-6th-2023_agreements-signed_by-district`. */
  fileStem: z.string().regex(/^[a-z0-9_-]{1,200}$/, 'lower-case letters, digits, - and _'),
  csv: z.array(FigureCsvRowSchema).max(20_000),
})
export type FigureSpec = z.infer<typeof FigureSpecSchema>
