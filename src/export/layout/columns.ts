import type { FigureValue } from '../figure-spec'
import type { FontSpec, MeasureText } from '../text-measure'
import { NOT_REPORTED_MARK, valueLabel } from './chart'
import type { Scene } from './scene'
import { LINE_HEIGHT, lineHeight, widthForLines, wrapText } from './text'
import { COLORS } from './theme'

/**
 * Vertical columns with their value above and their category below: the shared drawing of
 * small multiples (panels) and grouped columns. Every label is given a slot (the column's share
 * of the width) and must stay inside it, so neighbours never touch.
 */

/**
 * Space kept free between neighbouring labels: a little for values (they sit over separate
 * columns), more for categories, which would otherwise run together into one line of text.
 */
const valueSpacing = (size: number) => Math.max(2, size * 0.25)
const categorySpacing = (size: number) => Math.max(3, size * 0.35)
/** The tallest column gets at least this many ems, however long the labels above it. */
const MIN_TALLEST_EMS = 2.5

/** How value labels sit above their columns: one line, wrapped to a few lines, or turned. */
export interface ValueLabels {
  upright: boolean
  /** Per value: its label's lines (one line when upright). */
  lines: Array<Array<string>>
  /** Per value: the height its label takes above the column. */
  extents: Array<number>
  /**
   * Per value: the label is wider than its slot and reaches over the not-reported neighbours
   * beside it, so it is drawn above their dashes however short its column.
   */
  lifted: Array<boolean>
}

const labelFont = (size: number): FontSpec => ({ size })
export const categoryFont = (size: number, bold: boolean): FontSpec => ({
  size,
  weight: bold ? 700 : 400,
})

/** A value's text above its column: its label, or the dash when not reported. */
const aboveText = (value: FigureValue) =>
  value.value === null ? NOT_REPORTED_MARK : valueLabel(value)

/**
 * The width a value's label may take, centred on its column: its slot, and beside it the empty
 * slots of not-reported neighbours (above their dashes). Empty slots between two columns are
 * shared half and half; those running to the edge belong to the one column beside them.
 */
function labelRooms(values: ReadonlyArray<FigureValue>, slot: number, spacing: number) {
  const free = (from: number, step: number) => {
    let empty = 0
    let j = from + step
    while (values[j]?.value === null) {
      empty++
      j += step
    }
    return values[j] === undefined ? empty * slot : (empty * slot) / 2
  }
  return values.map((v, i) =>
    v.value === null ? slot - spacing : slot - spacing + 2 * Math.min(free(i, -1), free(i, 1)),
  )
}

/**
 * Value labels for columns `slot` px apart: on one line if all fit their room (their slot, or
 * beside empty neighbours a little more), else in up to three lines broken at spaces, else
 * turned to read upwards within their slots; null when even that does not fit.
 * One choice for all the values, so a panel reads consistently.
 */
export function fitValueLabels(
  values: ReadonlyArray<FigureValue>,
  slot: number,
  size: number,
  measure: MeasureText,
): ValueLabels | null {
  const font = labelFont(size)
  const spacing = valueSpacing(size)
  const room = slot - spacing
  const rooms = labelRooms(values, slot, spacing)
  const lh = lineHeight(size)
  const texts = values.map(aboveText)
  const level = (lines: Array<Array<string>>): ValueLabels => ({
    upright: false,
    lines,
    extents: lines.map((l) => l.length * lh),
    lifted: lines.map((l) => l.some((line) => measure(line, font) > room)),
  })
  if (texts.every((t, i) => measure(t, font) <= (rooms[i] ?? room)))
    return level(texts.map((t) => [t]))
  for (const maxLines of [2, 3]) {
    if (texts.every((t, i) => widthForLines(t, maxLines, font, measure) <= (rooms[i] ?? room)))
      return level(texts.map((t, i) => wrapText(t, rooms[i] ?? room, font, measure)))
  }
  if (size * LINE_HEIGHT > room) return null
  // The dash stays flat on the baseline: turning it would make it a vertical bar.
  return {
    upright: true,
    lines: texts.map((t) => [t]),
    extents: values.map((v, i) => (v.value === null ? lh : measure(texts[i] ?? '', font))),
    lifted: values.map(() => false),
  }
}

/** Category labels under slots: whole, wrapped, shortened to their first word, or turned. */
export interface CategoryLabels {
  upright: boolean
  lines: Array<Array<string>>
  height: number
}

export interface Category {
  text: string
  bold: boolean
}

export function fitCategoryLabels(
  categories: ReadonlyArray<Category>,
  slot: number,
  size: number,
  measure: MeasureText,
): CategoryLabels | null {
  const room = slot - categorySpacing(size)
  const lh = lineHeight(size)
  const width = (text: string, c: Category) => measure(text, categoryFont(size, c.bold))
  if (categories.every((c) => width(c.text, c) <= room))
    return { upright: false, lines: categories.map((c) => [c.text]), height: lh }
  const balanced = (c: Category) => widthForLines(c.text, 2, categoryFont(size, c.bold), measure)
  if (categories.every((c) => balanced(c) <= room)) {
    // Break every label the same way ("6th" over "(2023)"), not only those that need it.
    const lines = categories.map((c) =>
      wrapText(c.text, balanced(c), categoryFont(size, c.bold), measure),
    )
    return { upright: false, lines, height: Math.max(...lines.map((l) => l.length)) * lh }
  }
  const short = shortCategories(categories)
  if (short && categories.every((c, i) => width(short[i]?.text ?? '', c) <= room))
    return { upright: false, lines: short.map((s) => [s.text]), height: lh }
  // Turned labels are separate lines side by side: they need no more room than turned values.
  if (size * LINE_HEIGHT > slot - valueSpacing(size)) return null
  return {
    upright: true,
    lines: categories.map((c) => [c.text]),
    height: Math.max(...categories.map((c) => width(c.text, c))),
  }
}

