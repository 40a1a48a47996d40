import { CareMode } from '@domain/careMode'
import { Queryable } from '../../platform/db/database'

export interface DistrictTotalsRow {
  code: string
  name: string
  province: string
  city: string
  center_lat: number
  center_lng: number
  institution_count: number
  affordable_count: number
  capacity: number
  vacancies: number
  /** Places of 普惠 institutions. */
  affordable_capacity: number
  /** Staffing as institutions reported it (institutionFacts.ts); institutions that never did are left out. */
  staffing_reported: number
  staff_count: number
  certified_staff_count: number
}

/** Per district, totals over its filed institutions (districts without any included, with zeros). */
export async function findDistrictTotals(db: Queryable): Promise<DistrictTotalsRow[]> {
  const result = await db.query<DistrictTotalsRow>(
    `select d.code, d.name, d.province, d.city, d.center_lat, d.center_lng,
            count(i.id)::int as institution_count,
            (count(i.id) filter (where i.affordable))::int as affordable_count,
            coalesce(sum(i.capacity), 0)::int as capacity,
            coalesce(sum(greatest(i.capacity - i.enrolled, 0)), 0)::int as vacancies,
            coalesce(sum(i.capacity) filter (where i.affordable), 0)::int as affordable_capacity,
            (count(i.staff_count))::int as staffing_reported,
            coalesce(sum(i.staff_count), 0)::int as staff_count,
            coalesce(sum(i.certified_staff_count), 0)::int as certified_staff_count
     from districts d
     left join institutions i on i.district_code = d.code and i.filing_status = 'filed'
     group by d.code
     order by d.code`,
  )
  return result.rows
}

export interface DistrictMedianRow {
  district_code: string
  mode: CareMode
  median: number
  institution_count: number
}

/** Median fee per district and care mode, rounded half-up to whole fen like medianFen. */
export async function findDistrictMedians(db: Queryable): Promise<DistrictMedianRow[]> {
  const result = await db.query<DistrictMedianRow>(
    `select i.district_code, m.mode,
            floor(percentile_cont(0.5) within group (order by m.fee_fen) + 0.5)::int as median,
            count(*)::int as institution_count
     from institution_care_modes m
     join institutions i on i.id = m.institution_id
     where i.filing_status = 'filed'
     group by i.district_code, m.mode
     order by i.district_code, array_position(array['full_day', 'half_day', 'hourly', 'temporary'], m.mode)`,
  )
  return result.rows
}

/** The code of a district named by code (500112) or name (渝北区); null when unknown. */
export async function findDistrictCode(db: Queryable, codeOrName: string): Promise<string | null> {
  const result = await db.query<{ code: string }>(`select code from districts where code = $1 or name = $1`, [codeOrName])
  return result.rows[0]?.code ?? null
}
