import { describe, expect, it } from 'vitest'
import { el, isSafeAttribute, serializeSvg } from '../../src/export/svg-tree'

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml')

describe('serializeSvg', () => {
  it('writes valid XML with the SVG namespace', () => {
    const svg = serializeSvg(
      el('svg', { width: 200, height: 100, viewBox: '0 0 100 50' }, [
        el('rect', { x: 0, y: 0, width: 100, height: 50, fill: '#ffffff' }),
        el('text', { x: 4, y: 20, 'font-size': 12 }, ['Partners']),
      ]),
    )
    const doc = parse(svg)
    expect(doc.querySelector('parsererror')).toBeNull()
    expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(doc.querySelector('text')?.textContent).toBe('Partners')
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true)
  })

  it('keeps markup in article text as text', () => {
    const hostile = '<script>alert(1)</script> & <img src=x onerror=alert(2)> "q"'
    const svg = serializeSvg(el('svg', { 'aria-label': hostile }, [el('text', {}, [hostile])]))
    expect(svg).not.toContain('<script')
    expect(svg).not.toContain('<img')
    const doc = parse(svg)
    expect(doc.querySelector('parsererror')).toBeNull()
    expect(doc.querySelector('text')?.textContent).toBe(hostile)
    expect(doc.documentElement.getAttribute('aria-label')).toBe(hostile)
    expect(doc.querySelectorAll('script, img')).toHaveLength(0)
  })

  it('drops event handlers and links, whoever passes them', () => {
    const svg = serializeSvg(
      el('svg', {}, [
        el('rect', {
          onload: 'alert(1)',
          href: 'https://example.com',
          'xlink:href': '#x',
          fill: '#000000',
        }),
      ]),
    )
    expect(svg).not.toMatch(/onload|href|example\.com/)
    expect(svg).toContain('fill="#000000"')
    expect(isSafeAttribute('onclick')).toBe(false)
    expect(isSafeAttribute('font-family')).toBe(true)
  })

  it('removes characters XML cannot hold and rounds numbers', () => {
    const svg = serializeSvg(el('svg', { width: 10.123456 }, [el('text', {}, ['a\u0001b\u0008c'])]))
    expect(svg).toContain('width="10.12"')
    expect(parse(svg).querySelector('text')?.textContent).toBe('abc')
  })
})
