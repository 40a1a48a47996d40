import { inShanghai } from '@domain/shanghaiTime'

/** How far ahead a parent can ask to start: childcare places are planned about half a year out. */
export const START_MONTHS_AHEAD = 6

/** This month and the next few, as "YYYY-MM" with a "2026年12月" label (Asia/Shanghai). */
export function startMonthChoices(now: Date = new Date(), count = START_MONTHS_AHEAD + 1): Array<{ value: string; label: string }> {
  const first = inShanghai(now).startOf('month')
  return Array.from({ length: count }, (_, i) => {
    const month = first.add(i, 'month')
    return { value: month.format('YYYY-MM'), label: `${month.year()}年${month.month() + 1}月` }
  })
}

/** "2027-01" → "2027年1月" */
export function describeStartMonth(startMonth: string): string {
  const [year, month] = startMonth.split('-')
  return `${year}年${Number(month)}月`
}
