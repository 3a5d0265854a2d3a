/**
 * A small, safe SVG document model. Figure layout builds a tree of these; the same tree is
 * written as an SVG file (serializeSvg) and shown in the page as React elements (figure-view.tsx),
 * so what is exported is what the report page shows. Only drawing elements are allowed and no
 * attribute can hold script or a link: article text can only ever become text.
 */

export const SVG_TAGS = [
  'svg',
  'g',
  'rect',
  'line',
  'path',
  'polygon',
  'circle',
  'text',
  'tspan',
  'title',
  'desc',
] as const
export type SvgTag = (typeof SVG_TAGS)[number]

export interface SvgElement {
  tag: SvgTag
  attrs: Readonly<Record<string, string | number>>
  children: ReadonlyArray<SvgNode>
}
/** A string child is text content. */
export type SvgNode = SvgElement | string

export const SVG_NS = 'http://www.w3.org/2000/svg'

/** Builds an element; `undefined` and `false` children are dropped to keep layouts tidy. */
export function el(
  tag: SvgTag,
  attrs: Record<string, string | number | undefined> = {},
  children: ReadonlyArray<SvgNode | undefined | false> = [],
): SvgElement {
  const defined: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) defined[name] = value
  return {
    tag,
    attrs: defined,
    children: children.filter((c): c is SvgNode => c !== undefined && c !== false),
  }
}

/** Attribute names that could run script or load something are refused, whatever the caller. */
const SAFE_ATTRIBUTE = /^(?!on)(?!.*href)[a-z][a-z0-9-]*$/i

export function isSafeAttribute(name: string): boolean {
  return SAFE_ATTRIBUTE.test(name) || name === 'xml:space'
}

const escapeText = (text: string) =>
  stripControl(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
const escapeAttribute = (text: string) => escapeText(text).replaceAll('"', '&quot;')

/** XML 1.0 forbids most control characters, even escaped: drop them. */
function stripControl(text: string): string {
  // eslint-disable-next-line no-control-regex -- removing exactly these characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '0'
  return String(Math.round(value * 100) / 100)
}

/** Writes a tree as an SVG document: XML declaration, namespace, nothing external. */
export function serializeSvg(root: SvgElement): string {
  const parts: Array<string> = ['<?xml version="1.0" encoding="UTF-8"?>\n']
  write(root, parts, true)
  parts.push('\n')
  return parts.join('')
}

function write(node: SvgNode, parts: Array<string>, isRoot = false): void {
  if (typeof node === 'string') {
    parts.push(escapeText(node))
    return
  }
  parts.push('<', node.tag)
  if (isRoot) parts.push(` xmlns="${SVG_NS}"`)
  for (const [name, value] of Object.entries(node.attrs)) {
    if (name === 'xmlns' || !isSafeAttribute(name)) continue
    const text = typeof value === 'number' ? formatNumber(value) : value
    parts.push(' ', name, '="', escapeAttribute(text), '"')
  }
  if (node.children.length === 0) {
    parts.push('/>')
    return
  }
  parts.push('>')
  for (const child of node.children) write(child, parts)
  parts.push('</', node.tag, '>')
}
