import { Queryable } from '../db/database'

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

export async function findStoredAnswer(tx: Queryable, userId: string, key: string): Promise<StoredAnswer | undefined> {
  const result = await tx.query<StoredAnswer>(
    `select request_hash, status_code, response from idempotency_keys where user_id = $1 and key = $2`,
    [userId, key],
  )
  return result.rows[0]
}

export async function storeAnswer(tx: Queryable, userId: string, key: string, statusCode: number, response: unknown): Promise<void> {
  await tx.query(`update idempotency_keys set status_code = $3, response = $4::jsonb where user_id = $1 and key = $2`, [
    userId,
    key,
    statusCode,
    JSON.stringify(response),
  ])
}

/** A deleted child's nickname must not live on in a stored answer. */
export async function forgetIdempotentAnswersAboutChild(tx: Queryable, childId: string): Promise<void> {
  await tx.query(`delete from idempotency_keys where response -> 'child' ->> 'id' = $1`, [childId])
}
