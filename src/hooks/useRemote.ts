import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../api/ApiError'

export type Remote<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T }

/** One request with loading / error / ready and a retry; `key` null waits. */
export function useRemote<T>(key: string | null, load: () => Promise<T>): [Remote<T>, () => void] {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' })
  const loadRef = useRef(load)
  loadRef.current = load
  const generation = useRef(0)

  const run = useCallback(() => {
    if (key === null) return
    const mine = ++generation.current
    setState({ status: 'loading' })
    loadRef.current().then(
      (value) => mine === generation.current && setState({ status: 'ready', value }),
      (failure) => mine === generation.current && setState({ status: 'error', message: errorMessage(failure) }),
    )
  }, [key])

  useEffect(run, [run])
  return [state, run]
}
