import { Page, pageSchema } from '@domain/page'
import { SavedSearch, SavedSearchBody, SavedSearchSchema, SearchAlert, SearchAlertSchema } from '@domain/savedSearch'
import { NoContentSchema, requestJson } from './client'

/** 保存的搜索 and 空位提醒 (docs/api.md "Saved searches"), signed in. */

const cursorParams = (cursor?: string): [string, string][] => (cursor ? [['cursor', cursor]] : [])

export function saveSearch(body: SavedSearchBody): Promise<SavedSearch> {
  return requestJson('POST', '/api/v1/me/saved-searches', SavedSearchSchema, { auth: true, body })
}

/** One page (docs/api.md "Paging"); read through usePaged. */
export function listSavedSearches(cursor?: string): Promise<Page<SavedSearch>> {
  return requestJson('GET', '/api/v1/me/saved-searches', pageSchema(SavedSearchSchema), { auth: true, params: cursorParams(cursor) })
}

export function deleteSavedSearch(id: string): Promise<void> {
  return requestJson('DELETE', `/api/v1/me/saved-searches/${encodeURIComponent(id)}`, NoContentSchema, { auth: true })
}

/** One page, newest first; read through usePaged. */
export function listAlerts(cursor?: string): Promise<Page<SearchAlert>> {
  return requestJson('GET', '/api/v1/me/alerts', pageSchema(SearchAlertSchema), { auth: true, params: cursorParams(cursor) })
}
