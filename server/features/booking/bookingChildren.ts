import { Queryable } from '../../platform/db/database'

export interface BookableChildRow {
  id: string
  nickname: string
  birth_date: string | null
  due_date: string | null
}

/**
 * The parent's child, share-locked until the transaction ends: a deletion of the
 * child waits for the booking or application to commit (and then releases it), or the
 * child is already gone and this finds nothing.
 */
export async function findChildForBooking(tx: Queryable, userId: string, childId: string): Promise<BookableChildRow | undefined> {
  const result = await tx.query<BookableChildRow>(
    `select id, nickname, birth_date, due_date from children where id = $1 and user_id = $2 for share`,
    [childId, userId],
  )
  return result.rows[0]
}

/**
 * Serialises one parent's bookings (the per-parent cap is counted, then kept) with a
 * lock on their users row. FOR NO KEY UPDATE, not FOR UPDATE: the transaction already
 * holds a KEY SHARE lock on that row from the foreign key of its idempotency_keys
 * insert, and two transactions upgrading KEY SHARE to FOR UPDATE deadlock (the
 * booking benchmark found it); NO KEY UPDATE does not conflict with KEY SHARE.
 */
export async function lockParent(tx: Queryable, userId: string): Promise<void> {
  await tx.query('select 1 from users where id = $1 for no key update', [userId])
}
