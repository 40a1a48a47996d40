import { useEffect, useState } from 'react'

/** Cards a phone screen holds before the parent scrolls; the rest come a frame later. */
export const FIRST_SCREEN_ITEMS = 4

/** After the browser has painted (H5), or on the next turn (WeChat, which paints in its own thread). */
function afterPaint(run: () => void): () => void {
  if (typeof requestAnimationFrame === 'function' && typeof cancelAnimationFrame === 'function') {
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)))
    return () => {
      cancelAnimationFrame(frame)
      if (timer !== undefined) clearTimeout(timer)
    }
  }
  const timer = setTimeout(run, 0)
  return () => clearTimeout(timer)
}

/**
 * The items of a list the first screen shows, then all of them: a result list renders
 * the cards a phone screen holds, lets the browser paint them, and renders the rest
 * in the next task, so on a slow phone the first card does not wait for the twentieth
 * (issue 11, docs/architecture.md "H5 speed"). A list that grows later (the next page)
 * shows at once.
 */
export function useFirstScreenFirst<T>(items: readonly T[]): readonly T[] {
  const [all, setAll] = useState(false)
  const more = !all && items.length > FIRST_SCREEN_ITEMS
  useEffect(() => (more ? afterPaint(() => setAll(true)) : undefined), [more])
  return more ? items.slice(0, FIRST_SCREEN_ITEMS) : items
}
