import { CareMode } from '@domain/careMode'
import { AlertChange, SavedSearchBody } from '@domain/savedSearch'
import { VacancyCell } from '@domain/vacancies'
import { Queryable } from '../../platform/db/database'
import { cursorTimeSql, TimeAndId } from '../../platform/http/paging'

/** saved_searches, saved_search_alerts, vacancy_watch and alert_watermarks (migration 017). */

export interface SavedSearchRow {
  id: string
  user_id: string
  name: string
  district_code: string | null
  lat: number | null
  lng: number | null
  radius_km: number | null
  care_mode: CareMode | null
  age_months: number | null
  max_fee: number | null
  affordable_only: boolean
  created_at: string | Date
}

/** A saved search with created_at to the microsecond, for the page cursor. */
export interface SavedSearchPageRow extends SavedSearchRow {
  cursor_at: string
}

export async function insertSavedSearch(db: Queryable, id: string, userId: string, body: SavedSearchBody): Promise<SavedSearchRow> {
  const { rows } = await db.query<SavedSearchRow>(
    `insert into saved_searches (id, user_id, name, district_code, lat, lng, radius_km, care_mode, age_months, max_fee, affordable_only)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`,
    [id, userId, body.name, body.districtCode ?? null, body.location?.lat ?? null, body.location?.lng ?? null, body.radiusKm ?? null, body.careMode ?? null, body.ageMonths ?? null, body.maxFee ?? null, body.affordableOnly],
  )
  return rows[0]
}

