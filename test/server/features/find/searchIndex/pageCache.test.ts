import { InstitutionSearch, InstitutionSearchQuerySchema } from '@domain/search'
import { HitPage } from '@server/features/find/searchCards'
import { PageCache, pageCacheKey } from '@server/features/find/searchIndex/pageCache'

const search = (query: Record<string, string | string[]>): InstitutionSearch => InstitutionSearchQuerySchema.parse(query)
const page = (nextCursor: string | null = null): HitPage => ({ summaries: [], ids: [], distancesKm: [], nextCursor, factsJson: [] })

describe('the search page cache', () => {
  it('treats the same filters in another order, or care modes in another order, as the same search', () => {
    expect(pageCacheKey(search({ lat: '29.6', lng: '106.5', careMode: ['hourly', 'full_day'], affordable: 'true' }))).toBe(
      pageCacheKey(search({ affordable: 'true', careMode: ['full_day', 'hourly'], lng: '106.5', lat: '29.60' })),
    )
  })

  it('tells apart searches that differ in anything that decides the page', () => {
    const base = { lat: '29.6', lng: '106.5' }
    const keys = [
      search(base),
      search({ ...base, radiusKm: '3' }),
      search({ ...base, lat: '29.61' }),
      search({ ...base, sort: 'fee' }),
      search({ ...base, limit: '10' }),
      search({ ...base, cursor: 'abc' }),
      search({ ...base, q: '龙溪' }),
      search({ ...base, hasVacancy: 'false' }),
      search({ ...base, ageMonths: '12' }),
      search({ district: '渝北区' }),
    ].map(pageCacheKey)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('keeps at most its size, dropping the least recently used page', () => {
    const cache = new PageCache(2)
    const [a, b, c] = [search({ q: 'a' }), search({ q: 'b' }), search({ q: 'c' })]
    cache.set(a, page('a'))
    cache.set(b, page('b'))
    cache.get(a)
    cache.set(c, page('c'))
    expect(cache.size).toBe(2)
    expect(cache.get(a)?.nextCursor).toBe('a')
    expect(cache.get(b)).toBeUndefined()
  })

  it('freezes what it keeps, since every later reply shares it', () => {
    const cache = new PageCache(1)
    const kept = page()
    cache.set(search({}), kept)
    expect(Object.isFrozen(cache.get(search({})))).toBe(true)
    expect(Object.isFrozen(kept.summaries)).toBe(true)
    expect(Object.isFrozen(kept.distancesKm)).toBe(true)
    expect(Object.isFrozen(kept.factsJson)).toBe(true)
    expect(Object.isFrozen(kept.ids)).toBe(true)
  })

  it('keeps nothing when its size is 0', () => {
    const cache = new PageCache(0)
    cache.set(search({}), page())
    expect(cache.get(search({}))).toBeUndefined()
  })
})
