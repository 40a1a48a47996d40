import { Queryable } from '../../platform/db/database'

export interface ViewerRow {
  user_id: string
  nickname: string | null
  staff_institution_id: string | null
  regulator_district_code: string | null
}

/** The signed-in user behind a live (unexpired, not revoked) session, with their staff roles. */
export async function findViewerBySessionHash(db: Queryable, tokenHash: string): Promise<ViewerRow | undefined> {
  const result = await db.query<ViewerRow>(
    `select u.id as user_id, u.nickname,
            (select m.institution_id from staff_memberships m where m.user_id = u.id and m.role = 'institution_staff') as staff_institution_id,
            (select m.district_code from staff_memberships m where m.user_id = u.id and m.role = 'regulator') as regulator_district_code
     from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now()`,
    [tokenHash],
  )
  return result.rows[0]
}
