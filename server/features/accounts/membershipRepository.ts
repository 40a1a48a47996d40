import crypto from 'node:crypto'
import { MemberRole } from '@domain/staffAccess'
import { Queryable } from '../../platform/db/database'

/* The memberships table (migration 013): one role of one person; revoked, never deleted. */

export interface MembershipRow {
  id: string
  user_id: string
  nickname: string | null
  role: MemberRole
  district_code: string | null
  institution_id: string | null
  institution_name: string | null
  granted_at: Date
}

const SELECT_MEMBERSHIP = `
  select m.id, m.user_id, u.nickname, m.role, coalesce(m.district_code, i.district_code) as district_code,
         m.institution_id, i.name as institution_name, m.granted_at
  from memberships m join users u on u.id = m.user_id left join institutions i on i.id = m.institution_id`

export async function insertMembership(
  db: Queryable,
  grant: { userId: string; role: MemberRole; institutionId: string | null; districtCode: string | null; invitationId: string | null },
): Promise<string> {
  const id = crypto.randomUUID()
  await db.query(
    `insert into memberships (id, user_id, role, institution_id, district_code, invitation_id) values ($1, $2, $3, $4, $5, $6)`,
    [id, grant.userId, grant.role, grant.role === 'regulator' ? null : grant.institutionId, grant.role === 'regulator' ? grant.districtCode : null, grant.invitationId],
  )
  return id
}

/** The person's live role of this kind (district or institution), if any. */
export async function findLiveMembershipOfKind(db: Queryable, userId: string, kind: 'district' | 'institution'): Promise<MembershipRow | undefined> {
  const result = await db.query<MembershipRow>(
    `${SELECT_MEMBERSHIP} where m.user_id = $1 and m.revoked_at is null and ${kind === 'district' ? `m.role = 'regulator'` : `m.role <> 'regulator'`}`,
    [userId],
  )
  return result.rows[0]
}

export async function findLiveMembership(db: Queryable, membershipId: string): Promise<MembershipRow | undefined> {
  const result = await db.query<MembershipRow>(`${SELECT_MEMBERSHIP} where m.id = $1 and m.revoked_at is null for update of m`, [membershipId])
  return result.rows[0]
}

/** Live members a regulator oversees (the district's regulators and institution admins) or an institution's people. */
export async function listLiveMembers(db: Queryable, scope: { districtCode: string } | { institutionId: string }): Promise<MembershipRow[]> {
  if ('districtCode' in scope) {
    const result = await db.query<MembershipRow>(
      `${SELECT_MEMBERSHIP}
       where m.revoked_at is null and (m.district_code = $1 or (m.role = 'institution_admin' and i.district_code = $1))
       order by m.role desc, i.name nulls first, m.granted_at`,
      [scope.districtCode],
    )
    return result.rows
  }
  const result = await db.query<MembershipRow>(
    `${SELECT_MEMBERSHIP} where m.revoked_at is null and m.institution_id = $1 order by m.role, m.granted_at`,
    [scope.institutionId],
  )
  return result.rows
}

/** Stamps the membership revoked; true when it was live. */
export async function revokeMembership(db: Queryable, membershipId: string, revokedBy: string): Promise<boolean> {
  const result = await db.query(`update memberships set revoked_at = now(), revoked_by = $2 where id = $1 and revoked_at is null`, [membershipId, revokedBy])
  return result.rowCount > 0
}
