import { InstitutionSearch } from '@domain/search'
import { Queryable } from '../../platform/db/database'
import { toSummary } from './institutionRows'
import { IdList, SearchPosition, searchInstitutions } from './institutionSearchRepository'
import { bookableInstitutionIds } from '../booking/slots'
import { BookableIds } from '../booking/bookableIds'
import { checkedSummary } from './searchIndex/checkedSummary'
import { roundDistanceKm } from './searchIndex/distance'
import { LiveSearchIndex } from './searchIndex/liveSearchIndex'
import { SearchPage } from './searchIndex/pageCache'
import { SearchHit } from './searchIndex/pageSelection'
import { decodeCursor, encodeCursor } from './searchCursor'
import { cardOf, linkSharedSummaries, SharedSummaries, sharedSummariesOf, withBookable } from './searchCards'

export { roundDistanceKm } from './searchIndex/distance'

export type InstitutionPage = SearchPage

/**
 * GET /api/v1/institutions: one page of the search, and the cursor of the next one.
 * Answered from the in-memory index when it is loaded, else with SQL; both give the
 * same items and cursors, so a cursor from one pages the other. Pages answered by the
 * index are kept in that index snapshot's page cache (server/features/find/searchIndex/pageCache.ts):
 * the same search on the same data is not searched again.
 */
export async function findInstitutions(
  db: Queryable,
  search: InstitutionSearch,
  searchIndex?: LiveSearchIndex,
  bookableIds: BookableIds = () => bookableInstitutionIds(db),
): Promise<InstitutionPage> {
  const after = search.cursor ? decodeCursor(search.cursor, search.sort) : undefined
  // One extra hit says whether another page exists without counting.
  const pageSize = search.limit + 1
  // The 可预约 filter is a short id list the index does not hold: SQL answers it, in the same order.
  if (search.bookable !== undefined) {
    const ids = [...(await bookableIds())]
    return toPage(search, await searchWithSql(db, search, after, pageSize, { ids, within: search.bookable }))
  }
  const snapshot = searchIndex?.snapshot()
  if (!snapshot) return toPage(search, await searchWithSql(db, search, after, pageSize))
  const cached = snapshot.pages.get(search)
  if (cached) return cached
  const page = toPage(search, snapshot.index.search(search, after, pageSize))
  snapshot.pages.set(search, page)
  return page
}

/**
 * GET /api/v1/institutions as parents see it: the page, each card marked 可预约 or not.
 * 可预约 changes with every booking, so it is read at answer time, never cached with
 * the page (issue 12); the route reads it through bookableIdsReader
 * (server/features/booking/bookableIds.ts), which is never behind a write.
 */
export async function searchWithBookable(
  db: Queryable,
  search: InstitutionSearch,
  searchIndex?: LiveSearchIndex,
  bookableIds: BookableIds = () => bookableInstitutionIds(db),
): Promise<InstitutionPage> {
  const [page, bookable] = await Promise.all([findInstitutions(db, search, searchIndex, bookableIds), bookableIds()])
  return markBookable(page, bookable)
}

/**
 * The page with each card marked 可预约 or not. A page made for this answer alone is
 * marked in place (its cards keep their places, so its shared summaries still match); a
 * cached page is frozen and shared by every answer, so it is copied.
 */
function markBookable(page: InstitutionPage, bookable: ReadonlySet<string>): InstitutionPage {
  const target = Object.isFrozen(page) ? linkSharedSummaries({ items: [...page.items], nextCursor: page.nextCursor }, sharedSummariesOf(page)) : page
  const { items } = target
  for (let i = 0; i < items.length; i++) items[i] = withBookable(items[i], bookable.has(items[i].id))
  return target
}

function toPage(search: InstitutionSearch, hits: SearchHit[]): InstitutionPage {
  const count = Math.min(hits.length, search.limit)
  const items: InstitutionPage['items'] = new Array(count)
  const shared: SharedSummaries[number][] = new Array(count)
  for (let i = 0; i < count; i++) {
    items[i] = hits[i].summary
    shared[i] = hits[i].shared
  }
  const last = count > 0 ? hits[count - 1] : undefined
  const nextCursor = hits.length > search.limit && last ? encodeCursor(search.sort, { sortKey: last.sortKey, id: last.summary.id }) : null
  return linkSharedSummaries({ items, nextCursor }, shared)
}

async function searchWithSql(db: Queryable, search: InstitutionSearch, after: SearchPosition | undefined, pageSize: number, idList?: IdList): Promise<SearchHit[]> {
  const rows = await searchInstitutions(db, search, after, pageSize, idList)
  return rows.map((row) => {
    const summary = checkedSummary(toSummary(row))
    return {
      summary: row.distance_km === null ? summary : cardOf(summary, { distanceKm: roundDistanceKm(row.distance_km) }),
      sortKey: row.sort_key,
    }
  })
}
