import { FilingStatus, InspectionResult } from '@domain/institution'
import { Queryable } from '../../platform/db/database'

/** The regulator's reads and writes about institutions of their district: the picker, inspections, grades. */

export interface RegulatedInstitution {
  id: string
  name: string
  address: string
  filing_number: string
  filing_status: FilingStatus
  district_code: string
  district_name: string
  /** The 卫健委 that filed it: it oversees it, so its records name it the same way as the filing list does. */
  filing_authority: string
}

/** The institution, if it lies in the regulator's district. */
export async function findRegulatedInstitution(db: Queryable, institutionId: string, districtCode: string): Promise<RegulatedInstitution | null> {
  const result = await db.query<RegulatedInstitution>(
    `select i.id, i.name, i.address, i.filing_number, i.filing_status, i.district_code, d.name as district_name, i.filing_authority
     from institutions i join districts d on d.code = i.district_code
     where i.id = $1 and i.district_code = $2`,
    [institutionId, districtCode],
  )
  return result.rows[0] ?? null
}

export interface PickerRow {
  id: string
  name: string
  address: string
  filing_status: FilingStatus
  grade_label: string | null
  open_notices: number
}

/**
 * A page of the district's institutions by name; `search` (lower-cased) matches the
 * search text (name, address, street, full pinyin and initials; platform/text).
 */
export async function findDistrictInstitutions(db: Queryable, districtCode: string, search: string | null, limit: number, offset: number): Promise<PickerRow[]> {
  const result = await db.query<PickerRow>(
    `select i.id, i.name, i.address, i.filing_status, s.label as grade_label,
       (select count(*)::int from rectification_notices n where n.institution_id = i.id and n.completed_on is null) as open_notices
     from institutions i
     left join institution_grades g on g.institution_id = i.id
     left join district_grade_scales s on s.district_code = g.district_code and s.grade = g.grade
     where i.district_code = $1 and ($2::text is null or position($2 in i.search_text) > 0 or position($2 in lower(i.name)) > 0)
     order by i.name, i.id limit $3 offset $4`,
    [districtCode, search, limit, offset],
  )
  return result.rows
}

export interface InspectionRow {
  id: string
  inspectedOn: string
  authority: string
  result: InspectionResult
  summary: string
}

export async function findInspectionsOf(db: Queryable, institutionId: string): Promise<InspectionRow[]> {
  const result = await db.query<InspectionRow>(
    `select id, inspected_on as "inspectedOn", authority, result, summary from inspections
     where institution_id = $1 order by inspected_on desc, id`,
    [institutionId],
  )
  return result.rows
}

export async function insertInspection(tx: Queryable, i: InspectionRow & { institutionId: string; recordedBy: string }): Promise<void> {
  await tx.query(
    `insert into inspections (id, institution_id, inspected_on, authority, result, summary, recorded_by) values ($1, $2, $3, $4, $5, $6, $7)`,
    [i.id, i.institutionId, i.inspectedOn, i.authority, i.result, i.summary, i.recordedBy],
  )
}

export interface ScaleRow {
  grade: string
  label: string
  rank: number
  source: string
}

export async function findGradeScale(db: Queryable, districtCode: string): Promise<ScaleRow[]> {
  const result = await db.query<ScaleRow>(`select grade, label, rank, source from district_grade_scales where district_code = $1 order by rank`, [districtCode])
  return result.rows
}

export interface GradeRow {
  grade: string
  graded_on: string
  authority: string
  graded_by: string
}

export async function findGrade(db: Queryable, institutionId: string): Promise<GradeRow | null> {
  const result = await db.query<GradeRow>(`select grade, graded_on, authority, graded_by from institution_grades where institution_id = $1`, [institutionId])
  return result.rows[0] ?? null
}

export async function saveGrade(tx: Queryable, g: { institutionId: string; districtCode: string; grade: string; gradedOn: string; gradedBy: string; authority: string }): Promise<void> {
  await tx.query(
    `insert into institution_grades (institution_id, district_code, grade, graded_on, graded_by, authority) values ($1, $2, $3, $4, $5, $6)
     on conflict (institution_id) do update set district_code = excluded.district_code, grade = excluded.grade, graded_on = excluded.graded_on,
       graded_by = excluded.graded_by, authority = excluded.authority`,
    [g.institutionId, g.districtCode, g.grade, g.gradedOn, g.gradedBy, g.authority],
  )
}
