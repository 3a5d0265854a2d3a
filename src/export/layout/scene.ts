import type { TextBox } from '../figure-layout'
import { el, type SvgElement } from '../svg-tree'
import type { FontSpec, MeasureText } from '../text-measure'
import { BASELINE, LINE_HEIGHT, boxWidth, lineHeight } from './text'
import { COLORS } from './theme'

export interface TextStyle extends FontSpec {
  fill?: string
  anchor?: 'start' | 'middle' | 'end'
}

const round2 = (value: number) => Math.round(value * 100) / 100

/** Presentation attributes for a text style (no classes: the SVG file must stand alone). */
function textAttributes(style: TextStyle): Record<string, string | number | undefined> {
  return {
    'font-size': style.size,
    'font-weight': style.weight && style.weight !== 400 ? style.weight : undefined,
    'font-style': style.italic ? 'italic' : undefined,
    fill: style.fill ?? COLORS.text,
    'text-anchor': style.anchor && style.anchor !== 'start' ? style.anchor : undefined,
  }
}

/**
 * Collects the drawing of one part of a figure: SVG nodes, and the box of every text so the
 * layout (and its tests) can prove that no two texts overlap. Coordinates are local to the part;
 * `place` puts one scene into another with a translation and an optional scale.
 */
export class Scene {
  readonly nodes: Array<SvgElement> = []
  readonly texts: Array<TextBox> = []
  readonly measure: MeasureText

  constructor(measure: MeasureText) {
    this.measure = measure
  }

  /** One line of text; `x` is where the anchor is, `top` the top of its line box. */
  text(content: string, x: number, top: number, style: TextStyle): TextBox {
    const width = boxWidth(content, style, this.measure)
    const anchor = style.anchor ?? 'start'
    const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width
    const box = { text: content, x: left, y: top, width, height: lineHeight(style.size) }
    this.texts.push(box)
    this.nodes.push(
      el(
        'text',
        { x: round2(x), y: round2(top + style.size * BASELINE), ...textAttributes(style) },
        [content],
      ),
    )
    return box
  }

  /** Lines stacked one line height apart from `top`; returns their total height. */
  lines(lines: ReadonlyArray<string>, x: number, top: number, style: TextStyle): number {
    lines.forEach((line, i) => this.text(line, x, top + i * lineHeight(style.size), style))
    return lines.length * lineHeight(style.size)
  }

  /**
   * Text turned to read upwards, its line box centred on `centerX` and its end at `bottom`.
   * The box is the rotated line box: line height wide, text width tall.
   */
  upright(content: string, centerX: number, bottom: number, style: TextStyle): TextBox {
    const width = this.measure(content, style)
    const thickness = style.size * LINE_HEIGHT
    const box = {
      text: content,
      x: centerX - thickness / 2,
      y: bottom - width,
      width: thickness,
      height: width,
    }
    this.texts.push(box)
    // Turned -90°, the ascent points left: the baseline sits BASELINE ems right of the box's left.
    const x = round2(centerX - thickness / 2 + style.size * BASELINE)
    const y = round2(bottom)
    this.nodes.push(
      el(
        'text',
        {
          x,
          y,
          transform: `rotate(-90 ${x} ${y})`,
          ...textAttributes({ ...style, anchor: 'start' }),
        },
        [content],
      ),
    )
    return box
  }

  rect(
    x: number,
    y: number,
    width: number,
    height: number,
    attrs: Record<string, string | number | undefined>,
  ): void {
    // A rect with no area would be an invisible mark: callers draw nothing instead.
    if (!(width > 0 && height > 0)) return
    this.nodes.push(
      el('rect', {
        x: round2(x),
        y: round2(y),
        width: round2(width),
        height: round2(height),
        ...attrs,
      }),
    )
  }

  line(x1: number, y1: number, x2: number, y2: number, stroke: string, strokeWidth = 1): void {
    this.nodes.push(
      el('line', {
        x1: round2(x1),
        y1: round2(y1),
        x2: round2(x2),
        y2: round2(y2),
        stroke,
        'stroke-width': strokeWidth,
      }),
    )
  }

  /** Draws another scene here, moved by (dx, dy) and scaled from its origin by `scale`. */
  place(part: Scene, dx: number, dy: number, scale = 1): void {
    if (part.nodes.length === 0) return
    const transform =
      scale === 1
        ? `translate(${round2(dx)} ${round2(dy)})`
        : `translate(${round2(dx)} ${round2(dy)}) scale(${Math.round(scale * 10_000) / 10_000})`
    this.nodes.push(el('g', { transform }, part.nodes))
    for (const box of part.texts)
      this.texts.push({
        text: box.text,
        x: dx + box.x * scale,
        y: dy + box.y * scale,
        width: box.width * scale,
        height: box.height * scale,
      })
  }
}
