import crypto from 'node:crypto'
import { ErrorBody } from '@domain/errors'
import { Database, Transaction } from '../db/database'
import { KeyRing } from '../crypto/fieldCipher'
import { claimIdempotencyKey, deleteIdempotencyKeysBefore, findStoredAnswer, storeAnswer } from './idempotencyRepository'
import { retryOnConflict } from '../db/retryTransaction'
import { ApiError, errorBody } from './apiError'

/*
 * Idempotency-Key (IETF draft "The Idempotency-Key HTTP Header Field"), per user:
 *
 * - same key, same body → the first answer again, status and body: a 201 with the same
 *   booking, and equally a 4xx the use case decided (SLOT_FULL, AGE_NOT_ACCEPTED,
 *   CONFLICT, NOT_FOUND). A new attempt needs a new key.
 * - same key, different body → 422 with code CONFLICT, nothing written. docs/api.md has no
 *   code of its own for it; CONFLICT says what happened and 422 is the draft's status.
 * - nothing of a 5xx is kept: the transaction rolls back, key included, and a retry
 *   runs afresh. Malformed requests (400) never reach here and claim nothing.
 *
 * The claim, the work and the answer commit in one transaction. On PostgreSQL a second
 * request with the same key waits on the first one's key row and then reads its answer.
 */

export interface Answer<T> {
  statusCode: number
  body: T | ErrorBody
}

export const KEY_REUSED_STATUS = 422
export const KEY_REUSED_MESSAGE = '这个 Idempotency-Key 已用于另一份内容不同的请求，请换一个新的 Key 再提交'

/** A stable fingerprint of a parsed body: key order does not matter. */
export function requestHash(body: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(body)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * Runs `work` once per (user, key). `work` runs inside a savepoint: when it throws an
 * ApiError its writes are undone, and the error becomes the answer kept for the key.
 * The kept answer's phone numbers are encrypted with `keyRing` (idempotencyRepository.ts).
 */
export async function runIdempotent<T>(
  db: Database,
  keyRing: KeyRing,
  userId: string,
  key: string,
  body: unknown,
  successStatus: number,
  work: (tx: Transaction) => Promise<T>,
): Promise<Answer<T>> {
  const hash = requestHash(body)
  return retryOnConflict(() => db.transaction((tx) => claimAndWork(tx, keyRing, userId, key, hash, successStatus, work)))
}

async function claimAndWork<T>(
  tx: Transaction,
  keyRing: KeyRing,
  userId: string,
  key: string,
  hash: string,
  successStatus: number,
  work: (tx: Transaction) => Promise<T>,
): Promise<Answer<T>> {
  if (!(await claimIdempotencyKey(tx, userId, key, hash))) {
    const stored = await findStoredAnswer(tx, keyRing, userId, key)
    if (!stored || stored.request_hash !== hash || stored.status_code === null) {
      return { statusCode: KEY_REUSED_STATUS, body: errorBody('CONFLICT', KEY_REUSED_MESSAGE) }
    }
    return { statusCode: stored.status_code, body: stored.response as T | ErrorBody }
  }
  let answer: Answer<T>
  await tx.query('savepoint idempotent_work')
  try {
    answer = { statusCode: successStatus, body: await work(tx) }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    await tx.query('rollback to savepoint idempotent_work')
    answer = { statusCode: error.status, body: error.toBody() }
  }
  await tx.query('release savepoint idempotent_work')
  await storeAnswer(tx, keyRing, userId, key, answer.statusCode, answer.body)
  return answer
}

/**
 * Retention: a key is kept a day (the IETF draft leaves the period to the server; a
 * client retries within minutes), then deleted with its stored answer.
 */
export const IDEMPOTENCY_KEY_RETENTION_MS = 24 * 60 * 60 * 1000

export async function purgeOldIdempotencyKeys(db: Database, now: Date = new Date()): Promise<number> {
  return deleteIdempotencyKeysBefore(db, new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_MS))
}
