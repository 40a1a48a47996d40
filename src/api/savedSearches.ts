import { z } from 'zod'
import { SavedSearch, SavedSearchBody, SavedSearchSchema, SearchAlert, SearchAlertSchema } from '@domain/savedSearch'
import { NoContentSchema, requestJson } from './client'

/** 保存的搜索 and 空位提醒 (docs/api.md "Saved searches"), signed in. */

const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.null() })

export function saveSearch(body: SavedSearchBody): Promise<SavedSearch> {
  return requestJson('POST', '/api/v1/me/saved-searches', SavedSearchSchema, { auth: true, body })
}

export async function listSavedSearches(): Promise<SavedSearch[]> {
  return (await requestJson('GET', '/api/v1/me/saved-searches', page(SavedSearchSchema), { auth: true })).items
}

export function deleteSavedSearch(id: string): Promise<void> {
  return requestJson('DELETE', `/api/v1/me/saved-searches/${encodeURIComponent(id)}`, NoContentSchema, { auth: true })
}

export async function listAlerts(): Promise<SearchAlert[]> {
  return (await requestJson('GET', '/api/v1/me/alerts', page(SearchAlertSchema), { auth: true })).items
}
