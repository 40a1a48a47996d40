import { z } from 'zod'
import { OpenDayWatch, OpenDayWatchSchema } from '@domain/openDayWatch'
import { NoContentSchema, requestJson } from './client'

/** 订阅开放日提醒 (docs/api.md "POST /api/v1/me/open-day-watches"), signed in; alerts come with listAlerts. */

const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.null() })

/** Subscribing twice to one place answers the first subscription. */
export function watchOpenDays(institutionId: string): Promise<OpenDayWatch> {
  return requestJson('POST', '/api/v1/me/open-day-watches', OpenDayWatchSchema, { auth: true, body: { institutionId } })
}

export async function listOpenDayWatches(): Promise<OpenDayWatch[]> {
  return (await requestJson('GET', '/api/v1/me/open-day-watches', page(OpenDayWatchSchema), { auth: true })).items
}

export function cancelOpenDayWatch(id: string): Promise<void> {
  return requestJson('DELETE', `/api/v1/me/open-day-watches/${encodeURIComponent(id)}`, NoContentSchema, { auth: true })
}
