import { coalescedRead } from '../../platform/db/coalescedRead'
import { Database } from '../../platform/db/database'
import { bookableInstitutionIds } from './slots'

/*
 * The 可预约 set for hot reads (GET /institutions marks every card with it; issue 12
 * says it is read at answer time, and issue 11 measures that route's throughput).
 *
 * - Requests of one moment share one read (platform/db/coalescedRead.ts), each read
 *   after it asked.
 * - On the embedded database, where every change passes through this process's handle
 *   (Database.changeMark), the last read also answers while nothing has been written
 *   since it began, for at most KEEP_MS: the set then only changes as time passes (a slot
 *   starting, the four-week window moving), so an answer is at most that much behind
 *   the clock and never behind a write. On PostgreSQL, which other processes write, every
 *   moment reads afresh.
 */

/** How long a read may answer while nothing was written: the set's only drift is the clock's. */
export const KEEP_MS = 1000

export type BookableIds = () => Promise<ReadonlySet<string>>

export function bookableIdsReader(db: Database, now: () => number = Date.now): BookableIds {
  const read = coalescedRead(() => bookableInstitutionIds(db, new Date(now())))
  let kept: { ids: ReadonlySet<string>; mark: number; until: number } | undefined
  return async () => {
    const mark = db.changeMark?.()
    if (mark === undefined) return read()
    if (kept && kept.mark === mark && now() < kept.until) return kept.ids
    const started = now()
    const ids = await read()
    // Kept only if no change ran between this request's asking and the read's end.
    if (db.changeMark?.() === mark) kept = { ids, mark, until: started + KEEP_MS }
    return ids
  }
}
