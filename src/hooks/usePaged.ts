import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '@app/api/ApiError'
import { Page } from '@domain/page'

export interface Paged<T, P extends Page<T> = Page<T>> {
  status: 'waiting' | 'loading' | 'ready' | 'error'
  items: T[]
  /** The first page's whole answer, for what a list carries beside its items (e.g. a review summary). */
  first: P | null
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
 * The one way the app pages a `{items, nextCursor}` list (docs/architecture.md, "Paging").
 * `key` null waits (e.g. still locating); a new key discards answers to the old one, so
 * a slow first page can never overwrite a newer list.
 */
export function usePaged<T, P extends Page<T> = Page<T>>(key: string | null, loadPage: (cursor: string | undefined) => Promise<P>): Paged<T, P> {
  const [status, setStatus] = useState<Paged<T, P>['status']>('waiting')
  const [items, setItems] = useState<T[]>([])
  const [first, setFirst] = useState<P | null>(null)
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage

  const loadFirst = useCallback(async () => {
    if (key === null) return
    const mine = ++generation.current
    setStatus('loading')
    setError(null)
    setMoreError(null)
    setLoadingMore(false)
    try {
      const page = await loadRef.current(undefined)
      if (mine !== generation.current) return
      setItems(page.items)
      setFirst(page)
      setCursor(page.nextCursor)
      setStatus('ready')
    } catch (failure) {
      if (mine !== generation.current) return
      setItems([])
      setFirst(null)
      setCursor(null)
      setError(errorMessage(failure))
      setStatus('error')
    }
  }, [key])

  useEffect(() => {
    if (key === null) {
      generation.current++
      setStatus('waiting')
      return
    }
    void loadFirst()
  }, [key, loadFirst])

  const loadMore = useCallback(async () => {
    if (cursor === null || loadingMore || status !== 'ready') return
    const mine = generation.current
    setLoadingMore(true)
    setMoreError(null)
    try {
      const page = await loadRef.current(cursor)
      if (mine !== generation.current) return
      setItems((previous) => [...previous, ...page.items])
      setCursor(page.nextCursor)
    } catch (failure) {
      if (mine === generation.current) setMoreError(errorMessage(failure))
    } finally {
      if (mine === generation.current) setLoadingMore(false)
    }
  }, [cursor, loadingMore, status])

  return {
    status,
    items,
    first,
    hasMore: cursor !== null,
    loadingMore,
    error,
    moreError,
    loadMore: () => void loadMore(),
    refresh: loadFirst,
  }
}
