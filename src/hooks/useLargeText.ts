import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

/*
 * Large-text mode for grandparents: one switch on 我的, remembered on the phone, read by
 * every page's root (PageRoot adds the "large-text" class that scales fonts ~1.25×).
 */

const STORAGE_KEY = 'anxin.largeText'
const listeners = new Set<() => void>()
let largeText: boolean | null = null

function read(): boolean {
  if (largeText === null) {
    try {
      largeText = Taro.getStorageSync(STORAGE_KEY) === true
    } catch {
      largeText = false
    }
  }
  return largeText
}

export function setLargeText(on: boolean): void {
  largeText = on
  try {
    Taro.setStorageSync(STORAGE_KEY, on)
  } catch {
    // Storage full or unavailable: the switch still works until the app closes.
  }
  listeners.forEach((listener) => listener())
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useLargeText(): [boolean, (on: boolean) => void] {
  const value = useSyncExternalStore(subscribe, read, read)
  return [value, setLargeText]
}
