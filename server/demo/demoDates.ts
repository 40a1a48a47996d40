import { shanghaiDate } from '@domain/shanghaiTime'
import { Random } from './random'

/**
 * The day the demo world is "as of": inspections and rectification notices are dated
 * before it, and a few notices fall due after it, so the app shows open, overdue,
 * met and late ones. Fixed, so the output never depends on the clock.
 */
export const DEMO_AS_OF = '2026-11-01'

// Dates: calendar days in Asia/Shanghai via dayjs, memoised because 100,000 institutions
// ask for a few hundred thousand dates drawn from only a few thousand distinct days.
const dayNumberCache = new Map<string, number>()
const dateCache = new Map<number, string>()
const EPOCH = shanghaiDate('2000-01-01')

function dayNumber(isoDate: string): number {
  let n = dayNumberCache.get(isoDate)
  if (n === undefined) {
    n = shanghaiDate(isoDate).diff(EPOCH, 'day')
    dayNumberCache.set(isoDate, n)
  }
  return n
}

function dateOf(day: number): string {
  let iso = dateCache.get(day)
  if (iso === undefined) {
    iso = EPOCH.add(day, 'day').format('YYYY-MM-DD')
    dateCache.set(day, iso)
  }
  return iso
}

export function dateBetween(from: string, to: string, random: Random): string {
  return dateOf(random.int(dayNumber(from), dayNumber(to)))
}

export function addDays(isoDate: string, days: number): string {
  return dateOf(dayNumber(isoDate) + days)
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b
}

