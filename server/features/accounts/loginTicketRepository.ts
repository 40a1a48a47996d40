import { Queryable } from '../../platform/db/database'

/* login_tickets and desktop sessions (migration 013): 扫码登录. */

export async function insertLoginTicket(db: Queryable, id: string, pollSecretHash: string, expiresAt: Date): Promise<void> {
  await db.query(`insert into login_tickets (id, poll_secret_hash, expires_at) values ($1, $2, $3)`, [id, pollSecretHash, expiresAt.toISOString()])
}

/** The phone confirms a live, unconfirmed ticket; true when it did. */
export async function confirmLoginTicket(db: Queryable, id: string, userId: string): Promise<boolean> {
  const result = await db.query(
    `update login_tickets set confirmed_by = $2, confirmed_at = now() where id = $1 and confirmed_at is null and expires_at > now()`,
    [id, userId],
  )
  return result.rowCount > 0
}

export interface TicketState {
  confirmed_by: string | null
  expired: boolean
  collected: boolean
}

/** The ticket, if the poll secret is its own. */
export async function findLoginTicket(db: Queryable, id: string, pollSecretHash: string): Promise<TicketState | undefined> {
  const result = await db.query<TicketState>(
    `select confirmed_by, expires_at <= now() as expired, collected_at is not null as collected from login_tickets where id = $1 and poll_secret_hash = $2`,
    [id, pollSecretHash],
  )
  return result.rows[0]
}

/** Marks a confirmed ticket collected, once: two polls racing get one session. */
export async function collectLoginTicket(db: Queryable, id: string): Promise<boolean> {
  const result = await db.query(`update login_tickets set collected_at = now() where id = $1 and collected_at is null and confirmed_at is not null`, [id])
  return result.rowCount > 0
}

export async function insertDesktopSession(db: Queryable, id: string, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.query(`insert into sessions (id, token_hash, user_id, expires_at, device) values ($1, $2, $3, $4, 'desktop')`, [id, tokenHash, userId, expiresAt.toISOString()])
}

export interface DesktopSessionRow {
  id: string
  created_at: Date
  expires_at: Date
}

export async function listDesktopSessions(db: Queryable, userId: string): Promise<DesktopSessionRow[]> {
  const result = await db.query<DesktopSessionRow>(
    `select id, created_at, expires_at from sessions
     where user_id = $1 and device = 'desktop' and revoked_at is null and expires_at > now() order by created_at desc`,
    [userId],
  )
  return result.rows
}

export async function endDesktopSession(db: Queryable, userId: string, id: string): Promise<boolean> {
  const result = await db.query(`update sessions set revoked_at = now() where id = $1 and user_id = $2 and device = 'desktop' and revoked_at is null`, [id, userId])
  return result.rowCount > 0
}
