import { inShanghai, shanghaiDate } from './shanghaiTime'

/**
 * Whole months of age on a day, as a paediatrician counts them: a child born on
 * 2025-01-31 is 1 month old on 2025-02-28 (the month's last day stands in for the 31st).
 * Both dates are calendar dates in Asia/Shanghai. Negative before birth.
 */
export function ageInMonths(birthDate: string, onDate: string): number {
  const birth = shanghaiDate(birthDate)
  const on = shanghaiDate(onDate)
  // floor, not dayjs's truncation toward zero: three weeks before birth is month -1
  return Math.floor(on.diff(birth, 'month', true))
}

/** Age in months today (Asia/Shanghai). */
export function ageInMonthsToday(birthDate: string, now: Date = new Date()): number {
  return ageInMonths(birthDate, inShanghai(now).format('YYYY-MM-DD'))
}

export interface AgeRange {
  minMonths: number
  maxMonths: number
}

/** Ranges are inclusive at both ends: a 36-month range takes a child of 36 whole months. */
export function isAgeAccepted(range: AgeRange, ageMonths: number): boolean {
  return ageMonths >= range.minMonths && ageMonths <= range.maxMonths
}

/** "6个月–3岁" for a parent; whole years where the month count allows it. */
export function describeAgeRange(range: AgeRange): string {
  return `${describeMonths(range.minMonths)}–${describeMonths(range.maxMonths)}`
}

export function describeMonths(months: number): string {
  if (months > 0 && months % 12 === 0) return `${months / 12}岁`
  if (months > 12) return `${Math.floor(months / 12)}岁${months % 12}个月`
  return `${months}个月`
}
