import { useCallback, useEffect, useRef, useState } from 'react'
import { searchInstitutions } from '../api/institutions'
import { errorMessage } from '../api/ApiError'
import { InstitutionSummary } from '@domain/institution'
import { InstitutionSearch } from '@domain/search'

export type PagedStatus = 'waiting' | 'loading' | 'ready' | 'error'

export interface PagedSearch {
  status: PagedStatus
  items: InstitutionSummary[]
  hasMore: boolean
  loadingMore: boolean
  /** The message of the first page's failure (status 'error'). */
  error: string | null
  /** A failed "load more"; the items already shown stay. */
  moreError: string | null
  loadMore: () => void
  /** Fetches the first page again; resolves when it has arrived (for pull-to-refresh). */
  refresh: () => Promise<void>
}

/**
 * Cursor paging over GET /institutions. `search` null means "not ready yet" (still
 * locating). A new search discards answers to older ones, so a slow first request can
 * never overwrite a newer result.
 */
export function usePagedSearch(search: Partial<InstitutionSearch> | null, limit = 20): PagedSearch {
  const key = search === null ? null : JSON.stringify(search)
  const [status, setStatus] = useState<PagedStatus>('waiting')
  const [items, setItems] = useState<InstitutionSummary[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)

  const loadFirst = useCallback(async () => {
    if (key === null) return
    const mine = ++generation.current
    setStatus('loading')
    setError(null)
    setMoreError(null)
    setLoadingMore(false)
    try {
      const page = await searchInstitutions({ ...(JSON.parse(key) as Partial<InstitutionSearch>), limit })
      if (mine !== generation.current) return
      setItems(page.items)
      setCursor(page.nextCursor)
      setStatus('ready')
    } catch (failure) {
      if (mine !== generation.current) return
      setItems([])
      setCursor(null)
      setError(errorMessage(failure))
      setStatus('error')
    }
  }, [key, limit])

  useEffect(() => {
    if (key === null) {
      generation.current++
      setStatus('waiting')
      return
    }
    void loadFirst()
  }, [key, loadFirst])

  const loadMore = useCallback(async () => {
    if (key === null || cursor === null || loadingMore || status !== 'ready') return
    const mine = generation.current
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await searchInstitutions({ ...(JSON.parse(key) as Partial<InstitutionSearch>), limit, cursor })
      if (mine !== generation.current) return
      setItems((previous) => [...previous, ...page.items])
      setCursor(page.nextCursor)
    } catch (failure) {
      if (mine === generation.current) setMoreError(errorMessage(failure))
    } finally {
      if (mine === generation.current) setLoadingMore(false)
    }
  }, [key, cursor, loadingMore, status, limit])

  return {
    status,
    items,
    hasMore: cursor !== null,
    loadingMore,
    error,
    moreError,
    loadMore: () => void loadMore(),
    refresh: loadFirst,
  }
}
