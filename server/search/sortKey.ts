import { CareMode } from '../../src/domain/careMode'
import { InstitutionSummary } from '../../src/domain/institution'
import { SearchSort, sortFee } from '../../src/domain/search'

/** The fee sort's key when no relevant fee exists, as in compareForSort. */
const NO_FEE = Number.MAX_SAFE_INTEGER

/**
 * compareForSort's primary key as one ascending number, the `k` of a page cursor
 * (server/services/searchCursor.ts). The SQL search computes the same numbers
 * (institutionSearchRepository.ts), so a cursor from either path pages the other:
 *   distance — the distance shown (summary.distanceKm, already rounded)
 *   fee      — sortFee over the chosen care modes
 *   rating   — minus the rating shown (no rating counts as 0)
 */
export function sortKeyOf(sort: SearchSort, summary: InstitutionSummary, chosen: readonly CareMode[]): number {
  switch (sort) {
    case 'distance':
      return summary.distanceKm ?? 0
    case 'fee':
      return sortFee(summary.careModes, chosen) ?? NO_FEE
    case 'rating':
      return -(summary.rating.average ?? 0)
  }
}
