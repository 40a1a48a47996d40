import crypto from 'node:crypto'
import { Queryable } from '../../platform/db/database'

export interface UserRow {
  id: string
  nickname: string | null
  wechat_openid: string | null
  staff_institution_id: string | null
}

/** A user without WeChat identity (demo sign-in). */
export async function insertDemoUser(db: Queryable, nickname: string | null): Promise<string> {
  const id = crypto.randomUUID()
  await db.query(`insert into users (id, nickname) values ($1, $2)`, [id, nickname])
  return id
}

/**
 * The user with this openid, created on first sign-in. The session_key is replaced on
 * every sign-in (WeChat issues a new one) and is only ever read by the server itself.
 */
export async function upsertWechatUser(db: Queryable, openid: string, sessionKey: string): Promise<string> {
  const result = await db.query<{ id: string }>(
    `insert into users (id, wechat_openid, wechat_session_key) values ($1, $2, $3)
     on conflict (wechat_openid) do update set wechat_session_key = excluded.wechat_session_key
     returning id`,
    [crypto.randomUUID(), openid, sessionKey],
  )
  return result.rows[0].id
}

/** Makes the user a staff member of the institution (replacing any other institution). */
export async function upsertInstitutionStaff(db: Queryable, userId: string, institutionId: string): Promise<void> {
  await db.query(
    `insert into staff_memberships (user_id, role, institution_id) values ($1, 'institution_staff', $2)
     on conflict (user_id, role) do update set institution_id = excluded.institution_id`,
    [userId, institutionId],
  )
}

/** Makes the user a regulator of the district (demo sign-in). */
export async function upsertRegulator(db: Queryable, userId: string, districtCode: string): Promise<void> {
  await db.query(
    `insert into staff_memberships (user_id, role, district_code) values ($1, 'regulator', $2)
     on conflict (user_id, role) do update set district_code = excluded.district_code`,
    [userId, districtCode],
  )
}

/** Public fields of a user: never the session_key. */
export async function findUser(db: Queryable, userId: string): Promise<UserRow | undefined> {
  const result = await db.query<UserRow>(
    `select u.id, u.nickname, u.wechat_openid,
            (select m.institution_id from staff_memberships m where m.user_id = u.id and m.role = 'institution_staff') as staff_institution_id
     from users u where u.id = $1`,
    [userId],
  )
  return result.rows[0]
}

/** Deletes the user; every table keyed by user_id follows by its foreign key (migrations 003–012). */
export async function deleteUser(db: Queryable, userId: string): Promise<void> {
  await db.query(`delete from users where id = $1`, [userId])
}
