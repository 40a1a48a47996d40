import { Queryable } from '../../platform/db/database'
import { NotificationKind } from './outbox'

export interface ClaimedNotification {
  id: number
  user_id: string
  kind: NotificationKind
  subject_id: string
  payload: Record<string, string>
  /** Including this attempt. */
  attempts: number
  openid: string | null
}

/**
 * Claims up to `limit` due, unfinished messages: locks them with `for update skip locked`
 * (a second server skips rows the first is claiming) and pushes their send_after forward
 * by the lease, so no one else picks them up while this server sends. A server that dies
 * mid-send leaves them to be claimed again when the lease runs out.
 */
export async function claimDueNotifications(db: Queryable, now: Date, limit: number, leaseMs: number): Promise<ClaimedNotification[]> {
  const result = await db.query<ClaimedNotification>(
    `with due as (
       select id from notification_outbox
       where outcome is null and sent_at is null and send_after <= $1
       order by send_after, id
       limit $2
       for update skip locked
     )
     update notification_outbox o
     set attempts = o.attempts + 1, send_after = $1::timestamptz + $3 * interval '1 millisecond'
     from due
     where o.id = due.id
     returning o.id, o.user_id, o.kind, o.subject_id, o.payload, o.attempts,
               (select u.wechat_openid from users u where u.id = o.user_id) as openid`,
    [now.toISOString(), limit, leaseMs],
  )
  return result.rows.sort((a, b) => a.id - b.id)
}

export async function markSent(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query(`update notification_outbox set outcome = 'sent', sent_at = $2, last_error = null where id = $1`, [id, now.toISOString()])
}

/** A final outcome other than sent: skipped (nothing to send with) or failed (gave up). */
export async function markFinished(db: Queryable, id: number, outcome: 'skipped' | 'failed', reason: string): Promise<void> {
  await db.query(`update notification_outbox set outcome = $2, last_error = $3 where id = $1`, [id, outcome, reason])
}

/** A transient failure: try again at `retryAt`. */
export async function markRetry(db: Queryable, id: number, retryAt: Date, reason: string): Promise<void> {
  await db.query(`update notification_outbox set send_after = $2, last_error = $3 where id = $1`, [id, retryAt.toISOString(), reason])
}

/** A visit reminder is pointless once the booking is no longer confirmed or its slot cancelled. */
export async function bookingStillConfirmed(db: Queryable, bookingId: string): Promise<boolean> {
  const result = await db.query(
    `select 1 from bookings b join slots s on s.id = b.slot_id where b.id = $1 and b.status = 'confirmed' and s.status = 'open'`,
    [bookingId],
  )
  return result.rowCount > 0
}
