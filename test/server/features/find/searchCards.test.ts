import { InstitutionSearchQuerySchema } from '@domain/search'
import { cardOf, frozenSummary, linkSharedSummaries, sharedSummariesOf, withBookable } from '@server/features/find/searchCards'
import { PageCache } from '@server/features/find/searchIndex/pageCache'
import { institutionSummary } from '@test/support/institutionSummary'

const summary = () => institutionSummary()

describe('search cards', () => {
  it('copy a shared summary with this answer’s fields and never change it', () => {
    const shared = frozenSummary(summary())
    const card = cardOf(shared, { distanceKm: 1.5 })
    expect(card).not.toBe(shared)
    expect(card).toEqual({ ...shared, distanceKm: 1.5 })
    expect(shared).not.toHaveProperty('distanceKm')
    const marked = withBookable(shared, true)
    expect(marked.bookable).toBe(true)
    expect(shared).not.toHaveProperty('bookable')
  })

  it("never mark a cached page's cards: each answer gets its own copy", () => {
    const pages = new PageCache(10)
    const search = InstitutionSearchQuerySchema.parse({ lat: '29.6', lng: '106.5' })
    const card = cardOf(frozenSummary(summary()), { distanceKm: 2 })
    pages.set(search, { items: [card], nextCursor: null })
    const yes = withBookable(pages.get(search)!.items[0], true)
    const no = withBookable(pages.get(search)!.items[0], false)
    expect([yes.bookable, no.bookable]).toEqual([true, false])
    expect(pages.get(search)!.items[0]).toBe(card)
    expect(card.bookable).toBeUndefined()
    expect(yes.distanceKm).toBe(2)
  })

  it('mark a card made for this answer alone in place (no second copy)', () => {
    const card = cardOf(frozenSummary(summary()), { distanceKm: 3 })
    expect(withBookable(card, true)).toBe(card)
    expect(card.bookable).toBe(true)
  })

  it('link a page to the shared summaries of its cards without adding a field', () => {
    const shared = frozenSummary(summary())
    const page = linkSharedSummaries({ items: [cardOf(shared, { distanceKm: 1 })], nextCursor: null }, [shared])
    expect(sharedSummariesOf(page)).toEqual([shared])
    expect(Object.keys(page)).toEqual(['items', 'nextCursor'])
    expect(page).toEqual({ items: [{ ...shared, distanceKm: 1 }], nextCursor: null })
    // Only frozen summaries are named: one that can change cannot stand for a card's facts.
    expect(sharedSummariesOf(linkSharedSummaries({ items: [summary()], nextCursor: null }, [summary()]))).toEqual([undefined])
  })
})
