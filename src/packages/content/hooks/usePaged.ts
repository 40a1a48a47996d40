import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '@app/api/ApiError'

export interface Paged<T> {
  status: 'waiting' | 'loading' | 'ready' | 'error'
  items: T[]
  hasMore: boolean
  loadingMore: boolean
  error: string | null
  moreError: string | null
  loadMore: () => void
  retry: () => void
}

/**
 * Cursor paging over a `{items, nextCursor}` list (articles, lectures). `key` null
 * waits (still locating); a new key discards answers to the old one, so a slow first
 * page can never overwrite a newer search.
 */
export function usePaged<T>(key: string | null, loadPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): Paged<T> {
  const [status, setStatus] = useState<Paged<T>['status']>('waiting')
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage

  const loadFirst = useCallback(() => {
    if (key === null) return
    const mine = ++generation.current
    setStatus('loading')
    setError(null)
    setMoreError(null)
    setLoadingMore(false)
    loadRef.current(undefined).then(
      (page) => {
        if (mine !== generation.current) return
        setItems(page.items)
        setCursor(page.nextCursor)
        setStatus('ready')
      },
      (failure) => {
        if (mine !== generation.current) return
        setItems([])
        setCursor(null)
        setError(errorMessage(failure))
        setStatus('error')
      },
    )
  }, [key])

  useEffect(() => {
    if (key === null) {
      generation.current++
      setStatus('waiting')
      return
    }
    loadFirst()
  }, [key, loadFirst])

  const loadMore = useCallback(() => {
    if (cursor === null || loadingMore || status !== 'ready') return
    const mine = generation.current
    setLoadingMore(true)
    setMoreError(null)
    loadRef.current(cursor).then(
      (page) => {
        if (mine !== generation.current) return
        setItems((previous) => [...previous, ...page.items])
        setCursor(page.nextCursor)
        setLoadingMore(false)
      },
      (failure) => {
        if (mine !== generation.current) return
        setMoreError(errorMessage(failure))
        setLoadingMore(false)
      },
    )
  }, [cursor, loadingMore, status])

  return { status, items, hasMore: cursor !== null, loadingMore, error, moreError, loadMore, retry: loadFirst }
}
