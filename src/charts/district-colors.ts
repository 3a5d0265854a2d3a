import type { CSSProperties } from 'react'
import type { DistrictId } from '../pipeline/schema'
import { textColorOn } from './contrast'

/**
 * One colour per district, the same in every chart. Chosen so that every colour has at least 3:1
 * contrast against white (WCAG 1.4.11, non-text contrast) and the colours stay apart for normal
 * vision (smallest CIEDE2000 distance between two of them ≈ 17) and in deuteranopia and
 * protanopia simulations (≈ 11). Sixteen colours cannot all be told apart by every reader, so
 * charts never rely on colour alone: each bar is labelled with its district.
 *
 * Neighbours in the catalog order alternate between a dark and a mid tone.
 */
export const DISTRICT_COLORS: Readonly<Record<DistrictId, string>> = {
  pudong: '#03397f',
  huangpu: '#c78208',
  jingan: '#8957e3',
  xuhui: '#04807e',
  changning: '#df616a',
  putuo: '#0e4534',
  hongkou: '#d8529f',
  yangpu: '#0b9cca',
  minhang: '#9d0642',
  baoshan: '#570408',
  jiading: '#4b0ed3',
  jinshan: '#bf480e',
  songjiang: '#175c71',
  qingpu: '#703805',
  fengxian: '#5e5b5b',
  chongming: '#508147',
}

export function districtColor(id: DistrictId): string {
  return DISTRICT_COLORS[id]
}

/**
 * The dark theme's chart background: app.css's `--color-surface` in dark mode (a test checks they
 * agree). Every dark colour below has at least 3:1 contrast against it.
 */
export const DARK_CHART_BACKGROUND = '#1a222c'

/**
 * The same districts on the dark theme's charts. The mid tones of the light set keep their
 * colour (they already have 3:1 on the dark background); each dark tone becomes a light tone of
 * its hue, so neighbours still alternate (here between a mid and a light tone). The smallest
 * OKLab distance between two of them (0.080) is about that of the light set (0.083).
 * Exports are report figures on white and always use DISTRICT_COLORS.
 */
export const DARK_DISTRICT_COLORS: Readonly<Record<DistrictId, string>> = {
  pudong: '#77adfd',
  huangpu: '#c78208',
  jingan: '#8957e3',
  xuhui: '#07817f',
  changning: '#df616a',
  putuo: '#94c2a6',
  hongkou: '#d8529f',
  yangpu: '#0b9cca',
  minhang: '#fe6f91',
  baoshan: '#ffbdab',
  jiading: '#cb95fe',
  jinshan: '#c54e18',
  songjiang: '#74b5cc',
  qingpu: '#de9e72',
  fengxian: '#8c8989',
  chongming: '#508147',
}

const DARK_BY_LIGHT = new Map<string, string>(
  (Object.keys(DISTRICT_COLORS) as Array<DistrictId>).map((id) => [
    DISTRICT_COLORS[id].toLowerCase(),
    DARK_DISTRICT_COLORS[id],
  ]),
)

/** The colour a chart draws `color` (a district's) with in the dark theme; other colours as they are. */
export function darkVariant(color: string): string {
  return DARK_BY_LIGHT.get(color.toLowerCase()) ?? color
}

/**
 * Custom properties for a mark drawn in a district's colour: the style sheets pick `--mark` or
 * `--mark-dark` (and the text on it, `--mark-text` or `--mark-text-dark`) for the theme, so a
 * prerendered chart has the right colours before any script runs and nothing redraws on a switch.
 */
export function markColorVars(color: string): CSSProperties {
  const dark = darkVariant(color)
  const vars: Record<string, string> = { '--mark': color, '--mark-dark': dark }
  // Text on the mark needs a colour it can measure: a #rrggbb one (every district's is).
  if (HEX.test(color) && HEX.test(dark)) {
    vars['--mark-text'] = textColorOn(color)
    vars['--mark-text-dark'] = textColorOn(dark)
  }
  return vars as CSSProperties
}

const HEX = /^#(?:[0-9a-f]{3}){1,2}$/i
