import { useMemo } from 'react'
import { InstitutionSearch } from '@domain/search'
import { toInstitutionSearch } from '../store/searchFilters'
import { useFindState } from '../store/store'

/**
 * The API search both tabs run: null while the first location attempt is under way,
 * so we do not fetch "everywhere" and then "near me" a second later.
 */
export function useFindSearch(): { search: Partial<InstitutionSearch> | null; located: boolean } {
  const { filters, location } = useFindState()
  return useMemo(() => {
    const waiting = location.status === 'idle' || location.status === 'locating'
    return {
      search: waiting ? null : toInstitutionSearch(filters, location.origin),
      located: location.status === 'located',
    }
  }, [filters, location])
}
