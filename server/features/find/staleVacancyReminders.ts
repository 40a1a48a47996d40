import { STALE_REMINDER_EVERY_DAYS, VACANCY_STALE_DAYS } from '@domain/institutionFacts'
import { inShanghai } from '@domain/shanghaiTime'
import { Database } from '../../platform/db/database'
import { enqueueNotification } from '../notifications/outbox'

/*
 * Stale vacancies pushed to the institution (issue 9): when an institution's vacancies
 * have gone unconfirmed for more than VACANCY_STALE_DAYS Beijing days (or were never
 * confirmed), each of its staff members gets a `vacancy_stale` subscribe message through
 * the outbox — delivered where they accepted one, skipped otherwise — and the workbench
 * shows a banner always (it reads the same freshness). An institution is reminded at most
 * once every STALE_REMINDER_EVERY_DAYS days (institutions.vacancy_reminded_at), so
 * staff are not nagged daily; confirming the vacancies ends the reminders.
 */

export interface StaleReminderRound {
  institutions: number
  messages: number
}

interface StaleRow {
  id: string
  name: string
  vacancies_confirmed_at: Date | null
  user_ids: string[]
}

export async function remindStaleVacancies(db: Database, now: Date = new Date()): Promise<StaleReminderRound> {
  const today = inShanghai(now).startOf('day')
  const staleBefore = today.subtract(VACANCY_STALE_DAYS, 'day').toISOString()
  const remindedBefore = today.subtract(STALE_REMINDER_EVERY_DAYS - 1, 'day').toISOString()
  return db.transaction(async (tx) => {
    // Staff with a live membership of a filed institution; skip locked so two servers never remind twice.
    const { rows } = await tx.query<StaleRow>(
      `select i.id, i.name, i.vacancies_confirmed_at,
         array(select m.user_id from memberships m
               where m.institution_id = i.id and m.revoked_at is null and m.role in ('institution_admin', 'institution_staff')
               order by m.user_id) as user_ids
       from institutions i
       where i.filing_status = 'filed'
         and (i.vacancies_confirmed_at is null or i.vacancies_confirmed_at < $1)
         and (i.vacancy_reminded_at is null or i.vacancy_reminded_at < $2)
         and exists (select 1 from memberships m where m.institution_id = i.id and m.revoked_at is null)
       order by i.id
       for update of i skip locked`,
      [staleBefore, remindedBefore],
    )
    let messages = 0
    const day = today.format('YYYY-MM-DD')
    for (const row of rows) {
      for (const userId of row.user_ids) {
        await enqueueNotification(tx, {
          userId,
          kind: 'vacancy_stale',
          subjectId: row.id,
          dedupeKey: `${userId}:${day}`,
          payload: {
            institution: row.name.length > 20 ? `${row.name.slice(0, 19)}…` : row.name,
            note: '请在工作台确认空位，家长才看得到',
            time: row.vacancies_confirmed_at ? inShanghai(row.vacancies_confirmed_at).format('YYYY-MM-DD HH:mm') : '从未确认',
          },
        })
        messages += 1
      }
    }
    if (rows.length > 0) await tx.query(`update institutions set vacancy_reminded_at = $2 where id = any($1::text[])`, [rows.map((r) => r.id), now.toISOString()])
    return { institutions: rows.length, messages }
  })
}

export function describeStaleReminderRound(round: StaleReminderRound): string | void {
  if (round.institutions > 0) return `${round.institutions} institutions with stale vacancies reminded (${round.messages} messages queued)`
}
