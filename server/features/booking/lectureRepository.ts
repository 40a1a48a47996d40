import type { LectureHostKind } from '@domain/content'
import { Queryable } from '../../platform/db/database'
import { SLOT_COLUMNS, SlotRow } from './bookingRows'

/*
 * Upcoming lectures (讲座/家长课堂): open `lecture` slots that have not started, at filed
 * childcare institutions or at health centres (filing status not_childcare, 006_content.sql).
 */

export interface LectureRow extends SlotRow {
  host_name: string
  host_kind: string
  host_district: string
  host_address: string
  host_lat: number
  host_lng: number
}

export interface LectureWindow {
  from: Date
  to: Date
  /** District name (渝北区) or code (500112). */
  district?: string
}

/** At most this many lectures are considered per request (a district's weeks hold far fewer). */
export const LECTURE_SCAN_LIMIT = 2000

export async function listUpcomingLectures(db: Queryable, window: LectureWindow): Promise<LectureRow[]> {
  const result = await db.query<LectureRow>(
    `select ${SLOT_COLUMNS}, i.name as host_name, i.kind as host_kind, d.name as host_district,
            i.address as host_address, i.lat as host_lat, i.lng as host_lng
     from slots s
     join institutions i on i.id = s.institution_id
     join districts d on d.code = i.district_code
     where s.kind = 'lecture' and s.status = 'open'
       and s.starts_at > now() and s.starts_at >= $1 and s.starts_at < $2
       and i.filing_status in ('filed', 'not_childcare')
       and ($3::text is null or d.name = $3 or d.code = $3)
     order by s.starts_at, s.id
     limit ${LECTURE_SCAN_LIMIT}`,
    [window.from.toISOString(), window.to.toISOString(), window.district ?? null],
  )
  return result.rows
}

export function hostKindOf(institutionKind: string): LectureHostKind {
  return institutionKind === 'maternal_child_health' || institutionKind === 'community_health' ? institutionKind : 'institution'
}
