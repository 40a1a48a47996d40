import { Queryable } from '../../platform/db/database'

/** Stores a new session by the hash of its token. */
export async function insertSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
  await db.query(`insert into sessions (token_hash, user_id, expires_at) values ($1, $2, $3)`, [tokenHash, userId, expiresAt.toISOString()])
}

/** Revokes a session; revoking twice changes nothing. */
export async function revokeSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query(`update sessions set revoked_at = now() where token_hash = $1 and revoked_at is null`, [tokenHash])
}

/** Deletes sessions that expired or were revoked before `before`. */
export async function deleteEndedSessions(db: Queryable, before: Date): Promise<number> {
  const result = await db.query(`delete from sessions where expires_at < $1 or revoked_at < $1`, [before])
  return result.rowCount
}
