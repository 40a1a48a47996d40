import { InstitutionSummary, InstitutionSummarySchema } from '@domain/institution'
import { cardsOf, frozenSummary, HitPage, SearchAnswer } from '@server/features/find/searchCards'
import { searchAnswerBytes, stringifyCard } from '@server/features/find/searchPageSerializer'
import { summaryFactsJson } from '@server/features/find/summaryFacts'
import fc from 'fast-check'
import { institutionSummary } from '@test/support/institutionSummary'
import { roundDistanceKm } from '@server/features/find/searchIndex/distance'

/** A card whose name needs JSON escaping, with open places and a rating, so every kind of field is written. */
function summary(overrides: Partial<InstitutionSummary> = {}): InstitutionSummary {
  return institutionSummary({
    name: '龙溪"阳光"托育园\n',
    openPlaces: [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 4 }],
    rating: { average: 4.5, count: 12 },
    ...overrides,
  })
}

/** A page as the search makes it, its ids its summaries' (as the index's id column holds them). */
type PageInput = Omit<HitPage, 'ids'>
const answer = (page: PageInput, bookable: string[] = []): SearchAnswer => ({ page: { ...page, ids: page.summaries.map((s) => s.id) }, bookable: new Set(bookable) })

/** The answer as JSON.stringify writes its cards: what the bytes must equal. */
const asJson = (a: SearchAnswer) => JSON.parse(JSON.stringify(cardsOf(a)))

