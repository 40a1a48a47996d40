import { useMemo } from 'react'
import { InstitutionSearch } from '@domain/search'
import { toInstitutionSearch } from '../store/searchFilters'
import { useFindState } from '../store/store'

/**
 * The API search both tabs run. It never waits for the location attempt (issue 11: the
 * first cards as early as the app can show them): until a position arrives it searches
 * the remembered district, or everywhere, which is also what index.html has already
 * asked (src/earlySearch.js); when the position arrives the search becomes "near me".
 */
export function useFindSearch(): { search: Partial<InstitutionSearch>; located: boolean } {
  const { filters, location } = useFindState()
  return useMemo(
    () => ({
      search: toInstitutionSearch(filters, location.origin),
      located: location.status === 'located',
    }),
    [filters, location],
  )
}
