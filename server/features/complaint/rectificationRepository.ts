import { Rectification } from '@domain/complaint'
import { Queryable } from '../../platform/db/database'

export interface RegulatedInstitution {
  id: string
  name: string
  district_name: string
}

/** The institution, if it lies in the regulator's district. */
export async function findRegulatedInstitution(db: Queryable, institutionId: string, districtCode: string): Promise<RegulatedInstitution | null> {
  const result = await db.query<RegulatedInstitution>(
    `select i.id, i.name, d.name as district_name
     from institutions i join districts d on d.code = i.district_code
     where i.id = $1 and i.district_code = $2`,
    [institutionId, districtCode],
  )
  return result.rows[0] ?? null
}

export async function insertRectification(tx: Queryable, n: Rectification, complaintId: string | null): Promise<void> {
  await tx.query(
    `insert into rectification_notices (id, institution_id, issued_on, due_on, authority, issue, complaint_id)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [n.id, n.institutionId, n.issuedOn, n.dueOn, n.authority, n.issue, complaintId],
  )
}
