import { LRUCache } from 'lru-cache'
import { InstitutionSummary } from '@domain/institution'
import { InstitutionSearch } from '@domain/search'

/** One page of GET /api/v1/institutions (the service's InstitutionPage). */
export interface SearchPage {
  items: InstitutionSummary[]
  nextCursor: string | null
}

/*
 * Answers of recent searches on one index snapshot. A search is a pure function of
 * the snapshot and the parsed search (filters, sort, cursor, limit), so the same
 * search on the same snapshot has the same page; LiveSearchIndex makes a new, empty
 * cache with every new snapshot, so a page never outlives the data it came from
 * (the cache is keyed by the index version by construction). Bounded by page count:
 * at most `maxPages` × 51 summaries (a few kilobytes of JSON each) are held.
 */

export class PageCache {
  private readonly pages: LRUCache<string, SearchPage> | undefined

  /** 0 turns the cache off. */
  constructor(maxPages: number) {
    this.pages = maxPages > 0 ? new LRUCache<string, SearchPage>({ max: maxPages }) : undefined
  }

  get size(): number {
    return this.pages?.size ?? 0
  }

  get(search: InstitutionSearch): SearchPage | undefined {
    return this.pages?.get(pageCacheKey(search))
  }

  /**
   * Keeps the page, frozen with its cards: it is shared by every later reply, which
   * copies a frozen card before marking it 可预约 (searchCards.ts, withBookable).
   */
  set(search: InstitutionSearch, page: SearchPage): void {
    if (!this.pages) return
    for (const card of page.items) Object.freeze(card)
    Object.freeze(page.items)
    this.pages.set(pageCacheKey(search), Object.freeze(page))
  }
}

/**
 * Everything that decides a page, in a fixed order. Care modes are a set (the filters
 * and sortFee read them with `includes`), so their order does not make a new key.
 */
export function pageCacheKey(search: InstitutionSearch): string {
  return JSON.stringify([
    search.origin?.lat ?? null,
    search.origin?.lng ?? null,
    search.radiusKm ?? null,
    search.district ?? null,
    [...search.careModes].sort(),
    search.maxFee ?? null,
    search.affordable ?? null,
    search.ageMonths ?? null,
    search.hasVacancy ?? null,
    search.kind ?? null,
    search.q ?? null,
    search.sort,
    search.cursor ?? null,
    search.limit,
  ])
}
