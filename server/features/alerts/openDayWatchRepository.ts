import { AlertChange } from '@domain/savedSearch'
import { Queryable } from '../../platform/db/database'

/** open_day_watches and their alerts in saved_search_alerts (migration 029). */

export interface OpenDayWatchRow {
  id: string
  user_id: string
  institution_id: string
  institution_name: string
  created_at: string | Date
}

/**
 * Subscribes; a second subscription to the same institution is the first one (the unique
 * key decides, so a double tap cannot make two). Undefined when there is no such institution.
 */
export async function upsertOpenDayWatch(db: Queryable, id: string, userId: string, institutionId: string): Promise<OpenDayWatchRow | undefined> {
  await db.query(
    `insert into open_day_watches (id, user_id, institution_id)
     select $1, $2, i.id from institutions i where i.id = $3
     on conflict (user_id, institution_id) do nothing`,
    [id, userId, institutionId],
  )
  return findOpenDayWatchOfInstitution(db, userId, institutionId)
}

export async function findOpenDayWatchOfInstitution(db: Queryable, userId: string, institutionId: string): Promise<OpenDayWatchRow | undefined> {
  const { rows } = await db.query<OpenDayWatchRow>(
    `select w.id, w.user_id, w.institution_id, i.name as institution_name, w.created_at
     from open_day_watches w join institutions i on i.id = w.institution_id where w.user_id = $1 and w.institution_id = $2`,
    [userId, institutionId],
  )
  return rows[0]
}

export async function countOpenDayWatches(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from open_day_watches where user_id = $1`, [userId])
  return rows[0].n
}

export async function listOpenDayWatchesOfUser(db: Queryable, userId: string): Promise<OpenDayWatchRow[]> {
  const { rows } = await db.query<OpenDayWatchRow>(
    `select w.id, w.user_id, w.institution_id, i.name as institution_name, w.created_at
     from open_day_watches w join institutions i on i.id = w.institution_id where w.user_id = $1 order by w.created_at, w.id`,
    [userId],
  )
  return rows
}

export async function deleteOpenDayWatch(db: Queryable, id: string, userId: string): Promise<boolean> {
  const { rowCount } = await db.query(`delete from open_day_watches where id = $1 and user_id = $2`, [id, userId])
  return rowCount === 1
}

/** Every subscription to these institutions: the alert round's audience for their new open days. */
export async function listOpenDayWatchesOf(db: Queryable, institutionIds: string[]): Promise<OpenDayWatchRow[]> {
  const { rows } = await db.query<OpenDayWatchRow>(
    `select w.id, w.user_id, w.institution_id, i.name as institution_name, w.created_at
     from open_day_watches w join institutions i on i.id = w.institution_id where w.institution_id = any($1::text[]) order by w.created_at, w.id`,
    [institutionIds],
  )
  return rows
}

/** One alert per subscription per day: the unique index decides; true when this one was the first today. */
export async function insertWatchAlert(
  db: Queryable,
  alert: { id: string; watchId: string; userId: string; day: string; change: AlertChange; institutionId: string; text: string },
): Promise<boolean> {
  const { rows } = await db.query(
    `insert into saved_search_alerts (id, open_day_watch_id, user_id, alert_day, change, institution_id, text)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (open_day_watch_id, alert_day) do nothing returning id`,
    [alert.id, alert.watchId, alert.userId, alert.day, alert.change, alert.institutionId, alert.text],
  )
  return rows.length === 1
}
