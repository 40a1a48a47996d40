import { useDidShow } from '@tarojs/taro'
import { useState } from 'react'

/** Counts how often the page was shown, so data keyed on it reloads when the parent comes back to the page. */
export function useShownCount(): number {
  const [count, setCount] = useState(0)
  useDidShow(() => setCount((c) => c + 1))
  return count
}
