import { MemberRole } from '@domain/staffAccess'
import { Queryable } from '../../platform/db/database'
import { cursorTimeSql, TimeAndId } from '../../platform/http/paging'

/* The invitations table (migration 013): only the code's hash is stored. */

export interface InvitationRow {
  id: string
  role: MemberRole
  district_code: string
  institution_id: string | null
  institution_name: string | null
  note: string | null
  invited_by: string | null
  created_at: Date
  expires_at: Date
  accepted_at: Date | null
  cancelled_at: Date | null
}

const SELECT_INVITATION = `
  select v.id, v.role, v.district_code, v.institution_id, i.name as institution_name, v.note, v.invited_by,
         v.created_at, v.expires_at, v.accepted_at, v.cancelled_at
  from invitations v left join institutions i on i.id = v.institution_id`

export async function insertInvitation(
  db: Queryable,
  invitation: { id: string; codeHash: string; role: MemberRole; districtCode: string; institutionId: string | null; invitedBy: string | null; note: string | null; expiresAt: Date },
): Promise<void> {
  await db.query(
    `insert into invitations (id, code_hash, role, district_code, institution_id, invited_by, note, expires_at) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [invitation.id, invitation.codeHash, invitation.role, invitation.districtCode, invitation.institutionId, invitation.invitedBy, invitation.note, invitation.expiresAt.toISOString()],
  )
}

export async function findInvitation(db: Queryable, id: string): Promise<InvitationRow | undefined> {
  const result = await db.query<InvitationRow>(`${SELECT_INVITATION} where v.id = $1`, [id])
  return result.rows[0]
}

/**
 * Takes a pending invitation by its code's hash, once: the update marks it accepted
 * only while it is unused, uncancelled and unexpired, so two people racing with the
 * same code cannot both get it.
 */
export async function takeInvitation(db: Queryable, codeHash: string, userId: string): Promise<InvitationRow | undefined> {
  const result = await db.query<{ id: string }>(
    `update invitations set accepted_by = $2, accepted_at = now()
     where code_hash = $1 and accepted_at is null and cancelled_at is null and expires_at > now()
     returning id`,
    [codeHash, userId],
  )
  const id = result.rows[0]?.id
  return id === undefined ? undefined : findInvitation(db, id)
}

/** One page of the invitations in a scope, newest first, after `after` (cursor_at: created_at to the microsecond). */
export async function listInvitations(
  db: Queryable,
  scope: { districtCode: string } | { institutionId: string },
  after: TimeAndId | undefined,
  limit: number,
): Promise<Array<InvitationRow & { cursor_at: string }>> {
  const [where, value] = 'districtCode' in scope ? [`v.district_code = $1 and v.role <> 'institution_staff'`, scope.districtCode] : [`v.institution_id = $1 and v.role = 'institution_staff'`, scope.institutionId]
  const result = await db.query<InvitationRow & { cursor_at: string }>(
    `select x.*, ${cursorTimeSql('x.created_at')} as cursor_at from (${SELECT_INVITATION} where ${where}) x
     where ($2::timestamptz is null or (x.created_at, x.id) < ($2::timestamptz, $3::text))
     order by x.created_at desc, x.id desc limit $4`,
    [value, after?.at ?? null, after?.id ?? '', limit],
  )
  return result.rows
}

export async function cancelInvitation(db: Queryable, id: string): Promise<boolean> {
  const result = await db.query(`update invitations set cancelled_at = now() where id = $1 and accepted_at is null and cancelled_at is null`, [id])
  return result.rowCount > 0
}

export interface InstitutionInDistrict {
  id: string
  name: string
  district_code: string
  filing_status: string
}

export async function findInstitutionForInvitation(db: Queryable, institutionId: string): Promise<InstitutionInDistrict | undefined> {
  const result = await db.query<InstitutionInDistrict>(`select id, name, district_code, filing_status from institutions where id = $1`, [institutionId])
  return result.rows[0]
}

export async function findDistrictName(db: Queryable, districtCode: string): Promise<string | undefined> {
  const result = await db.query<{ name: string }>(`select name from districts where code = $1`, [districtCode])
  return result.rows[0]?.name
}
