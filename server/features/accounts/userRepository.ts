import crypto from 'node:crypto'
import { Queryable } from '../../platform/db/database'

export interface UserRow {
  id: string
  nickname: string | null
  wechat_openid: string | null
  staff_institution_id: string | null
}

/** A user without WeChat identity (demo sign-in). */
/**
 * A named demo account's user, unless it exists: several servers starting on one database
 * at once may all try (on conflict do nothing); null when another one made it first.
 */
export async function insertDemoAccountUser(db: Queryable, nickname: string, demoAccountKey: string): Promise<string | null> {
  const result = await db.query<{ id: string }>(
    `insert into users (id, nickname, demo_account_key) values ($1, $2, $3) on conflict (demo_account_key) do nothing returning id`,
    [crypto.randomUUID(), nickname, demoAccountKey],
  )
  return result.rows[0]?.id ?? null
}

export async function insertDemoUser(db: Queryable, nickname: string | null, demoAccountKey: string | null = null): Promise<string> {
  const id = crypto.randomUUID()
  await db.query(`insert into users (id, nickname, demo_account_key) values ($1, $2, $3)`, [id, nickname, demoAccountKey])
  return id
}

/** The named demo account (演示账号) with this key, if the demo data has it. */
export async function findDemoAccountUser(db: Queryable, key: string): Promise<string | undefined> {
  const result = await db.query<{ id: string }>(`select id from users where demo_account_key = $1`, [key])
  return result.rows[0]?.id
}

export interface DemoAccountRow {
  key: string
  nickname: string
  role: 'regulator' | 'institution_admin' | 'institution_staff'
  place: string
  district_code: string
  institution_id: string | null
}

/** The demo accounts that still hold their role, for the demo screen. */
export async function listDemoAccounts(db: Queryable): Promise<DemoAccountRow[]> {
  const result = await db.query<DemoAccountRow>(
    `select u.demo_account_key as key, u.nickname, m.role, coalesce(d.name, i.name) as place,
            coalesce(m.district_code, i.district_code) as district_code, m.institution_id
     from users u join memberships m on m.user_id = u.id and m.revoked_at is null
     left join districts d on d.code = m.district_code left join institutions i on i.id = m.institution_id
     where u.demo_account_key is not null
     order by m.role desc, place, u.demo_account_key`,
  )
  return result.rows
}

export async function revokeDemoAccountSessions(db: Queryable): Promise<number> {
  const result = await db.query(
    `update sessions set revoked_at = now()
     where revoked_at is null and user_id in (select id from users where demo_account_key is not null)`,
  )
  return result.rowCount
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

/** Public fields of a user: never the session_key. */
export async function findUser(db: Queryable, userId: string): Promise<UserRow | undefined> {
  const result = await db.query<UserRow>(
    `select u.id, u.nickname, u.wechat_openid,
            (select m.institution_id from memberships m where m.user_id = u.id and m.role <> 'regulator' and m.revoked_at is null) as staff_institution_id
     from users u where u.id = $1`,
    [userId],
  )
  return result.rows[0]
}

/** Deletes the user; every table keyed by user_id follows by its foreign key (migrations 003–012). */
export async function deleteUser(db: Queryable, userId: string): Promise<void> {
  await db.query(`delete from users where id = $1`, [userId])
}
