import { useMemo } from 'react'
import { InstitutionSearch } from '@domain/search'
import { toInstitutionSearch } from '../store/searchFilters'
import { useFindState } from '../store/store'

/**
* The API search both tabs run. It never waits for the location attempt when it already
 * knows where to look (issue 11: the first cards as early as the app can show them): a
 * remembered district, which is also what index.html has already asked
 * (src/earlySearch.js), or a name, which looks everywhere; when a position arrives the
 * search becomes "near me". Without either it is null: while the first location attempt
 * is under way (so we do not fetch "everywhere" and then "near me" a second later), and,
 * with needsDistrict, once location is refused — a list of every district would put
 * places across the city beside each other as if near (issue 12), so the parent is asked
 * for the district first: one tap, remembered, and the map and 家长课堂 follow it.
 */
export function useFindSearch(): { search: Partial<InstitutionSearch> | null; located: boolean; needsDistrict: boolean } {
  const { filters, location } = useFindState()
  return useMemo(() => {
    const located = location.status === 'located'
    const knowsWhere = Boolean(filters.district) || Boolean(filters.q)
    return {
      search: located || knowsWhere ? toInstitutionSearch(filters, location.origin) : null,
      located,
      needsDistrict: location.status === 'refused' && !knowsWhere,
    }
  }, [filters, location])
}