describe('the search page serializer', () => {
  it('writes a card exactly as JSON of its schema fields, per-answer fields included', () => {
    const shared = frozenSummary(summary())
    const written = JSON.parse(stringifyCard(shared, { distanceKm: 1.25, bookable: true })) as Record<string, unknown>
    expect(written).toEqual(JSON.parse(JSON.stringify({ ...shared, distanceKm: 1.25, bookable: true })))
    expect(Object.keys(written).sort()).toEqual(Object.keys(InstitutionSummarySchema.shape).sort())
    expect(JSON.parse(stringifyCard(summary(), { distanceKm: 1.25, bookable: true }))).toEqual(written)
  })

  it("gives each answer its own distance and 可预约 while the summary's JSON is kept", () => {
    const shared = frozenSummary(summary())
    const near = JSON.parse(stringifyCard(shared, { distanceKm: 0.5, bookable: false }))
    const far = JSON.parse(stringifyCard(shared, { distanceKm: 7, bookable: true }))
    const plain = JSON.parse(stringifyCard(shared))
    expect([near.distanceKm, near.bookable]).toEqual([0.5, false])
    expect([far.distanceKm, far.bookable]).toEqual([7, true])
    expect(plain).not.toHaveProperty('distanceKm')
    expect(plain).not.toHaveProperty('bookable')
    expect(plain.name).toBe('龙溪"阳光"托育园\n')
  })

  it('writes a summary that is not frozen (the SQL search) afresh every time', () => {
    const fromSql = summary()
    expect(JSON.parse(stringifyCard(fromSql, { bookable: true })).vacancies).toBe(4)
    fromSql.vacancies = 3
    expect(JSON.parse(stringifyCard(fromSql, { bookable: true })).vacancies).toBe(3)
    const page: PageInput = { summaries: [fromSql], distancesKm: [1], nextCursor: null, factsJson: undefined }
    fromSql.vacancies = 2
    expect(JSON.parse(searchAnswerBytes(answer(page)).toString('utf8')).items[0].vacancies).toBe(2)
  })

  it('leaves out what the schema does not name, per-answer fields a summary happens to carry included', () => {
    const extra = { ...summary(), staffNote: '内部备注', distanceKm: 99, bookable: true } as InstitutionSummary
    const written = stringifyCard(extra)
    expect(written).not.toContain('staffNote')
    expect(JSON.parse(written)).not.toHaveProperty('distanceKm')
    expect(JSON.parse(written)).not.toHaveProperty('bookable')
  })

  it('writes the page envelope, with null or a cursor, each card marked 可预约 from the answer', () => {
    const page: PageInput = { summaries: [frozenSummary(summary()), summary({ id: 'inst-002' })], distancesKm: [2, 3], nextCursor: 'abc"def', factsJson: undefined }
    const bytes = searchAnswerBytes(answer(page, ['inst-002']))
    expect(JSON.parse(bytes.toString('utf8'))).toEqual(asJson(answer(page, ['inst-002'])))
    expect(JSON.parse(bytes.toString('utf8')).items.map((card: InstitutionSummary) => card.bookable)).toEqual([false, true])
    const withoutOrigin: PageInput = { ...page, distancesKm: undefined, nextCursor: null, factsJson: undefined }
    expect(JSON.parse(searchAnswerBytes(answer(withoutOrigin)).toString('utf8'))).toEqual(asJson(answer(withoutOrigin)))
    expect(JSON.parse(searchAnswerBytes(answer({ summaries: [], distancesKm: [], nextCursor: null, factsJson: undefined })).toString('utf8'))).toEqual({ items: [], nextCursor: null })
  })

  it("copies the facts the index kept for a page's cards, as they were written", () => {
    const [first, second] = [summary(), summary({ id: 'inst-002', name: '第二家' })]
    const page: PageInput = { summaries: [first, second], distancesKm: [1, 2], nextCursor: null, factsJson: [summaryFactsJson(first), summaryFactsJson(second)] }
    const written = JSON.parse(searchAnswerBytes(answer(page, ['inst-002'])).toString('utf8'))
    expect(written).toEqual(asJson(answer(page, ['inst-002'])))
    // Kept means kept: a change to the object after its facts were written is not in the answer (the index's summaries are frozen).
    first.vacancies = 99
    expect(JSON.parse(searchAnswerBytes(answer(page)).toString('utf8')).items[0].vacancies).toBe(written.items[0].vacancies)
  })

  it('gives every page bytes of its own: a page already written is never overwritten by the next ones (they share a slab)', () => {
    const shared = frozenSummary(summary())
    const pageAt = (km: number) => answer({ summaries: [shared], distancesKm: [km], nextCursor: `c${km}`, factsJson: undefined }, km % 2 === 0 ? [shared.id] : [])
    const first = searchAnswerBytes(pageAt(1))
    const copy = Buffer.from(first)
    // Enough pages to fill several slabs and start new ones.
    const later = Array.from({ length: 2000 }, (_, i) => searchAnswerBytes(pageAt(i + 2)))
    expect(first.equals(copy)).toBe(true)
    expect(JSON.parse(later[1999].toString('utf8')).nextCursor).toBe('c2001')
    expect(JSON.parse(later[0].toString('utf8')).items[0]).toMatchObject({ distanceKm: 2, bookable: true })
    // A page larger than a quarter slab gets a buffer of its own.
    const many = Array.from({ length: 200 }, (_, i) => frozenSummary(summary({ id: `inst-${i}` })))
    const big = searchAnswerBytes(answer({ summaries: many, distancesKm: many.map((_, i) => i), nextCursor: null, factsJson: undefined }))
    expect(big.length).toBeGreaterThan(64 * 1024)
    expect(JSON.parse(big.toString('utf8')).items).toHaveLength(200)
  })

  it('writes every distance as JSON.stringify does, the longest numbers included, within the room it takes for a page', () => {
    const cards = [0, 0.1 + 0.2, 5e-324, 1.7976931348623157e308, 123456.789, 1e21, 2.5].map((km, i) => ({ km, card: frozenSummary(summary({ id: `inst-${i}` })) }))
    const page: PageInput = { summaries: cards.map((c) => c.card), distancesKm: cards.map((c) => c.km), nextCursor: '下一页"', factsJson: undefined }
    // Many times, so some pages start near a slab's end.
    for (let i = 0; i < 300; i++) expect(JSON.parse(searchAnswerBytes(answer(page, ['inst-1'])).toString('utf8'))).toEqual(asJson(answer(page, ['inst-1'])))
  })

  it('writes each distance with the very characters JSON.stringify writes (rounded ones digit by digit, others as strings)', () => {
    const card = frozenSummary(summary())
    const distanceText = (km: number) => /"distanceKm":([^,}]*)/.exec(searchAnswerBytes(answer({ summaries: [card], distancesKm: [km], nextCursor: null, factsJson: undefined })).toString('utf8'))![1]
    const rounded = fc.double({ min: 0, max: 25_000, noNaN: true }).map(roundDistanceKm)
    const hundredths = fc.integer({ min: 0, max: 2_000_000 }).map((h) => h / 100)
    fc.assert(fc.property(fc.oneof(rounded, hundredths, fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })), (km) => distanceText(km) === JSON.stringify(km)), { numRuns: 2000 })
    for (const km of [0, -0, 0.01, 0.1, 0.29, 1, 10, 10.5, 99.99, 100, 1e7, 10737418.23, 10737418.24, 2e10]) expect(distanceText(km)).toBe(JSON.stringify(km))
  })

  it('refuses to write a distance that is not one (a bug, not an answer)', () => {
    expect(() => stringifyCard(summary(), { distanceKm: Number.NaN })).toThrow(/not a distance/)
    expect(() => searchAnswerBytes(answer({ summaries: [summary()], distancesKm: [-1], nextCursor: null, factsJson: undefined }))).toThrow(/not a distance/)
  })

  it('freezes shared summaries all the way down', () => {
    const shared = frozenSummary(summary())
    expect(Object.isFrozen(shared.careModes[0])).toBe(true)
    expect(Object.isFrozen(shared.location)).toBe(true)
  })
})
