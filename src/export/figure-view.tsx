import { createElement, type CSSProperties, type ReactElement } from 'react'
import { isSafeAttribute, type SvgElement, type SvgNode } from './svg-tree'

/** SVG attribute names as React wants them: font-size -> fontSize, xml:space -> xmlSpace. */
function reactName(name: string): string {
  if (name === 'xml:space') return 'xmlSpace'
  // React takes ARIA and data attributes as written (ariaLabel would be dropped with a warning).
  if (name.startsWith('aria-') || name.startsWith('data-')) return name
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())
}

function toReact(node: SvgNode, key: number, style?: CSSProperties): ReactElement | string {
  if (typeof node === 'string') return node
  const props: Record<string, string | number | CSSProperties> = { key }
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name === 'xmlns' || !isSafeAttribute(name)) continue
    props[reactName(name)] = value
  }
  if (style) props.style = style
  return createElement(node.tag, props, ...node.children.map((child, i) => toReact(child, i)))
}

export interface FigureViewProps {
  svg: SvgElement
  /** Accessible name of the image: the figure's title. */
  label: string
  className?: string
}

/**
 * A laid-out figure drawn in the page, the same tree the SVG file is written from. It scales to
 * its container's width; text is React text, never parsed as markup.
 */
export function FigureView({ svg, label, className }: FigureViewProps) {
  // The pixel size is the export's; on the page the viewBox scales to the container.
  const attrs = Object.fromEntries(
    Object.entries(svg.attrs).filter(([name]) => name !== 'width' && name !== 'height'),
  )
  const root: SvgElement = { ...svg, attrs: { ...attrs, role: 'img', 'aria-label': label } }
  const element = toReact(root, 0, SCALE_TO_WIDTH)
  return (
    <div className={className} style={{ width: '100%' }}>
      {typeof element === 'string' ? null : element}
    </div>
  )
}

/** Full width, height from the viewBox's proportions; a stylesheet (print) may cap the height. */
const SCALE_TO_WIDTH: CSSProperties = {
  display: 'block',
  width: '100%',
  maxWidth: '100%',
  height: 'auto',
}
