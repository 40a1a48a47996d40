import crypto from 'node:crypto'
import { AlertChange, AlertInstitution, SavedSearch, savedSearchMatches } from '@domain/savedSearch'
import { hasVacancyFor, VacancyWish } from '@domain/vacancies'
import { inShanghai, todayInShanghai } from '@domain/shanghaiTime'
import { Database, Transaction } from '../../platform/db/database'
import { enqueueNotification } from '../notifications/outbox'
import { writeOpenDayWatchAlerts } from './openDayWatchAlerts'
import { findAlertInstitutions, insertAlert, listAllSavedSearches, lockAlertJob, takeNewOpenDays, takeVacancyChanges } from './savedSearchRepository'
import { toSavedSearch } from './savedSearches'

/*
 * One round of the saved-search alert job: find what changed since the last round
 * (vacancies that went up, open days and visits newly published), match each change against every
 * saved search with the domain's matcher, and tell 订阅开放日提醒 subscribers of their
 * institution's new open days (openDayWatchAlerts.ts); write at most one alert per saved search
 * or subscription per day — with its subscribe message queued in the same transaction (the sender job
 * delivers it where the parent accepted one; 我的 lists it always).
 *
 * It watches the data, not the code that changes it, so a vacancy is noticed however it
 * was written (the workbench, the filing import, an admission). Saved searches are matched
 * in memory: a few thousand rows per round is cheap; a spatial index is the next step.
 */

export interface AlertRoundSummary {
  changes: number
  alerts: number
}

interface Change {
  institutionId: string
  change: AlertChange
  detail: string
}

/** WeChat template fields are short (about 20 characters). */
const short = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)

export async function runAlertRound(db: Database, now: Date = new Date()): Promise<AlertRoundSummary> {
  return db.transaction(async (tx) => {
    await lockAlertJob(tx)
    const changes: Change[] = []
    for (const row of await takeVacancyChanges(tx)) {
      if (row.before !== null && row.after > row.before) {
        changes.push({ institutionId: row.institution_id, change: 'vacancy_gained', detail: `新增 ${row.after - row.before} 个空位（现有 ${row.after} 个）` })
      }
    }
    const published = await takeNewOpenDays(tx, now)
    // Saved searches are told of open days; 订阅开放日提醒 of open days and visits.
    for (const row of published.filter((r) => r.kind === 'open_day')) {
      changes.push({ institutionId: row.institution_id, change: 'open_day_published', detail: `发布了开放日（${inShanghai(row.starts_at).format('M月D日 HH:mm')}）` })
    }
    const day = todayInShanghai(now)
    const watchAlerts = await writeOpenDayWatchAlerts(tx, published, day)
    const visits = published.filter((r) => r.kind === 'visit').length
    if (changes.length === 0) return { changes: visits, alerts: watchAlerts }
    return { changes: changes.length + visits, alerts: (await writeAlerts(tx, changes, day)) + watchAlerts }
  })
}

function wishOf(search: SavedSearch): VacancyWish {
  return { careModes: search.careMode === null ? [] : [search.careMode], ...(search.ageMonths === null ? {} : { ageMonths: search.ageMonths }) }
}

async function writeAlerts(tx: Transaction, changes: Change[], day: string): Promise<number> {
  const institutions = new Map((await findAlertInstitutions(tx, [...new Set(changes.map((c) => c.institutionId))])).map((row) => [row.id, row]))
  const searches = (await listAllSavedSearches(tx)).map((row) => ({ userId: row.user_id, search: toSavedSearch(row) }))
  let written = 0
  for (const { userId, search } of searches) {
    for (const change of changes) {
      const row = institutions.get(change.institutionId)
      if (!row) continue
      const facts: AlertInstitution = {
        districtCode: row.district_code,
        location: { lat: row.lat, lng: row.lng },
        affordable: row.affordable,
        ageRange: { minMonths: row.min_age_months, maxMonths: row.max_age_months },
        careModes: row.care_modes,
      }
      if (!savedSearchMatches(search, facts)) continue
      // A vacancy tells this search only if there is now a place for what it asks: its care
      // mode and the child's age band (issue 9's cells), not a place in another class.
      if (change.change === 'vacancy_gained' && !hasVacancyFor(row.vacancies, row.open_places, wishOf(search))) continue
      const text = `${row.name} ${change.detail}`
      const first = await insertAlert(tx, { id: crypto.randomUUID(), savedSearchId: search.id, userId, day, change: change.change, institutionId: row.id, text })
      if (first) {
        written += 1
        await enqueueNotification(tx, {
          userId,
          kind: 'vacancy_alert',
          subjectId: search.id,
          dedupeKey: day,
          payload: { search: short(search.name), institution: short(row.name), change: short(change.detail) },
        })
      }
      // one alert per saved search per day: the first matching change is today's
      break
    }
  }
  return written
}
