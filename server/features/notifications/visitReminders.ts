import { SLOT_KIND_LABELS, SlotKind } from '@domain/slot'
import { inShanghai, todayInShanghai, shanghaiDate } from '@domain/shanghaiTime'
import { Database } from '../../platform/db/database'
import { enqueueNotification } from './outbox'

/*
 * 参观提醒: the day before a visit, open day, trial or lecture, every parent with a
 * confirmed booking gets a reminder. The outbox's unique (kind, subject, dedupe key)
 * makes it once per booking, however often and on however many servers this runs.
 */

export const VISIT_REMINDER_DEDUPE_KEY = 'day-before'

interface DueReminderRow {
  booking_id: string
  user_id: string
  code: string
  kind: SlotKind
  starts_at: Date
  institution_name: string
}

const FIELD_MAX = 20
const field = (text: string) => (text.length > FIELD_MAX ? `${text.slice(0, FIELD_MAX - 1)}…` : text)

/** Queues reminders for confirmed bookings of slots starting tomorrow (Asia/Shanghai); returns how many were new. */
export async function queueVisitReminders(db: Database, now: Date = new Date()): Promise<number> {
  const tomorrow = shanghaiDate(todayInShanghai(now)).add(1, 'day')
  return db.transaction(async (tx) => {
    const due = await tx.query<DueReminderRow>(
      `select b.id as booking_id, b.user_id, b.code, s.kind, s.starts_at, i.name as institution_name
       from bookings b
       join slots s on s.id = b.slot_id
       join institutions i on i.id = s.institution_id
       where b.status = 'confirmed' and s.status = 'open'
         and s.starts_at >= $1 and s.starts_at < $2
         and not exists (
           select 1 from notification_outbox o
           where o.kind = 'visit_reminder' and o.subject_id = b.id and o.dedupe_key = $3
         )
       order by s.starts_at, b.id`,
      [tomorrow.toISOString(), tomorrow.add(1, 'day').toISOString(), VISIT_REMINDER_DEDUPE_KEY],
    )
    for (const row of due.rows) {
      await enqueueNotification(tx, {
        userId: row.user_id,
        kind: 'visit_reminder',
        subjectId: row.booking_id,
        dedupeKey: VISIT_REMINDER_DEDUPE_KEY,
        payload: {
          institution: field(row.institution_name),
          activity: SLOT_KIND_LABELS[row.kind],
          time: inShanghai(row.starts_at).format('YYYY-MM-DD HH:mm'),
          code: row.code,
        },
        sendAfter: now,
      })
    }
    return due.rows.length
  })
}
