import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'
import { z } from 'zod'

/*
 * The one way a value is kept on the phone (Taro storage; docs/architecture.md): the
 * session, large-text mode, the family's date, saved articles, the complaint draft,
 * search filters. Pages read it and re-render on change. What storage holds is checked
 * with a schema on the first read, so an old or damaged entry falls back instead of
 * breaking a page.
 */

export interface StoredValue<T> {
  get(): T
  set(next: T): void
  /** Forgets the stored value: the fallback from now on. */
  clear(): void
  subscribe(listener: () => void): () => void
  /** The current value in a component, re-rendering when it changes. */
  use(): T
}

export function storedValue<T>(key: string, schema: z.ZodType<T>, fallback: T): StoredValue<T> {
  let value: T | undefined
  const listeners = new Set<() => void>()

  const get = (): T => {
    if (value === undefined) {
      try {
        const parsed = schema.safeParse(Taro.getStorageSync(key))
        value = parsed.success ? parsed.data : fallback
      } catch {
        value = fallback
      }
    }
    return value
  }

  const set = (next: T): void => {
    value = next
    try {
      Taro.setStorageSync(key, next)
    } catch {
      // Storage full or unavailable: the value still holds until the app closes.
    }
    listeners.forEach((listener) => listener())
  }

  const clear = (): void => {
    value = fallback
    try {
      Taro.removeStorageSync(key)
    } catch {
      // nothing stored
    }
    listeners.forEach((listener) => listener())
  }

  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  return { get, set, clear, subscribe, use: () => useSyncExternalStore(subscribe, get, get) }
}
