import { Queryable } from '../../platform/db/database'

export interface ViewerRow {
  user_id: string
  nickname: string | null
  staff_institution_id: string | null
  institution_role: 'institution_admin' | 'institution_staff' | null
  regulator_district_code: string | null
}

/**
 * The signed-in user behind a live (unexpired, not revoked) session, with their live
 * roles. Read on every request, so a revoked role is gone from the very next one.
 */
export async function findViewerBySessionHash(db: Queryable, tokenHash: string): Promise<ViewerRow | undefined> {
  const result = await db.query<ViewerRow>(
    `select u.id as user_id, u.nickname,
            inst.institution_id as staff_institution_id, inst.role as institution_role,
            reg.district_code as regulator_district_code
     from sessions s join users u on u.id = s.user_id
     left join memberships inst on inst.user_id = u.id and inst.revoked_at is null and inst.role <> 'regulator'
     left join memberships reg on reg.user_id = u.id and reg.revoked_at is null and reg.role = 'regulator'
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
    [tokenHash],
  )
  return result.rows[0]
}
