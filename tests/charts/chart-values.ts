import type { ChartValue } from '../../src/charts/chart-types'
import { districtColor } from '../../src/charts/district-colors'
import type { DistrictId } from '../../src/pipeline/schema'

/** The 16 districts with their English names, in catalog order. */
export const DISTRICTS: Array<{ id: DistrictId; name: string }> = [
  { id: 'pudong', name: 'Pudong' },
  { id: 'huangpu', name: 'Huangpu' },
  { id: 'jingan', name: "Jing'an" },
  { id: 'xuhui', name: 'Xuhui' },
  { id: 'changning', name: 'Changning' },
  { id: 'putuo', name: 'Putuo' },
  { id: 'hongkou', name: 'Hongkou' },
  { id: 'yangpu', name: 'Yangpu' },
  { id: 'minhang', name: 'Minhang' },
  { id: 'baoshan', name: 'Baoshan' },
  { id: 'jiading', name: 'Jiading' },
  { id: 'jinshan', name: 'Jinshan' },
  { id: 'songjiang', name: 'Songjiang' },
  { id: 'qingpu', name: 'Qingpu' },
  { id: 'fengxian', name: 'Fengxian' },
  { id: 'chongming', name: 'Chongming' },
]

export const EDITIONS = [1, 2, 3, 4, 5, 6, 7, 8].map((edition) => ({
  key: String(edition),
  label: `${edition}${['th', 'st', 'nd', 'rd'][edition] ?? 'th'} (${2017 + edition})`,
}))

/** A chart value as a route would build it; `value: null` is "not reported". */
export function chartValue(
  overrides: Partial<Omit<ChartValue, 'display'>> &
    Pick<ChartValue, 'key' | 'label' | 'value'> & { display?: string | undefined },
): ChartValue {
  const display =
    overrides.display ?? (overrides.value === null ? 'not reported' : String(overrides.value))
  return {
    qualifier: overrides.value === null ? null : 'exact',
    conflict: false,
    color: districtColor('pudong'),
    description: `${overrides.label}, Partners: ${display}. Open the evidence.`,
    ...overrides,
    display,
  }
}
