import crypto from 'node:crypto'
import { inShanghai } from '@domain/shanghaiTime'
import { SLOT_KIND_LABELS } from '@domain/slot'
import { Transaction } from '../../platform/db/database'
import { enqueueNotification } from '../notifications/outbox'
import { insertWatchAlert, listOpenDayWatchesOf } from './openDayWatchRepository'
import { NewOpenDayRow } from './savedSearchRepository'

/*
 * The 订阅开放日提醒 half of an alert round: for each institution that published open days
 * or visits since the last round, tell every parent subscribed to it — in 我的 · 空位提醒
 * always, and by subscribe message (open_day_alert) where accepted — at most once per
 * subscription per day. The alert names the activity and when it starts.
 */

/** WeChat template fields are short (about 20 characters). */
const short = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)

export async function writeOpenDayWatchAlerts(tx: Transaction, published: NewOpenDayRow[], day: string): Promise<number> {
  // Rows come ordered by institution, open days before visits: the first is the one to name.
  const firstOf = new Map<string, NewOpenDayRow>()
  for (const row of published) if (!firstOf.has(row.institution_id)) firstOf.set(row.institution_id, row)
  if (firstOf.size === 0) return 0
  let written = 0
  for (const watch of await listOpenDayWatchesOf(tx, [...firstOf.keys()])) {
    const slot = firstOf.get(watch.institution_id)!
    const activity = SLOT_KIND_LABELS[slot.kind]
    const startsAt = inShanghai(slot.starts_at)
    const text = `${watch.institution_name} 发布了${activity}（${startsAt.format('M月D日 HH:mm')}），现在可以预约`
    const first = await insertWatchAlert(tx, {
      id: crypto.randomUUID(),
      watchId: watch.id,
      userId: watch.user_id,
      day,
      change: slot.kind === 'open_day' ? 'open_day_published' : 'visit_published',
      institutionId: watch.institution_id,
      text,
    })
    if (!first) continue
    written += 1
    await enqueueNotification(tx, {
      userId: watch.user_id,
      kind: 'open_day_alert',
      subjectId: watch.id,
      dedupeKey: day,
      payload: { institution: short(watch.institution_name), activity, time: startsAt.format('YYYY-MM-DD HH:mm') },
    })
  }
  return written
}
