import crypto from 'node:crypto'
import { MAX_OPEN_DAY_WATCHES, OpenDayWatch } from '@domain/openDayWatch'
import { Database, Queryable } from '../../platform/db/database'
import { ApiError, notFound } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { countOpenDayWatches, deleteOpenDayWatch, findOpenDayWatchOfInstitution, listOpenDayWatchesOfUser, OpenDayWatchRow, upsertOpenDayWatch } from './openDayWatchRepository'

/* 订阅开放日提醒 (src/domain/openDayWatch.ts): subscribe, list, cancel. The alert round tells. */

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString())

function toOpenDayWatch(row: OpenDayWatchRow): OpenDayWatch {
  return { id: row.id, institution: { id: row.institution_id, name: row.institution_name }, createdAt: iso(row.created_at) }
}

/** Subscribing again to the same institution answers the existing subscription (created: false). */
export async function watchOpenDays(db: Database, viewer: Viewer, institutionId: string): Promise<{ watch: OpenDayWatch; created: boolean }> {
  return db.transaction(async (tx) => {
    // serialise one parent's subscriptions so the limit holds under a double tap
    await tx.query(`select id from users where id = $1 for update`, [viewer.userId])
    const existing = await findOpenDayWatchOfInstitution(tx, viewer.userId, institutionId)
    if (existing) return { watch: toOpenDayWatch(existing), created: false }
    if ((await countOpenDayWatches(tx, viewer.userId)) >= MAX_OPEN_DAY_WATCHES) {
      throw new ApiError('CONFLICT', `最多订阅 ${MAX_OPEN_DAY_WATCHES} 个机构的开放日提醒，请先取消不需要的`)
    }
    const row = await upsertOpenDayWatch(tx, crypto.randomUUID(), viewer.userId, institutionId)
    if (!row) throw notFound('没有找到这个机构')
    return { watch: toOpenDayWatch(row), created: true }
  })
}

export async function myOpenDayWatches(db: Queryable, viewer: Viewer): Promise<{ items: OpenDayWatch[]; nextCursor: null }> {
  return { items: (await listOpenDayWatchesOfUser(db, viewer.userId)).map(toOpenDayWatch), nextCursor: null }
}

export async function cancelOpenDayWatch(db: Queryable, viewer: Viewer, id: string): Promise<void> {
  if (!(await deleteOpenDayWatch(db, id, viewer.userId))) throw notFound('没有找到这个开放日提醒')
}
