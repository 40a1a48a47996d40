import { z } from 'zod'
import { safeText } from './safeText'

/*
 * 订阅开放日提醒: on the detail page of an institution with nothing open, a parent asks to
 * be told when it publishes an open day or a visit. One subscription per parent and
 * institution, kept until the parent cancels it; each alert (at most one a day) appears in
 * 我的 · 空位提醒 beside the saved searches' and, where accepted, as a subscribe message.
 */

/** Enough for every place a family is weighing; the list in 我的 stays one screen. */
export const MAX_OPEN_DAY_WATCHES = 30

export const OpenDayWatchBodySchema = z.object({
  institutionId: safeText({ error: '请指定机构' }).trim().min(1, '请指定机构').max(100, '机构编号太长'),
})
export type OpenDayWatchBody = z.infer<typeof OpenDayWatchBodySchema>

export const OpenDayWatchSchema = z.object({
  id: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
})
export type OpenDayWatch = z.infer<typeof OpenDayWatchSchema>

/** The slot kinds a subscription waits for: the ones a parent books to come and look. */
export const WATCHED_SLOT_KINDS = ['open_day', 'visit'] as const
