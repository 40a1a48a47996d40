import crypto from 'node:crypto'
import { MAX_SAVED_SEARCHES, SavedSearch, SavedSearchBody, SearchAlert } from '@domain/savedSearch'
import { Page, PageQuery } from '@domain/page'
import { Database, Queryable } from '../../platform/db/database'
import { pageFromRows, timeAndIdCursor } from '../../platform/http/paging'
import { ApiError, notFound } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { AlertRow, countSavedSearches, deleteSavedSearch, insertSavedSearch, listAlertsOfUser, listSavedSearchesOfUser, SavedSearchRow } from './savedSearchRepository'

/* A parent's saved searches and the alerts they produced (我的 → 保存的搜索). */

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString())

export function toSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    districtCode: row.district_code,
    location: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng } : null,
    radiusKm: row.radius_km,
    careMode: row.care_mode,
    ageMonths: row.age_months,
    maxFee: row.max_fee,
    affordableOnly: row.affordable_only,
    createdAt: iso(row.created_at),
  }
}

function toAlert(row: AlertRow): SearchAlert {
  return {
    id: row.id,
    savedSearchId: row.saved_search_id,
    savedSearchName: row.saved_search_name,
    openDayWatchId: row.open_day_watch_id,
    day: row.alert_day,
    change: row.change,
    institution: { id: row.institution_id, name: row.institution_name },
    text: row.text,
    createdAt: iso(row.created_at),
  }
}

export async function saveSearch(db: Database, viewer: Viewer, body: SavedSearchBody): Promise<SavedSearch> {
  return db.transaction(async (tx) => {
    // serialise one parent's saves so the limit holds under a double tap
    await tx.query(`select id from users where id = $1 for update`, [viewer.userId])
    if ((await countSavedSearches(tx, viewer.userId)) >= MAX_SAVED_SEARCHES) {
      throw new ApiError('CONFLICT', `最多保存 ${MAX_SAVED_SEARCHES} 个搜索，请先删除不用的`)
    }
    return toSavedSearch(await insertSavedSearch(tx, crypto.randomUUID(), viewer.userId, body))
  })
}

/** GET /me/saved-searches: one page, in the order they were saved. */
export async function mySavedSearches(db: Queryable, viewer: Viewer, query: PageQuery): Promise<Page<SavedSearch>> {
  const after = query.cursor ? timeAndIdCursor.decode(query.cursor) : undefined
  const rows = await listSavedSearchesOfUser(db, viewer.userId, after, query.limit + 1)
  return pageFromRows(rows, query.limit, toSavedSearch, (row) => ({ at: row.cursor_at, id: row.id }), timeAndIdCursor)
}

export async function removeSavedSearch(db: Queryable, viewer: Viewer, id: string): Promise<void> {
  if (!(await deleteSavedSearch(db, id, viewer.userId))) throw notFound('没有找到这个保存的搜索')
}

/** GET /me/alerts: one page, newest first. */
export async function myAlerts(db: Queryable, viewer: Viewer, query: PageQuery): Promise<Page<SearchAlert>> {
  const after = query.cursor ? timeAndIdCursor.decode(query.cursor) : undefined
  const rows = await listAlertsOfUser(db, viewer.userId, after, query.limit + 1)
  return pageFromRows(rows, query.limit, toAlert, (row) => ({ at: row.cursor_at, id: row.id }), timeAndIdCursor)
}
