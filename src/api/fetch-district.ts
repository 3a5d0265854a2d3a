import { DistrictDetailSchema, type DistrictDetail, type DistrictId } from '../pipeline/schema'
import { getJson } from './client'

/** Everything read about one district: the evidence behind its values, milestones, sources. */
export function fetchDistrict(id: DistrictId): Promise<DistrictDetail> {
  return getJson(`districts/${encodeURIComponent(id)}.json`, DistrictDetailSchema)
}
