import { InstitutionSummary } from '@domain/institution'
import { SearchPage } from './searchIndex/pageCache'

/*
 * A search answer's card: an institution's summary plus the two fields each answer sets
 * for itself — distanceKm (from this search's origin) and bookable (可预约, read at
 * answer time). The summary part is the same in every answer made from one search-index
 * snapshot, so a page answered from the index names, once per page, the shared frozen
 * summary each of its cards was made from (linkSharedSummaries): the search route's
 * serializer (searchPageSerializer.ts) then writes that part's JSON once per snapshot
 * instead of once per answer. The link is no field of the page (not enumerable): equality,
 * spreads and logs do not see it.
 */

/** The card's own fields; everything else comes from its summary. */
export interface PerAnswerFields {
  distanceKm?: number
  bookable?: boolean
}

/** Every field of a card, the optional ones too: a field added to the summary schema must be copied below. */
type EveryField = { [K in keyof Required<InstitutionSummary>]: InstitutionSummary[K] | undefined }

/**
 * The summary with this answer's fields, as one new object (the summary itself when
 * there is nothing to add). Written field by field rather than spread: copying a frozen
 * object by spread cost several times as much (issue 11's profile).
 */
export function cardOf(summary: InstitutionSummary, fields: PerAnswerFields): InstitutionSummary {
  const s = summary
  const distanceKm = fields.distanceKm ?? s.distanceKm
  const bookable = fields.bookable ?? s.bookable
  if (distanceKm === undefined && bookable === undefined) return s
  const card: EveryField = {
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
  return card as InstitutionSummary
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

/** For each card of a page, the frozen summary it was made from (undefined: none, e.g. from SQL). */
export type SharedSummaries = ReadonlyArray<InstitutionSummary | undefined>

const SHARED_SUMMARIES = Symbol('shared summaries')

/**
 * Names the shared summary of each of the page's cards, in the same order. Only a frozen
 * summary is named: its JSON can be kept because it cannot change.
 */
export function linkSharedSummaries<P extends SearchPage>(page: P, shared: SharedSummaries | undefined): P {
  if (shared === undefined) return page
  const frozen = shared.map((summary) => (summary !== undefined && Object.isFrozen(summary) ? summary : undefined))
  Object.defineProperty(page, SHARED_SUMMARIES, { value: frozen })
  return page
}

/** The shared summaries linkSharedSummaries named for this page, if any. */
export function sharedSummariesOf(page: SearchPage): SharedSummaries | undefined {
  return (page as SearchPage & { [SHARED_SUMMARIES]?: SharedSummaries })[SHARED_SUMMARIES]
}
