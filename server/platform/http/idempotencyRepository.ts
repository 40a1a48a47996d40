import { Queryable } from '../db/database'
import { ENCRYPTED_PREFIX, KeyRing } from '../crypto/fieldCipher'

/*
 * Idempotency-Key records (migration 005), per user. A request first claims its key;
 * the claim and the answer commit with the booking itself, so a retry after a crash
 * either finds the whole first answer or nothing (and runs afresh).
 */

export interface StoredAnswer {
  request_hash: string
  status_code: number | null
  response: unknown
}

/**
 * Claims (user, key) for this request. true: ours, go on. false: someone used the key
 * first — on PostgreSQL this waits until that transaction commits or rolls back, so
 * two concurrent requests with one key never both book.
 */
export async function claimIdempotencyKey(tx: Queryable, userId: string, key: string, requestHash: string): Promise<boolean> {
  const result = await tx.query(
    `insert into idempotency_keys (user_id, key, request_hash) values ($1, $2, $3) on conflict (user_id, key) do nothing`,
    [userId, key, requestHash],
  )
  return result.rowCount === 1
}

export async function findStoredAnswer(tx: Queryable, keyRing: KeyRing, userId: string, key: string): Promise<StoredAnswer | undefined> {
  const result = await tx.query<StoredAnswer>(
    `select request_hash, status_code, response from idempotency_keys where user_id = $1 and key = $2`,
    [userId, key],
  )
  const row = result.rows[0]
  return row && { ...row, response: withPhoneNumbers(keyRing, row.response) }
}

/** 13812345678 anywhere in a string of a stored answer, even inside longer text. */
const MOBILE_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)/

/**
 * What is kept of an answer for replays: every string holding a phone number is
 * encrypted like the number's own column (platform/crypto), so the store of answers is
 * not a second, plain copy of every contact number; a replay decrypts it again.
 */
export function withoutPlainPhoneNumbers(keyRing: KeyRing, response: unknown): unknown {
  return JSON.parse(JSON.stringify(response ?? null), (_key, value: unknown) =>
    typeof value === 'string' && MOBILE_NUMBER.test(value) ? keyRing.encrypt(value) : value,
  )
}

function withPhoneNumbers(keyRing: KeyRing, stored: unknown): unknown {
  return JSON.parse(JSON.stringify(stored ?? null), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(ENCRYPTED_PREFIX) ? keyRing.decrypt(value) : value,
  )
}

export async function storeAnswer(tx: Queryable, keyRing: KeyRing, userId: string, key: string, statusCode: number, response: unknown): Promise<void> {
  await tx.query(`update idempotency_keys set status_code = $3, response = $4::jsonb where user_id = $1 and key = $2`, [
    userId,
    key,
    statusCode,
    JSON.stringify(withoutPlainPhoneNumbers(keyRing, response)),
  ])
}

/** Retention: keys older than `before` (with their stored answers) are deleted. */
export async function deleteIdempotencyKeysBefore(db: Queryable, before: Date): Promise<number> {
  const result = await db.query(`delete from idempotency_keys where created_at < $1`, [before])
  return result.rowCount
}

/** A deleted child's nickname must not live on in a stored answer. */
export async function forgetIdempotentAnswersAboutChild(tx: Queryable, childId: string): Promise<void> {
  await tx.query(`delete from idempotency_keys where response -> 'child' ->> 'id' = $1`, [childId])
}
