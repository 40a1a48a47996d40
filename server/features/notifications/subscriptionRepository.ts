import { Queryable } from '../../platform/db/database'
import { NotificationKind } from './outbox'

/** One more accepted message per kind (each one-time acceptance allows one message). */
export async function addSubscriptions(db: Queryable, userId: string, kinds: readonly NotificationKind[]): Promise<void> {
  for (const kind of kinds) {
    await db.query(
      `insert into subscriptions (user_id, kind, remaining) values ($1, $2, 1)
       on conflict (user_id, kind) do update set remaining = subscriptions.remaining + 1, updated_at = now()`,
      [userId, kind],
    )
  }
}

export async function listSubscriptions(db: Queryable, userId: string): Promise<{ kind: NotificationKind; remaining: number }[]> {
  const result = await db.query<{ kind: NotificationKind; remaining: number }>(`select kind, remaining from subscriptions where user_id = $1 order by kind`, [userId])
  return result.rows
}

/** Uses up one acceptance; false when none is left. One statement, so two senders cannot both use the last one. */
export async function useSubscription(db: Queryable, userId: string, kind: NotificationKind): Promise<boolean> {
  const result = await db.query(
    `update subscriptions set remaining = remaining - 1, updated_at = now() where user_id = $1 and kind = $2 and remaining > 0`,
    [userId, kind],
  )
  return result.rowCount > 0
}

/** Gives an acceptance back (the message could not be sent and will be tried again). */
export async function returnSubscription(db: Queryable, userId: string, kind: NotificationKind): Promise<void> {
  await db.query(`update subscriptions set remaining = remaining + 1, updated_at = now() where user_id = $1 and kind = $2`, [userId, kind])
}

/** WeChat says the user has no acceptance left (43101): believe it over our count. */
export async function clearSubscription(db: Queryable, userId: string, kind: NotificationKind): Promise<void> {
  await db.query(`update subscriptions set remaining = 0, updated_at = now() where user_id = $1 and kind = $2`, [userId, kind])
}
