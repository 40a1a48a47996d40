import { isAgeAccepted } from '@domain/age'
import { CareMode } from '@domain/careMode'
import { InstitutionSummary } from '@domain/institution'
import { hasVacancyFor } from '@domain/vacancies'
import { basisCareModes, InstitutionSearch, normaliseSearchText, ratingRank, relevantCareModes, SearchSort, sortFee } from '@domain/search'

/*
 * What a search means, written plainly: whether an institution matches every filter and
 * the order each sort gives. The SQL search (institutionSearchRepository.ts) and the
 * in-memory index (searchIndex/) answer with their own code; property tests hold both to
 * these functions (test/support/searchReference.ts).
 */

export interface SearchableInstitution extends Omit<InstitutionSummary, 'distanceKm'> {
  /** name, address and street with their pinyin and pinyin initials, normalised. */
  searchText: string
}

/**
 * Does this institution satisfy every filter of the search? Distance is given
 * separately because it depends on the search's origin.
 */
export function matchesSearch(inst: SearchableInstitution, search: InstitutionSearch, distance?: number): boolean {
  if (inst.filing.status !== 'filed') return false
  if (search.origin && search.radiusKm !== undefined && (distance === undefined || distance > search.radiusKm)) return false
  if (search.district && search.district !== inst.district && search.district !== inst.districtCode) return false
  const relevant = relevantCareModes(inst.careModes, search.careModes)
  if (search.careModes.length > 0 && relevant.length === 0) return false
  if (search.maxFee !== undefined && !basisCareModes(inst.careModes, search.careModes).some((m) => m.fee <= search.maxFee!)) return false
  if (search.affordable !== undefined && inst.affordable !== search.affordable) return false
  if (search.ageMonths !== undefined && !isAgeAccepted(inst.ageRange, search.ageMonths)) return false
  if (search.hasVacancy === true && !hasVacancyFor(inst.vacancies, inst.openPlaces ?? [], search)) return false
  if (search.bookable === true && inst.bookable !== true) return false
  if (search.hasVacancy === false && inst.vacancies > 0) return false
  if (search.kind && inst.kind !== search.kind) return false
  if (search.q && !inst.searchText.includes(normaliseSearchText(search.q))) return false
  return true
}

/** Ids in JavaScript's string order: every sort's tie-break, and the search index's id rank. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The order a sort means; ties always break on id so paging is stable. */
export function compareForSort(
  sort: SearchSort,
  chosen: readonly CareMode[],
): (a: InstitutionSummary, b: InstitutionSummary) => number {
  const byId = (a: InstitutionSummary, b: InstitutionSummary) => compareIds(a.id, b.id)
  switch (sort) {
    case 'distance':
      return (a, b) => (a.distanceKm ?? 0) - (b.distanceKm ?? 0) || byId(a, b)
    case 'fee':
      return (a, b) =>
        (sortFee(a.careModes, chosen) ?? Number.MAX_SAFE_INTEGER) - (sortFee(b.careModes, chosen) ?? Number.MAX_SAFE_INTEGER) ||
        byId(a, b)
    case 'rating':
      return (a, b) => ratingRank(b.rating) - ratingRank(a.rating) || byId(a, b)
  }
}

