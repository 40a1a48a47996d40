import { Queryable } from '../../platform/db/database'
import { enqueueNotification } from '../notifications/outbox'

/*
 * An institution whose filing was withdrawn (the regulator's filing-list import) leaves
 * search; families with a booking or an application there are told, once, in the same
 * transaction (issue 9).
 */

export async function tellFamiliesInstitutionClosed(tx: Queryable, institutionId: string, institutionName: string): Promise<string[]> {
  const bookings = await tx.query<{ id: string; user_id: string }>(
    `select b.id, b.user_id from bookings b join slots s on s.id = b.slot_id
     where s.institution_id = $1 and b.status in ('pending', 'confirmed') and s.starts_at > now()`,
    [institutionId],
  )
  const enrollments = await tx.query<{ id: string; user_id: string }>(
    `select id, user_id from enrollments where institution_id = $1 and status in ('submitted', 'waitlisted', 'admitted')`,
    [institutionId],
  )
  const name = institutionName.length > 20 ? `${institutionName.slice(0, 19)}…` : institutionName
  for (const b of bookings.rows) {
    await enqueueNotification(tx, {
      userId: b.user_id,
      kind: 'booking_status',
      subjectId: b.id,
      dedupeKey: 'institution_closed',
      payload: { institution: name, status: '机构备案已撤销', note: '请勿前往，可改约其他机构' },
    })
  }
  for (const e of enrollments.rows) {
    await enqueueNotification(tx, {
      userId: e.user_id,
      kind: 'enrollment_status',
      subjectId: e.id,
      dedupeKey: 'institution_closed',
      payload: { institution: name, status: '机构备案已撤销' },
    })
  }
  // the families, not the notices: one with a booking and an application is one family
  return [...new Set([...bookings.rows, ...enrollments.rows].map((row) => row.user_id))]
}
