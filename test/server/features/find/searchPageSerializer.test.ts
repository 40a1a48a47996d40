import { InstitutionSummary, InstitutionSummarySchema } from '@domain/institution'
import { cardOf, frozenSummary, linkSharedSummaries } from '@server/features/find/searchCards'
import { searchPageBytes, stringifyCard } from '@server/features/find/searchPageSerializer'
import { institutionSummary } from '@test/support/institutionSummary'

/** A card whose name needs JSON escaping, with open places and a rating, so every kind of field is written. */
function summary(overrides: Partial<InstitutionSummary> = {}): InstitutionSummary {
  return institutionSummary({
    name: '龙溪"阳光"托育园\n',
    openPlaces: [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 4 }],
    rating: { average: 4.5, count: 12 },
    ...overrides,
  })
}

describe('the search page serializer', () => {
  it('writes a card exactly as JSON of its schema fields, per-answer fields included', () => {
    const shared = frozenSummary(summary())
    const card = cardOf(cardOf(shared, { distanceKm: 1.25 }), { bookable: true })
    const written = JSON.parse(stringifyCard(card, shared)) as Record<string, unknown>
    expect(written).toEqual(JSON.parse(JSON.stringify(card)))
    expect(Object.keys(written).sort()).toEqual(Object.keys(InstitutionSummarySchema.shape).sort())
    expect(JSON.parse(stringifyCard(card))).toEqual(written)
  })

  it("gives each answer its own distance and 可预约 while the summary's JSON is kept", () => {
    const shared = frozenSummary(summary())
    const near = JSON.parse(stringifyCard(cardOf(shared, { distanceKm: 0.5, bookable: false }), shared))
    const far = JSON.parse(stringifyCard(cardOf(shared, { distanceKm: 7, bookable: true }), shared))
    const plain = JSON.parse(stringifyCard(shared, shared))
    expect([near.distanceKm, near.bookable]).toEqual([0.5, false])
    expect([far.distanceKm, far.bookable]).toEqual([7, true])
    expect(plain).not.toHaveProperty('distanceKm')
    expect(plain).not.toHaveProperty('bookable')
    expect(plain.name).toBe('龙溪"阳光"托育园\n')
  })

  it('writes a summary that is not frozen (the SQL search) afresh every time', () => {
    const fromSql = summary()
    expect(JSON.parse(stringifyCard(cardOf(fromSql, { bookable: true }))).vacancies).toBe(4)
    fromSql.vacancies = 3
    expect(JSON.parse(stringifyCard(cardOf(fromSql, { bookable: true }))).vacancies).toBe(3)
  })

  it("never writes another institution's facts for a card", () => {
    const other = frozenSummary(summary({ id: 'inst-009', name: '别的托育园' }))
    expect(JSON.parse(stringifyCard(cardOf(frozenSummary(summary()), { bookable: true }), other)).name).toBe('龙溪"阳光"托育园\n')
  })

  it('leaves out what the schema does not name', () => {
    const extra = { ...summary(), staffNote: '内部备注' } as InstitutionSummary
    expect(stringifyCard(extra)).not.toContain('staffNote')
  })

  it('writes the page envelope, with null or a cursor', () => {
    const shared = frozenSummary(summary())
    const items = [cardOf(shared, { distanceKm: 2, bookable: true }), cardOf(frozenSummary(summary({ id: 'inst-002' })), { distanceKm: 3, bookable: false })]
    const page = linkSharedSummaries({ items, nextCursor: 'abc"def' }, [shared, undefined])
    expect(JSON.parse(searchPageBytes(page).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(page)))
    expect(JSON.parse(searchPageBytes({ ...page }).toString('utf8'))).toEqual(JSON.parse(JSON.stringify(page)))
    expect(JSON.parse(searchPageBytes({ items: [], nextCursor: null }).toString('utf8'))).toEqual({ items: [], nextCursor: null })
  })

  it('gives every page bytes of its own: a page already written is never overwritten by the next ones (they share a slab)', () => {
    const shared = frozenSummary(summary())
    const pageAt = (km: number) => linkSharedSummaries({ items: [cardOf(shared, { distanceKm: km, bookable: km % 2 === 0 })], nextCursor: `c${km}` }, [shared])
    const first = searchPageBytes(pageAt(1))
    const copy = Buffer.from(first)
    // Enough pages to fill several slabs and start new ones.
    const later = Array.from({ length: 2000 }, (_, i) => searchPageBytes(pageAt(i + 2)))
    expect(first.equals(copy)).toBe(true)
    expect(JSON.parse(later[1999].toString('utf8')).nextCursor).toBe('c2001')
    expect(JSON.parse(later[0].toString('utf8')).items[0].distanceKm).toBe(2)
    // A page larger than a quarter slab gets a buffer of its own.
    const many = Array.from({ length: 200 }, (_, i) => cardOf(frozenSummary(summary({ id: `inst-${i}` })), { distanceKm: i }))
    const big = searchPageBytes({ items: many, nextCursor: null })
    expect(big.length).toBeGreaterThan(64 * 1024)
    expect(JSON.parse(big.toString('utf8')).items).toHaveLength(200)
  })

  it('refuses to write a distance that is not one (a bug, not an answer)', () => {
    expect(() => stringifyCard(cardOf(summary(), { distanceKm: Number.NaN }))).toThrow(/not a distance/)
  })

  it('freezes shared summaries all the way down', () => {
    const shared = frozenSummary(summary())
    expect(Object.isFrozen(shared.careModes[0])).toBe(true)
    expect(Object.isFrozen(shared.location)).toBe(true)
  })
})
