import { Queryable } from '../../platform/db/database'

/** What a subscribe message is about; one WeChat template per kind. */
export type NotificationKind = 'visit_reminder' | 'booking_status' | 'enrollment_status' | 'complaint_status' | 'vacancy_alert' | 'rectification_status' | 'open_day_alert' | 'vacancy_stale'

export interface QueuedNotification {
  userId: string
  kind: NotificationKind
  /** The booking, enrollment, complaint or rectification notice it is about. */
  subjectId: string
  /** Distinguishes several messages about one subject (e.g. the new status); same key → queued once. */
  dedupeKey: string
  /** Template fields, short plain strings (WeChat limits each to about 20 characters). */
  payload: Record<string, string>
  sendAfter?: Date
}

/**
 * Queues a subscribe message. Call it inside the transaction that makes the change it
 * announces, so the change and its notice commit together; the sender job
 * (server/features/notifications/) delivers it later through the WeChat adapter.
 */
// The sender compares send_after with a JavaScript Date (whole milliseconds): a default of
// now() with microseconds could lie just after a `now` taken in the same millisecond.
export async function enqueueNotification(tx: Queryable, n: QueuedNotification): Promise<void> {
  await tx.query(
    `insert into notification_outbox (user_id, kind, subject_id, dedupe_key, payload, send_after)
     values ($1, $2, $3, $4, $5::jsonb, coalesce($6::timestamptz, date_trunc('milliseconds', now())))
     on conflict (kind, subject_id, dedupe_key) do nothing`,
    [n.userId, n.kind, n.subjectId, n.dedupeKey, JSON.stringify(n.payload), n.sendAfter?.toISOString() ?? null],
  )
}
