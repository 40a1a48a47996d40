import { cardOf, cardsOf, frozenSummary, HitPage } from '@server/features/find/searchCards'
import { institutionSummary } from '@test/support/institutionSummary'

const summary = (id = 'inst-001') => institutionSummary({ id })

describe('search cards', () => {
  it('copy a shared summary with this answer’s fields and never change it', () => {
    const shared = frozenSummary(summary())
    const card = cardOf(shared, { distanceKm: 1.5, bookable: true })
    expect(card).not.toBe(shared)
    expect(card).toEqual({ ...shared, distanceKm: 1.5, bookable: true })
    expect(shared).not.toHaveProperty('distanceKm')
    expect(shared).not.toHaveProperty('bookable')
    expect(cardOf(shared, {})).toBe(shared)
  })

  it("make an answer's cards: each summary with its distance and 可预约, the page itself untouched", () => {
    const page: HitPage = Object.freeze({ summaries: Object.freeze([frozenSummary(summary('a')), frozenSummary(summary('b'))]), ids: ['a', 'b'], distancesKm: Object.freeze([0.5, 2]), nextCursor: 'next', factsJson: undefined })
    const yes = cardsOf({ page, bookable: new Set(['b']) })
    const no = cardsOf({ page, bookable: new Set() })
    expect(yes).toEqual({ items: [{ ...page.summaries[0], distanceKm: 0.5, bookable: false }, { ...page.summaries[1], distanceKm: 2, bookable: true }], nextCursor: 'next', factsJson: undefined })
    expect(no.items.map((card) => card.bookable)).toEqual([false, false])
    expect(page.summaries[1]).not.toHaveProperty('bookable')
  })

  it('leave distanceKm out without an origin', () => {
    const page: HitPage = { summaries: [summary()], ids: ['inst-001'], distancesKm: undefined, nextCursor: null, factsJson: undefined }
    const [card] = cardsOf({ page, bookable: new Set(['inst-001']) }).items
    expect(card.distanceKm).toBeUndefined()
    expect(JSON.parse(JSON.stringify(card))).not.toHaveProperty('distanceKm')
    expect(card.bookable).toBe(true)
  })
})