/**
 * "6th (2023)" -> "6th": editions stay in order, so the ordinal alone still says which is which.
 * Null when shortening changes nothing or would make two labels the same.
 */
export function shortCategories(categories: ReadonlyArray<Category>): Array<Category> | null {
  const short = categories.map((c) => ({ ...c, text: c.text.split(/\s+/)[0] ?? c.text }))
  const texts = short.map((c) => c.text)
  if (new Set(texts).size !== texts.length) return null
  return short.some((c, i) => c.text !== categories[i]?.text) ? short : null
}

/** Gap between a column's top and its label. */
export const labelGap = (size: number) => Math.max(3, size * 0.3)

/** Where the top of a not-reported dash is, above the baseline: lifted labels stay over it. */
const dashClearance = (size: number) => lineHeight(size) + 1

/**
 * The plot height the columns need at least: room for each label above its column while the
 * tallest column keeps MIN_TALLEST_EMS, and for lifted labels above the dashes.
 */
export function minPlotHeight(
  values: ReadonlyArray<FigureValue>,
  labels: Pick<ValueLabels, 'extents' | 'lifted'>,
  size: number,
): number {
  const max = Math.max(0, ...values.map((v) => v.value ?? 0))
  const tallest = size * MIN_TALLEST_EMS
  let need = lineHeight(size) + labelGap(size)
  values.forEach((v, i) => {
    const share = max > 0 ? (v.value ?? 0) / max : 0
    const extent = labels.extents[i] ?? 0
    need = Math.max(need, extent + labelGap(size) + share * tallest)
    if (labels.lifted[i]) need = Math.max(need, dashClearance(size) + labelGap(size) + extent)
  })
  return need
}

/**
 * Pixels per unit so that every column plus its label fits under the plot's top. Columns that
 * share a scale pass all their values and extents together.
 */
export function columnScale(
  values: ReadonlyArray<FigureValue>,
  extents: ReadonlyArray<number>,
  plotHeight: number,
  size: number,
): number {
  let scale = Infinity
  values.forEach((v, i) => {
    if (v.value === null || v.value <= 0) return
    scale = Math.min(scale, (plotHeight - labelGap(size) - (extents[i] ?? 0)) / v.value)
  })
  return Number.isFinite(scale) ? Math.max(0, scale) : 0
}

/** One column with its value label (or the not-reported dash) above it. */
export function drawColumn(
  scene: Scene,
  value: FigureValue,
  label: ReadonlyArray<string>,
  upright: boolean,
  geometry: {
    center: number
    barWidth: number
    baseline: number
    scale: number
    size: number
    /** Keep the label above the dashes of the neighbours it reaches over. */
    lifted?: boolean
  },
): void {
  const { center, barWidth, baseline, scale, size } = geometry
  const style = { size }
  if (value.value === null) {
    scene.text(NOT_REPORTED_MARK, center, baseline - dashClearance(size), {
      ...style,
      anchor: 'middle',
      fill: COLORS.muted,
    })
    return
  }
  const height = value.value * scale
  const top = baseline - height
  scene.rect(center - barWidth / 2, top, barWidth, height, {
    fill: value.color,
    stroke: value.highlight ? COLORS.text : undefined,
    'stroke-width': value.highlight ? 2 : undefined,
  })
  const bottom =
    Math.min(top, geometry.lifted ? baseline - dashClearance(size) : top) - labelGap(size)
  const text = label[0] ?? ''
  if (upright) {
    scene.upright(text, center, bottom, style)
    return
  }
  const lh = lineHeight(size)
  label.forEach((line, i) =>
    scene.text(line, center, bottom - (label.length - i) * lh, { ...style, anchor: 'middle' }),
  )
}

/** A category label under the baseline, centred on `center`, starting at `top`. */
export function drawCategory(
  scene: Scene,
  category: Category,
  lines: ReadonlyArray<string>,
  upright: boolean,
  geometry: { center: number; top: number; size: number },
): void {
  const style = { ...categoryFont(geometry.size, category.bold) }
  if (upright) {
    // Turned labels end at the axis, reading upwards, so their ends line up under the columns.
    const text = lines[0] ?? ''
    scene.upright(text, geometry.center, geometry.top + scene.measure(text, style), style)
    return
  }
  lines.forEach((line, i) =>
    scene.text(line, geometry.center, geometry.top + i * lineHeight(geometry.size), {
      ...style,
      anchor: 'middle',
    }),
  )
}

/** Room under the baseline before the category labels start. */
export const categoryGap = (size: number) => Math.max(4, size * 0.4)
