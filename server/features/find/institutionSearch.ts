import { InstitutionSummary } from '@domain/institution'
import { InstitutionSearch } from '@domain/search'
import { Queryable } from '../../platform/db/database'
import { toSummary } from './institutionRows'
import { IdList, SearchPosition, searchInstitutions } from './institutionSearchRepository'
import { bookableInstitutionIds } from '../booking/slots'
import { BookableIds } from '../booking/bookableIds'
import { checkedSummary } from './searchIndex/checkedSummary'
import { roundDistanceKm } from './searchIndex/distance'
import { LiveSearchIndex } from './searchIndex/liveSearchIndex'
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
  return indexedPage(search, searchIndex) ?? (await sqlPage(db, search, bookableIds))
}

/** The page from the index snapshot (its page cache first); undefined when SQL must answer: no index loaded yet, or the 可预约 filter. */
function indexedPage(search: InstitutionSearch, searchIndex: LiveSearchIndex | undefined): HitPage | undefined {
  // The 可预约 filter is a short id list the index does not hold: SQL answers it, in the same order.
  if (search.bookable !== undefined) return undefined
  const snapshot = searchIndex?.snapshot()
  if (!snapshot) return undefined
  const cached = snapshot.pages.get(search)
  if (cached) return cached
  const after = search.cursor ? decodeCursor(search.cursor, search.sort) : undefined
  const page = snapshot.index.search(search, after, search.limit)
  snapshot.pages.set(search, page)
  return page
}

async function sqlPage(db: Queryable, search: InstitutionSearch, bookableIds: BookableIds): Promise<HitPage> {
  const after = search.cursor ? decodeCursor(search.cursor, search.sort) : undefined
  // One extra hit says whether another page exists without counting (as the index does).
  const pageSize = search.limit + 1
  const idList = search.bookable === undefined ? undefined : { ids: [...(await bookableIds())], within: search.bookable }
  return toPage(search, await searchWithSql(db, search, after, pageSize, idList))
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
  // From the index the page is ready at once (the route's usual case) and only the 可预约
  // read is awaited; from SQL both go out together, and a 可预约 filter uses the same read.
  const indexed = indexedPage(search, searchIndex)
  if (indexed) return { page: indexed, bookable: await bookableIds() }
  const bookableRead = bookableIds()
  const [page, bookable] = await Promise.all([sqlPage(db, search, () => bookableRead), bookableRead])
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

/** One hit of the SQL search. */
interface SqlHit {
  summary: InstitutionSummary
  id: string
  /** Distance from the search's origin in km, rounded as shown; undefined without an origin. */
  distanceKm: number | undefined
  /** compareForSort's primary key, as the SQL search computes it (institutionSearchRepository.ts): the cursor's `k`. */
  sortKey: number
}

/** A page from SQL's hits (the index makes its pages itself: InstitutionIndex.search); facts are written when it is sent. */
function toPage(search: InstitutionSearch, hits: SqlHit[]): HitPage {
  const page = hits.slice(0, search.limit)
  const last = page.at(-1)
  const nextCursor = hits.length > search.limit && last ? encodeCursor(search.sort, { sortKey: last.sortKey, id: last.id }) : null
  return {
    summaries: page.map((hit) => hit.summary),
    ids: page.map((hit) => hit.id),
    distancesKm: search.origin ? page.map((hit) => hit.distanceKm!) : undefined,
    nextCursor,
    factsJson: undefined,
  }
}

async function searchWithSql(db: Queryable, search: InstitutionSearch, after: SearchPosition | undefined, pageSize: number, idList?: IdList): Promise<SqlHit[]> {
  const rows = await searchInstitutions(db, search, after, pageSize, idList)
  return rows.map((row) => ({
    summary: checkedSummary(toSummary(row)),
    id: row.id,
    distanceKm: row.distance_km === null ? undefined : roundDistanceKm(row.distance_km),
    sortKey: row.sort_key,
  }))
}
