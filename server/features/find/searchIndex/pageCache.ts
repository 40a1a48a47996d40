import { LRUCache } from 'lru-cache'
import { InstitutionSearch } from '@domain/search'
import { HitPage } from '../searchCards'

/*
 * Answers of recent searches on one index snapshot. A search is a pure function of
 * the snapshot and the parsed search (filters, sort, cursor, limit), so the same
 * search on the same snapshot has the same page; LiveSearchIndex makes a new, empty
 * cache with every new snapshot, so a page never outlives the data it came from
 * (the cache is keyed by the index version by construction). Bounded by page count:
 * at most `maxPages` pages of up to 51 hits are held (the summaries they name are the
 * snapshot's own).
 */

export class PageCache {
  private readonly pages: LRUCache<string, HitPage> | undefined

  /** 0 turns the cache off. */
  constructor(maxPages: number) {
    this.pages = maxPages > 0 ? new LRUCache<string, HitPage>({ max: maxPages }) : undefined
  }

  get size(): number {
    return this.pages?.size ?? 0
  }

  get(search: InstitutionSearch): HitPage | undefined {
    return this.pages?.get(pageCacheKey(search))
  }

  /** Keeps the page, frozen: every later answer shares it (each with its own 可预约 set, searchCards.ts). */
  set(search: InstitutionSearch, page: HitPage): void {
    if (!this.pages) return
    Object.freeze(page.summaries)
    Object.freeze(page.ids)
    if (page.distancesKm) Object.freeze(page.distancesKm)
    if (page.factsJson) Object.freeze(page.factsJson)
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
