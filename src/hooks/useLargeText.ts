import { z } from 'zod'
import { storedValue } from '@app/store/storedValue'

/*
 * Large-text mode for grandparents: one switch on 我的, remembered on the phone, read by
 * every page's root (PageRoot adds the "large-text" class that scales fonts ~1.25×).
 */

const largeText = storedValue('anxin.largeText', z.boolean(), false)

export function setLargeText(on: boolean): void {
  largeText.set(on)
}

export function useLargeText(): [boolean, (on: boolean) => void] {
  return [largeText.use(), setLargeText]
}
