import { InstitutionSummary } from '@domain/institution'

/*
 * What GET /api/v1/institutions answers, before it is written. A card is an institution's
 * summary plus the two fields each answer sets for itself: distanceKm (from this search's
 * origin) and bookable (可预约, read at answer time and never cached with a page — issue 12).
 *
 * The search makes a HitPage: each card's summary — the index's shared, frozen one, or
 * one made from a SQL row — its distance, and the summary's facts JSON as the index keeps
 * it. The answer pairs that page with the 可预约 set read for it. No card object is made to
 * answer the route: its serializer (searchPageSerializer.ts) copies each summary's facts
 * and writes the card's two fields after them. Making a card per hit, marking it and reading
 * it back was a fifth of the uncached route's time at 100,000 institutions (issue 11's
 * profile). cardsOf makes the cards for callers that want the page as objects.
 */

/** One page of cards as objects, as the API's JSON reads. */
export interface SearchPage {
  items: InstitutionSummary[]
  nextCursor: string | null
}

/** One page as the search makes it (shared by every answer while its snapshot lives, when cached). */
export interface HitPage {
  /** Each card's summary, in page order. */
  readonly summaries: readonly InstitutionSummary[]
  /**
   * Each card's institution id (its summary's), from the index's id column: writing a page
   * (the 可预约 mark) then reads no summary object, each one a likely cache miss under load
   * (issue 11; docs/architecture.md, "Search route speed").
   */
  readonly ids: readonly string[]
  /** Each card's distance from the search's origin in km, rounded as shown; undefined without an origin. */
  readonly distancesKm: readonly number[] | undefined
  readonly nextCursor: string | null
  /** Each card's summaryFactsJson as the index keeps it; undefined for a page from SQL (its summaries' are written afresh). */
  readonly factsJson: readonly Buffer[] | undefined
}

/** A search's answer: its page and the 可预约 set read for this answer. */
export interface SearchAnswer {
  readonly page: HitPage
  readonly bookable: ReadonlySet<string>
}

/** The card fields each answer sets itself. */
export interface PerAnswerFields {
  distanceKm?: number
  bookable?: boolean
}

/** The summary with this answer's fields (the summary itself when there is nothing to add). Off the route's path: cardsOf. */
export function cardOf(summary: InstitutionSummary, fields: PerAnswerFields): InstitutionSummary {
  const distanceKm = fields.distanceKm ?? summary.distanceKm
  const bookable = fields.bookable ?? summary.bookable
  if (distanceKm === undefined && bookable === undefined) return summary
  return { ...summary, distanceKm, bookable }
}

/** The answer's cards as objects: each summary with its distance and 可预约. */
export function cardsOf({ page, bookable }: SearchAnswer): SearchPage {
  const items = page.summaries.map((summary, i) => cardOf(summary, { distanceKm: page.distancesKm?.[i], bookable: bookable.has(summary.id) }))
  return { items, nextCursor: page.nextCursor }
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
