import { InstitutionSearch } from '@domain/search'
import { Queryable } from '../../platform/db/database'
import { toSummary } from './institutionRows'
import { IdList, SearchPosition, searchInstitutions } from './institutionSearchRepository'
import { bookableInstitutionIds } from '../booking/slots'
import { BookableIds } from '../booking/bookableIds'
import { checkedSummary } from './searchIndex/checkedSummary'
import { roundDistanceKm } from './searchIndex/distance'
import { LiveSearchIndex } from './searchIndex/liveSearchIndex'
import { SearchHit } from './searchIndex/pageSelection'
import { decodeCursor, encodeCursor } from './searchCursor'
import { cardsOf, HitPage, SearchAnswer, SearchPage } from './searchCards'

export { roundDistanceKm } from './searchIndex/distance'

/** A page of cards as objects (the API's JSON). */
export type InstitutionPage = SearchPage

/**
 * One page of the search, and the cursor of the next one, without 可预约 (see
 * answerSearch). Answered from the in-memory index when it is loaded, else with SQL;
 * both give the same hits and cursors, so a cursor from one pages the other. Pages
 * answered by the index are kept in that index snapshot's page cache
 * (server/features/find/searchIndex/pageCache.ts): the same search on the same data is not
 * searched again.
 */
export async function findInstitutions(
  db: Queryable,
  search: InstitutionSearch,
  searchIndex?: LiveSearchIndex,
  bookableIds: BookableIds = () => bookableInstitutionIds(db),
): Promise<HitPage> {
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
 * GET /api/v1/institutions: the page and the 可预约 set it is answered with. 可预约
 * changes with every booking, so it is read at answer time, never cached with the page
 * (issue 12); the route reads it through bookableIdsReader
 * (server/features/booking/bookableIds.ts), which is never behind a write. The route's
 * serializer writes the answer without making card objects (searchCards.ts).
 */
export async function answerSearch(
  db: Queryable,
  search: InstitutionSearch,
  searchIndex?: LiveSearchIndex,
  bookableIds: BookableIds = () => bookableInstitutionIds(db),
): Promise<SearchAnswer> {
  const [page, bookable] = await Promise.all([findInstitutions(db, search, searchIndex, bookableIds), bookableIds()])
  return { page, bookable }
}

/** The route's answer as cards (objects), each marked 可预约 or not. */
export async function searchWithBookable(
  db: Queryable,
  search: InstitutionSearch,
  searchIndex?: LiveSearchIndex,
  bookableIds: BookableIds = () => bookableInstitutionIds(db),
): Promise<InstitutionPage> {
  return cardsOf(await answerSearch(db, search, searchIndex, bookableIds))
}

function toPage(search: InstitutionSearch, hits: SearchHit[]): HitPage {
  const count = Math.min(hits.length, search.limit)
  const summaries: HitPage['summaries'][number][] = new Array(count)
  const ids: string[] = new Array(count)
  const distancesKm: number[] | undefined = search.origin ? new Array(count) : undefined
  // The index gives every hit its kept facts; SQL none.
  const factsJson: Buffer[] | undefined = count > 0 && hits[0].factsJson ? new Array(count) : undefined
  for (let i = 0; i < count; i++) {
    const hit = hits[i]
    summaries[i] = hit.summary
    ids[i] = hit.id
    if (distancesKm) distancesKm[i] = hit.distanceKm!
    if (factsJson) factsJson[i] = hit.factsJson!
  }
  const last = count > 0 ? hits[count - 1] : undefined
  const nextCursor = hits.length > search.limit && last ? encodeCursor(search.sort, { sortKey: last.sortKey, id: last.id }) : null
  return { summaries, ids, distancesKm, nextCursor, factsJson }
}

async function searchWithSql(db: Queryable, search: InstitutionSearch, after: SearchPosition | undefined, pageSize: number, idList?: IdList): Promise<SearchHit[]> {
  const rows = await searchInstitutions(db, search, after, pageSize, idList)
  return rows.map((row) => ({
    summary: checkedSummary(toSummary(row)),
    id: row.id,
    distanceKm: row.distance_km === null ? undefined : roundDistanceKm(row.distance_km),
    sortKey: row.sort_key,
  }))
}