export async function countSavedSearches(db: Queryable, userId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from saved_searches where user_id = $1`, [userId])
  return rows[0].n
}

/** One page of a parent's saved searches, oldest first (the order they were made), after `after`. */
export async function listSavedSearchesOfUser(db: Queryable, userId: string, after: TimeAndId | undefined, limit: number): Promise<SavedSearchPageRow[]> {
  const { rows } = await db.query<SavedSearchPageRow>(
    `select *, ${cursorTimeSql('created_at')} as cursor_at from saved_searches
     where user_id = $1 and ($2::timestamptz is null or (created_at, id) > ($2::timestamptz, $3::text))
     order by created_at, id limit $4`,
    [userId, after?.at ?? null, after?.id ?? '', limit],
  )
  return rows
}

export async function deleteSavedSearch(db: Queryable, id: string, userId: string): Promise<boolean> {
  const { rowCount } = await db.query(`delete from saved_searches where id = $1 and user_id = $2`, [id, userId])
  return rowCount === 1
}

/** Every saved search: the alert job matches changes against all of them in memory. */
export async function listAllSavedSearches(db: Queryable): Promise<SavedSearchRow[]> {
  const { rows } = await db.query<SavedSearchRow>(`select * from saved_searches`)
  return rows
}

export interface AlertRow {
  id: string
  saved_search_id: string | null
  saved_search_name: string | null
  open_day_watch_id: string | null
  alert_day: string
  change: AlertChange
  institution_id: string
  institution_name: string
  text: string
  created_at: string | Date
  /** created_at to the microsecond, for the page cursor. */
  cursor_at: string
}

/** One page of a parent's alerts (空位提醒), newest first, after `after`. */
export async function listAlertsOfUser(db: Queryable, userId: string, after: TimeAndId | undefined, limit: number): Promise<AlertRow[]> {
  const { rows } = await db.query<AlertRow>(
    `select a.id, a.saved_search_id, s.name as saved_search_name, a.open_day_watch_id, a.alert_day, a.change, a.institution_id, i.name as institution_name, a.text, a.created_at,
            ${cursorTimeSql('a.created_at')} as cursor_at
     from saved_search_alerts a left join saved_searches s on s.id = a.saved_search_id join institutions i on i.id = a.institution_id
     where a.user_id = $1 and ($2::timestamptz is null or (a.created_at, a.id) < ($2::timestamptz, $3::text))
     order by a.created_at desc, a.id desc limit $4`,
    [userId, after?.at ?? null, after?.id ?? '', limit],
  )
  return rows
}

/** One alert per saved search per day: the unique key decides; true when this one was the first today. */
export async function insertAlert(
  db: Queryable,
  alert: { id: string; savedSearchId: string; userId: string; day: string; change: AlertChange; institutionId: string; text: string },
): Promise<boolean> {
  const { rows } = await db.query(
    `insert into saved_search_alerts (id, saved_search_id, user_id, alert_day, change, institution_id, text)
     values ($1, $2, $3, $4, $5, $6, $7) on conflict (saved_search_id, alert_day) do nothing returning id`,
    [alert.id, alert.savedSearchId, alert.userId, alert.day, alert.change, alert.institutionId, alert.text],
  )
  return rows.length === 1
}

/** One alert job at a time across servers (a no-op on PGlite, which has one connection). */
export async function lockAlertJob(db: Queryable): Promise<void> {
  await db.query(`select pg_advisory_xact_lock(72100012)`)
}

export interface VacancyChangeRow {
  institution_id: string
  before: number | null
  after: number
}

/**
 * Institutions whose vacancies went up since the job last looked (before null: first
 * sight, a baseline, not an alert), and records what it saw now.
 */
export async function takeVacancyChanges(db: Queryable): Promise<VacancyChangeRow[]> {
  const { rows } = await db.query<VacancyChangeRow>(
    `select i.id as institution_id, w.vacancies as before, greatest(i.capacity - i.enrolled, 0) as after
     from institutions i left join vacancy_watch w on w.institution_id = i.id
     where w.institution_id is null or w.vacancies <> greatest(i.capacity - i.enrolled, 0)`,
  )
  if (rows.length > 0) {
    await db.query(
      `insert into vacancy_watch (institution_id, vacancies) select unnest($1::text[]), unnest($2::int[])
       on conflict (institution_id) do update set vacancies = excluded.vacancies, seen_at = now()`,
      [rows.map((r) => r.institution_id), rows.map((r) => r.after)],
    )
  }
  return rows
}

export interface NewOpenDayRow {
  institution_id: string
  kind: 'open_day' | 'visit'
  starts_at: string | Date
}

/**
 * Open days and visits published since the watermark, the earliest of each kind per
 * institution (first run: none, the watermark starts now). Saved searches read the open
 * days; 订阅开放日提醒 reads both.
 */
export async function takeNewOpenDays(db: Queryable, now: Date): Promise<NewOpenDayRow[]> {
  const { rows: marks } = await db.query<{ at: Date | string }>(`select at from alert_watermarks where name = 'open_days'`)
  await db.query(`insert into alert_watermarks (name, at) values ('open_days', $1) on conflict (name) do update set at = excluded.at`, [now.toISOString()])
  if (marks.length === 0) return []
  // Windows meet at the round's clock, in whole milliseconds (a JavaScript Date), and
  // created_at has microseconds: each window is [its start's next millisecond, its end's
  // next millisecond), so a slot made earlier in the round's own millisecond is in this
  // round, not the next (seen once as a flaky test on PostgreSQL). The bounds move, not the
  // column, so an index on created_at still serves.
  const { rows } = await db.query<NewOpenDayRow>(
    `select institution_id, kind, min(starts_at) as starts_at from slots
     where kind in ('open_day', 'visit') and status = 'open' and created_at >= $1 and created_at < $3 and starts_at > $2
     group by institution_id, kind order by institution_id, kind`,
    [new Date(new Date(marks[0].at).getTime() + 1).toISOString(), now.toISOString(), new Date(now.getTime() + 1).toISOString()],
  )
  return rows
}

export interface AlertInstitutionRow {
  id: string
  name: string
  district_code: string
  lat: number
  lng: number
  affordable: boolean
  min_age_months: number
  max_age_months: number
  care_modes: Array<{ mode: CareMode; fee: number }>
  /** capacity − enrolled: the total the cells add up to. */
  vacancies: number
  /** The care mode × age band cells with places (issue 9); empty until staff broke the total down. */
  open_places: VacancyCell[]
}

export async function findAlertInstitutions(db: Queryable, ids: string[]): Promise<AlertInstitutionRow[]> {
  const { rows } = await db.query<AlertInstitutionRow>(
    `select i.id, i.name, i.district_code, i.lat, i.lng, i.affordable, i.min_age_months, i.max_age_months,
       coalesce((select json_agg(json_build_object('mode', f.mode, 'fee', f.fee_fen)) from institution_care_modes f where f.institution_id = i.id), '[]'::json) as care_modes,
       i.capacity - i.enrolled as vacancies,
       coalesce((select json_agg(json_build_object('careMode', v.care_mode, 'ageBand', v.age_band, 'vacancies', v.vacancies))
                 from institution_vacancies v where v.institution_id = i.id and v.vacancies > 0), '[]'::json) as open_places
     from institutions i where i.id = any($1::text[])`,
    [ids],
  )
  return rows
}
