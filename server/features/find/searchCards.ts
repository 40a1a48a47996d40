import { InstitutionSummary } from '@domain/institution'

/*
 * A search answer's card: an institution's summary plus the two fields each answer sets
 * for itself — distanceKm (from this search's origin) and bookable (可预约, read at
 * answer time). The summary part is the same in every answer made from one search-index
 * snapshot, so a card made from one of the index's shared, frozen summaries names it
 * (SHARED_SUMMARY): the search route's serializer (searchPageSerializer.ts) then writes
 * that part's JSON once per snapshot instead of once per answer.
 */

/** The card's own fields; everything else comes from its summary. */
export interface PerAnswerFields {
  distanceKm?: number
  bookable?: boolean
}

/** The shared summary each card was made from (a WeakMap: the link is no field of the card). */
const sharedSummaries = new WeakMap<InstitutionSummary, InstitutionSummary>()

/** The summary the card's facts come from: its shared summary, or the card itself. */
export function summaryOf(card: InstitutionSummary): InstitutionSummary {
  return sharedSummaries.get(card) ?? card
}

/** Every field of a card, the optional ones too: a field added to the summary schema must be copied below. */
type EveryField = { [K in keyof Required<InstitutionSummary>]: InstitutionSummary[K] | undefined }

/**
 * The summary with this answer's fields, as one new object (the summary itself when
 * there is nothing to add). Only a frozen summary is linked as shared: its JSON can be
 * kept because it cannot change. Written field by field rather than spread: copying a
 * frozen object by spread cost several times as much (issue 11's profile).
 */
export function cardOf(card: InstitutionSummary, fields: PerAnswerFields): InstitutionSummary {
  const s = summaryOf(card)
  const distanceKm = fields.distanceKm ?? card.distanceKm
  const bookable = fields.bookable ?? card.bookable
  if (distanceKm === undefined && bookable === undefined) return s
  const made: EveryField = {
    id: s.id,
    name: s.name,
    kind: s.kind,
    district: s.district,
    districtCode: s.districtCode,
    street: s.street,
    address: s.address,
    location: s.location,
    distanceKm,
    affordable: s.affordable,
    filing: s.filing,
    ageRange: s.ageRange,
    careModes: s.careModes,
    capacity: s.capacity,
    vacancies: s.vacancies,
    openPlaces: s.openPlaces,
    rating: s.rating,
    demonstrationLevel: s.demonstrationLevel,
    isDemo: s.isDemo,
    bookable,
  }
  const result = made as InstitutionSummary
  if (Object.isFrozen(s)) sharedSummaries.set(result, s)
  return result
}

/**
 * The card marked 可预约 or not. A frozen card is shared — one of the index's summaries,
 * or a card of a cached page (pageCache.ts freezes them) — and is copied; any other card
 * was made for this answer alone (by this search, from the index or from SQL) and takes
 * the field itself, which spares a second copy of every card of an uncached page.
 */
export function withBookable(card: InstitutionSummary, bookable: boolean): InstitutionSummary {
  if (Object.isFrozen(card)) return cardOf(card, { bookable })
  card.bookable = bookable
  return card
}

/** Freezes a summary and everything in it, so it can be shared by every answer and its JSON kept. */
export function frozenSummary(summary: InstitutionSummary): InstitutionSummary {
  return deepFreeze(summary)
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner)
    Object.freeze(value)
  }
  return value
}
