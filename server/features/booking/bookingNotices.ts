import { BOOKING_STATUS_LABELS, BookingStatus } from '@domain/booking'
import { ENROLLMENT_STATUS_LABELS, EnrollmentStatus } from '@domain/enrollment'
import { SLOT_KIND_LABELS, SlotKind } from '@domain/slot'
import { inShanghai } from '@domain/shanghaiTime'
import { Queryable } from '../../platform/db/database'
import { enqueueNotification } from '../notifications/outbox'

/*
 * Subscribe-message notices of status changes, queued in the transaction that makes the
 * change. Template fields are short (WeChat allows about 20 characters each). The
 * dedupe key is the new status: one notice per booking per status, however often a
 * request is retried.
 */

const FIELD_MAX = 20

function field(text: string): string {
  return text.length > FIELD_MAX ? `${text.slice(0, FIELD_MAX - 1)}…` : text
}

export async function queueBookingStatusNotice(tx: Queryable, bookingId: string, status: BookingStatus, note?: string): Promise<void> {
  const result = await tx.query<{ user_id: string; name: string; kind: SlotKind; starts_at: Date }>(
    `select b.user_id, i.name, s.kind, s.starts_at
     from bookings b join slots s on s.id = b.slot_id join institutions i on i.id = s.institution_id
     where b.id = $1`,
    [bookingId],
  )
  const row = result.rows[0]
  if (!row) return
  await enqueueNotification(tx, {
    userId: row.user_id,
    kind: 'booking_status',
    subjectId: bookingId,
    dedupeKey: status,
    payload: {
      institution: field(row.name),
      activity: SLOT_KIND_LABELS[row.kind],
      time: inShanghai(row.starts_at).format('YYYY-MM-DD HH:mm'),
      status: BOOKING_STATUS_LABELS[status],
      ...(note ? { note: field(note) } : {}),
    },
  })
}

export async function queueEnrollmentStatusNotice(tx: Queryable, enrollmentId: string, status: EnrollmentStatus): Promise<void> {
  const result = await tx.query<{ user_id: string; name: string; start_month: string }>(
    `select e.user_id, i.name, e.start_month from enrollments e join institutions i on i.id = e.institution_id where e.id = $1`,
    [enrollmentId],
  )
  const row = result.rows[0]
  if (!row) return
  await enqueueNotification(tx, {
    userId: row.user_id,
    kind: 'enrollment_status',
    subjectId: enrollmentId,
    dedupeKey: status,
    payload: { institution: field(row.name), startMonth: row.start_month, status: ENROLLMENT_STATUS_LABELS[status] },
  })
}

/**
 * The slot a family booked moved (issue 9: a PATCH of a booked slot's time notifies
 * them). Deduplicated by the new time, so each distinct change is one notice.
 */
export async function queueSlotChangedNotice(tx: Queryable, bookingId: string): Promise<void> {
  const result = await tx.query<{ user_id: string; name: string; kind: SlotKind; starts_at: Date; status: BookingStatus }>(
    `select b.user_id, i.name, s.kind, s.starts_at, b.status
     from bookings b join slots s on s.id = b.slot_id join institutions i on i.id = s.institution_id
     where b.id = $1`,
    [bookingId],
  )
  const row = result.rows[0]
  if (!row) return
  const time = inShanghai(row.starts_at).format('YYYY-MM-DD HH:mm')
  await enqueueNotification(tx, {
    userId: row.user_id,
    kind: 'booking_status',
    subjectId: bookingId,
    dedupeKey: `time:${inShanghai(row.starts_at).format()}`,
    payload: {
      institution: field(row.name),
      activity: SLOT_KIND_LABELS[row.kind],
      time,
      status: BOOKING_STATUS_LABELS[row.status],
      note: field(`时间改为 ${time}`),
    },
  })
}
