import { searchInstitutions } from '@app/api/institutions'
import { InstitutionSummary } from '@domain/institution'
import { InstitutionSearch } from '@domain/search'
import { Paged, usePaged } from './usePaged'

export type PagedSearch = Paged<InstitutionSummary>

/** GET /institutions through the one paging hook; `search` null means "not ready yet" (still locating). */
export function usePagedSearch(search: Partial<InstitutionSearch> | null, limit = 20): PagedSearch {
  const key = search === null ? null : JSON.stringify({ search, limit })
  return usePaged<InstitutionSummary>(key, (cursor) => searchInstitutions({ ...search, limit, ...(cursor ? { cursor } : {}) }))
}
