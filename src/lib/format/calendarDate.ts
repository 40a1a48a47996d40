/** "2026-11-29" → "2026年11月29日", "2026-11" → "2026年11月": how a date reads in Chinese, never "11/29/2026". */
export function describeCalendarDate(value: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value)
  if (!match) return value
  const [, year, month, day] = match
  return day === undefined ? `${year}年${Number(month)}月` : `${year}年${Number(month)}月${Number(day)}日`
}
