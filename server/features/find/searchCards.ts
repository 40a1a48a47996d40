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

/** Names the shared summary a card was copied from (symbol keys are not JSON and not schema fields). */
export const SHARED_SUMMARY = Symbol('shared summary')

type Card = InstitutionSummary & { [SHARED_SUMMARY]?: InstitutionSummary }

/** The summary the card's facts come from: its shared summary, or the card itself. */
export function summaryOf(card: InstitutionSummary): InstitutionSummary {
  return (card as Card)[SHARED_SUMMARY] ?? card
}

/**
 * The summary with this answer's fields, as one new object (the summary itself when
 * there is nothing to add). Only a frozen summary is named as shared: its JSON can be
 * kept because it cannot change.
 */
export function cardOf(card: InstitutionSummary, fields: PerAnswerFields): InstitutionSummary {
  const summary = summaryOf(card)
  const distanceKm = fields.distanceKm ?? card.distanceKm
  const bookable = fields.bookable ?? card.bookable
  if (distanceKm === undefined && bookable === undefined) return summary
  const made: Card = { ...summary }
  if (distanceKm !== undefined) made.distanceKm = distanceKm
  if (bookable !== undefined) made.bookable = bookable
  // Not enumerable: the link is no field of the card (equality, spreads and logs ignore it).
  if (Object.isFrozen(summary)) Object.defineProperty(made, SHARED_SUMMARY, { value: summary })
  return made
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
