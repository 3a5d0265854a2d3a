import { t } from '../../i18n/i18n'
import type { FigureSpec } from '../figure-spec'
import type { MeasureText } from '../text-measure'
import { NOT_REPORTED_MARK } from './chart'
import type { Scene, TextStyle } from './scene'
import { lineHeight, widest, wrapText } from './text'
import { COLORS, type Theme } from './theme'

/**
 * The parts of the frame around a chart: each is measured first (its height) and drawn later,
 * so the frame can give the chart exactly the height that is left.
 */
export interface Block {
  height: number
  draw: (scene: Scene, x: number, y: number) => void
}

export const EMPTY_BLOCK: Block = { height: 0, draw: () => undefined }

/** A paragraph wrapped to the width. */
export function textBlock(
  text: string,
  width: number,
  style: TextStyle,
  measure: MeasureText,
): Block {
  const lines = wrapText(text, width, style, measure)
  return {
    height: lines.length * lineHeight(style.size),
    draw: (scene, x, y) => void scene.lines(lines, x, y, style),
  }
}

/** Paragraphs one under another, `gap` apart. */
export function stackBlocks(blocks: ReadonlyArray<Block>, gap: number): Block {
  const present = blocks.filter((b) => b.height > 0)
  if (present.length === 0) return EMPTY_BLOCK
  return {
    height: present.reduce((sum, b) => sum + b.height, 0) + gap * (present.length - 1),
    draw: (scene, x, y) => {
      let top = y
      for (const block of present) {
        block.draw(scene, x, top)
        top += block.height + gap
      }
    },
  }
}

/** Colour keys (swatch + label) flowing left to right, onto more rows when the width ends. */
export function legendBlock(
  items: FigureSpec['legend'],
  width: number,
  theme: Theme,
  measure: MeasureText,
): Block {
  if (items.length === 0) return EMPTY_BLOCK
  const style = { size: theme.legend }
  const lh = lineHeight(style.size)
  const labelGap = theme.unit * 1.5
  const itemGap = theme.unit * 5
  const rowGap = theme.unit * 1.5
  const placed: Array<{ x: number; y: number; lines: Array<string>; color: string }> = []
  let x = 0
  let y = 0
  let rowHeight = 0
  for (const item of items) {
    const lines = wrapText(item.label, width - theme.swatch - labelGap, style, measure)
    const itemWidth = theme.swatch + labelGap + widest(lines, style, measure)
    if (x > 0 && x + itemWidth > width) {
      x = 0
      y += rowHeight + rowGap
      rowHeight = 0
    }
    placed.push({ x, y, lines, color: item.color })
    x += itemWidth + itemGap
    rowHeight = Math.max(rowHeight, Math.max(1, lines.length) * lh)
  }
  return {
    height: y + rowHeight,
    draw: (scene, left, top) => {
      for (const item of placed) {
        scene.rect(
          left + item.x,
          top + item.y + (lh - theme.swatch) / 2,
          theme.swatch,
          theme.swatch,
          {
            fill: item.color,
            rx: 2,
          },
        )
        scene.lines(item.lines, left + item.x + theme.swatch + labelGap, top + item.y, style)
      }
    },
  }
}

/**
 * The key to the marks a chart draws ("⚠ sources disagree · — not reported"), leaving out what
 * the spec's own notes already explain; null when there is nothing to explain.
 */
export function marksKey(
  marks: { conflict: boolean; notReported: boolean },
  notes: ReadonlyArray<string>,
): string | null {
  const said = notes.join(' ')
  const parts: Array<string> = []
  if (marks.conflict && !said.includes('⚠')) parts.push(t('export.figure.keyConflict'))
  const notReported = t('export.figure.notReported')
  if (marks.notReported && !(said.includes(NOT_REPORTED_MARK) && said.includes(notReported)))
    parts.push(t('export.figure.keyNotReported', { mark: NOT_REPORTED_MARK }))
  return parts.length > 0 ? parts.join(' · ') : null
}

/**
 * The footer: a thin rule, then the sources on the left and the build line on the right, or
 * the build line under the sources when the two do not fit side by side.
 */
export function footerBlock(
  sources: string,
  built: string,
  width: number,
  theme: Theme,
  measure: MeasureText,
): Block {
  const style = { size: theme.footer, fill: COLORS.muted }
  const ruleGap = theme.unit * 2.5
  const gap = theme.unit * 6
  const builtWidth = measure(built.trim(), style)
  const sideBySide = built.trim() !== '' && builtWidth <= width * 0.4
  if (sideBySide) {
    const sourceBlock = textBlock(sources, width - builtWidth - gap, style, measure)
    const body = Math.max(sourceBlock.height, lineHeight(style.size))
    return {
      height: ruleGap + body,
      draw: (scene, x, y) => {
        scene.line(x, y + 0.5, x + width, y + 0.5, COLORS.rule)
        sourceBlock.draw(scene, x, y + ruleGap)
        scene.text(built.trim(), x + width, y + ruleGap, { ...style, anchor: 'end' })
      },
    }
  }
  const body = stackBlocks(
    [textBlock(sources, width, style, measure), textBlock(built, width, style, measure)],
    theme.unit,
  )
  return {
    height: ruleGap + body.height,
    draw: (scene, x, y) => {
      scene.line(x, y + 0.5, x + width, y + 0.5, COLORS.rule)
      body.draw(scene, x, y + ruleGap)
    },
  }
}
