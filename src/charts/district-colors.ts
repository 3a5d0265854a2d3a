import type { DistrictId } from '../pipeline/schema'

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
