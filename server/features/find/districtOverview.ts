import { UNIT_OF_CARE_MODE } from '@domain/careMode'
import { DistrictSummary } from '@domain/district'
import { Queryable } from '../../platform/db/database'
import { findDistrictMedians, findDistrictTotals } from './districtRepository'

/** GET /api/v1/districts: the figures parents never find, per district. */
export async function listDistricts(db: Queryable): Promise<DistrictSummary[]> {
  const [totals, medians] = await Promise.all([findDistrictTotals(db), findDistrictMedians(db)])
  return totals.map((row) => ({
    code: row.code,
    name: row.name,
    province: row.province,
    city: row.city,
    center: { lat: row.center_lat, lng: row.center_lng },
    institutionCount: row.institution_count,
    capacity: row.capacity,
    vacancies: row.vacancies,
    affordableShare: row.institution_count === 0 ? 0 : row.affordable_count / row.institution_count,
    medianFees: medians
      .filter((median) => median.district_code === row.code)
      .map((median) => ({
        mode: median.mode,
        fee: median.median,
        unit: UNIT_OF_CARE_MODE[median.mode],
        institutionCount: median.institution_count,
      })),
  }))
}
