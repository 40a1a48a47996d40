import { DistrictPlan, DistrictPlanBody } from '@domain/districtGlance'
import { Queryable } from '../../platform/db/database'

interface DistrictPlanRow {
  district_code: string
  population: number | null
  population_source: string
  places_per_thousand_target: string | null
  affordable_share_target: string | null
  certified_staff_share_target: string | null
  complaints_in_time_target: string | null
  reported_places_per_thousand: string | null
  targets_source: string
  updated_at: Date
}

/** numeric columns come back as text from both drivers. */
const numberOrNull = (text: string | null) => (text === null ? null : Number(text))

function toPlan(row: DistrictPlanRow): DistrictPlan {
  return {
    districtCode: row.district_code,
    population: row.population,
    populationSource: row.population_source,
    placesPerThousandTarget: numberOrNull(row.places_per_thousand_target),
    affordableShareTarget: numberOrNull(row.affordable_share_target),
    certifiedStaffShareTarget: numberOrNull(row.certified_staff_share_target),
    complaintsInTimeTarget: numberOrNull(row.complaints_in_time_target),
    reportedPlacesPerThousand: numberOrNull(row.reported_places_per_thousand),
    targetsSource: row.targets_source,
    updatedAt: row.updated_at.toISOString(),
  }
}

/** The plan a regulator saved for the district; null when none was saved yet. */
export async function findDistrictPlan(db: Queryable, districtCode: string): Promise<DistrictPlan | null> {
  const result = await db.query<DistrictPlanRow>(`select * from district_plans where district_code = $1`, [districtCode])
  return result.rows[0] ? toPlan(result.rows[0]) : null
}

/** Writes the whole plan (every field of the body), keeping who wrote it. */
export async function saveDistrictPlan(db: Queryable, districtCode: string, body: DistrictPlanBody, userId: string): Promise<DistrictPlan> {
  const result = await db.query<DistrictPlanRow>(
    `insert into district_plans (district_code, population, population_source, places_per_thousand_target, affordable_share_target,
       certified_staff_share_target, complaints_in_time_target, reported_places_per_thousand, targets_source, updated_at, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10)
     on conflict (district_code) do update set
       population = excluded.population, population_source = excluded.population_source,
       places_per_thousand_target = excluded.places_per_thousand_target, affordable_share_target = excluded.affordable_share_target,
       certified_staff_share_target = excluded.certified_staff_share_target, complaints_in_time_target = excluded.complaints_in_time_target,
       reported_places_per_thousand = excluded.reported_places_per_thousand, targets_source = excluded.targets_source,
       updated_at = now(), updated_by = excluded.updated_by
     returning *`,
    [
      districtCode,
      body.population,
      body.populationSource,
      body.placesPerThousandTarget,
      body.affordableShareTarget,
      body.certifiedStaffShareTarget,
      body.complaintsInTimeTarget,
      body.reportedPlacesPerThousand,
      body.targetsSource,
      userId,
    ],
  )
  return toPlan(result.rows[0])
}
