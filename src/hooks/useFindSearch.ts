import { useMemo } from 'react'
import { InstitutionSearch } from '@domain/search'
import { toInstitutionSearch } from '../store/searchFilters'
import { useFindState } from '../store/store'

/**
 * The API search both tabs run: null while the first location attempt is under way,
 * so we do not fetch "everywhere" and then "near me" a second later. Null too, with
 * needsDistrict, when there is no position and no district: a list of every district
 * would put places across the city beside each other as if near (issue 12), so the
 * parent is asked for the district first — one tap, remembered, and the map and
 * 家长课堂 follow it. A search by name still looks everywhere.
 */
export function useFindSearch(): { search: Partial<InstitutionSearch> | null; located: boolean; needsDistrict: boolean } {
  const { filters, location } = useFindState()
  return useMemo(() => {
    const waiting = location.status === 'idle' || location.status === 'locating'
    const needsDistrict = location.status === 'refused' && !filters.district && !filters.q
    return {
      search: waiting || needsDistrict ? null : toInstitutionSearch(filters, location.origin),
      located: location.status === 'located',
      needsDistrict,
    }
  }, [filters, location])
}
