import { CareMode } from '@domain/careMode'
import { InstitutionDetail } from '@domain/institution'
import { Queryable } from '../../platform/db/database'
import { SUMMARY_COLUMNS, SummaryRow } from './institutionRows'

export interface DetailRow extends SummaryRow {
  filed_on: string
  filing_authority: string
  hours_days: string
  opens_at: string
  closes_at: string
  contact_phone: string
  description: string
  photos: string[]
}

export async function findInstitutionRow(db: Queryable, id: string): Promise<DetailRow | undefined> {
  const result = await db.query<DetailRow>(
    `select ${SUMMARY_COLUMNS}, i.filed_on, i.filing_authority, i.hours_days, i.opens_at, i.closes_at,
            i.contact_phone, i.description, i.photos
     from institutions i
     join districts d on d.code = i.district_code
     -- health centres that host lectures (006_content.sql) are not childcare institutions
     where i.id = $1 and i.filing_status <> 'not_childcare'`,
    [id],
  )
  return result.rows[0]
}

export async function findClasses(db: Queryable, institutionId: string): Promise<InstitutionDetail['classes']> {
  const result = await db.query<InstitutionDetail['classes'][number]>(
    `select class_type as "type", class_count as "classCount", capacity, enrolled
     from institution_classes
     where institution_id = $1
     order by array_position(array['infant', 'toddler', 'preschool'], class_type)`,
    [institutionId],
  )
  return result.rows
}

export async function findInspections(db: Queryable, institutionId: string): Promise<InstitutionDetail['inspections']> {
  const result = await db.query<InstitutionDetail['inspections'][number]>(
    `select id, inspected_on as "inspectedOn", authority, result, summary
     from inspections
     where institution_id = $1
     order by inspected_on desc, id`,
    [institutionId],
  )
  return result.rows
}

export interface RectificationRow {
  id: string
  issuedOn: string
  dueOn: string
  authority: string
  issue: string
  completedOn: string | null
}

export async function findRectifications(db: Queryable, institutionId: string): Promise<RectificationRow[]> {
  const result = await db.query<RectificationRow>(
    `select id, issued_on as "issuedOn", due_on as "dueOn", authority, issue, completed_on as "completedOn"
     from rectification_notices
     where institution_id = $1
     order by issued_on desc, id`,
    [institutionId],
  )
  return result.rows
}

/**
 * The median fee of each care mode over the district's filed institutions. The
 * median of an even count is the mean of the middle two, rounded half-up to whole fen
 * (as medianFen in src/domain/district.ts; round() on a double would round half-even).
 */
export async function findDistrictMedianFees(db: Queryable, districtCode: string): Promise<Map<CareMode, number>> {
  const result = await db.query<{ mode: CareMode; median: number }>(
    `select m.mode, floor(percentile_cont(0.5) within group (order by m.fee_fen) + 0.5)::int as median
     from institution_care_modes m
     join institutions i on i.id = m.institution_id
     where i.district_code = $1 and i.filing_status = 'filed'
     group by m.mode`,
    [districtCode],
  )
  return new Map(result.rows.map((row) => [row.mode, row.median]))
}

export async function institutionExists(db: Queryable, institutionId: string): Promise<boolean> {
  const result = await db.query(`select 1 from institutions where id = $1`, [institutionId])
  return result.rowCount > 0
}
