import dayjs, { Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/**
 * China Standard Time is a fixed UTC+8 with no daylight saving since 1991, so a fixed
 * offset is exact. We avoid dayjs's timezone plugin on purpose: it needs full Intl
 * time-zone data, which some WeChat JS engines do not ship.
 */
export const SHANGHAI_OFFSET_MINUTES = 8 * 60

/** The given instant (default: now) seen on a clock in Asia/Shanghai. */
export function inShanghai(instant?: string | number | Date | Dayjs): Dayjs {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES)
}

/** A calendar date "YYYY-MM-DD" read as that day in Asia/Shanghai. */
export function shanghaiDate(isoDate: string): Dayjs {
  return dayjs.utc(isoDate, 'YYYY-MM-DD').utcOffset(SHANGHAI_OFFSET_MINUTES, true).startOf('day')
}

/** Today's calendar date in Asia/Shanghai, as "YYYY-MM-DD". */
export function todayInShanghai(now: Date = new Date()): string {
  return inShanghai(now).format('YYYY-MM-DD')
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false
  const parsed = dayjs.utc(value, 'YYYY-MM-DD')
  return parsed.isValid() && parsed.format('YYYY-MM-DD') === value
}
