/*
 * The working-day calendar (工作日) that complaint deadlines count in, shipped with the
 * code so a deadline never depends on a network call. Days are calendar days in
 * Asia/Shanghai (UTC+8 all year, no daylight saving).
 *
 * A day is a working day when it is Monday–Friday and not a public holiday, or when it
 * is a 调休 make-up working day (a Saturday or Sunday worked in exchange for a longer
 * holiday). Sources, the State Council General Office's yearly notices:
 *   2025 — 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12)
 *   2026 — 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
 *   2027 — no notice had been published when this was written (it usually appears in
 *          November of the year before). Until it is added here, 2027 falls back to
 *          weekends plus the fixed statutory holidays of 《全国年节及纪念日放假办法》
 *          (2024 revision): 元旦 1 day, 春节 4 days (除夕 to 初三), 清明 1, 劳动节 2,
 *          端午 1, 中秋 1, 国庆 3 — with no 调休 swaps, which the notice alone decides.
 * Any later year also falls back to weekends only (its lunar dates are not listed):
 * add the year's notice when it is published.
 */

interface YearCalendar {
  /** Days off that would otherwise be working days (and the weekend days inside a holiday, harmlessly). */
  holidays: string[]
  /** 调休: weekend days that are working days. */
  makeUpWorkdays: string[]
}

/** Every day from `from` to `to` inclusive, as YYYY-MM-DD. */
function span(from: string, to: string): string[] {
  const days: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10))
  }
  return days
}

export const HOLIDAY_CALENDARS: Readonly<Record<number, YearCalendar>> = {
  2025: {
    holidays: [
      '2025-01-01', // 元旦
      ...span('2025-01-28', '2025-02-04'), // 春节
      ...span('2025-04-04', '2025-04-06'), // 清明节
      ...span('2025-05-01', '2025-05-05'), // 劳动节
      ...span('2025-05-31', '2025-06-02'), // 端午节
      ...span('2025-10-01', '2025-10-08'), // 国庆节、中秋节
    ],
    makeUpWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      ...span('2026-01-01', '2026-01-03'), // 元旦
      ...span('2026-02-15', '2026-02-23'), // 春节
      ...span('2026-04-04', '2026-04-06'), // 清明节
      ...span('2026-05-01', '2026-05-05'), // 劳动节
      ...span('2026-06-19', '2026-06-21'), // 端午节
      ...span('2026-09-25', '2026-09-27'), // 中秋节
      ...span('2026-10-01', '2026-10-07'), // 国庆节
    ],
    makeUpWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
  // Fallback (no notice yet): the statutory days only. Lunar dates: 除夕 2027-02-05,
  // 清明 2027-04-05, 端午 2027-06-09, 中秋 2027-09-15.
  2027: {
    holidays: [
      '2027-01-01', // 元旦
      ...span('2027-02-05', '2027-02-08'), // 春节: 除夕至初三
      '2027-04-05', // 清明节
      ...span('2027-05-01', '2027-05-02'), // 劳动节
      '2027-06-09', // 端午节
      '2027-09-15', // 中秋节
      ...span('2027-10-01', '2027-10-03'), // 国庆节
    ],
    makeUpWorkdays: [],
  },
}

const HOLIDAYS = new Set(Object.values(HOLIDAY_CALENDARS).flatMap((c) => c.holidays))
const MAKE_UP_WORKDAYS = new Set(Object.values(HOLIDAY_CALENDARS).flatMap((c) => c.makeUpWorkdays))

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

/** The Asia/Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** Is this calendar day (YYYY-MM-DD) a working day in mainland China? */
export function isWorkingDay(day: string): boolean {
  if (MAKE_UP_WORKDAYS.has(day)) return true
  if (HOLIDAYS.has(day)) return false
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/**
 * The end (23:59:59.999 Asia/Shanghai) of the `count`-th working day after the day of
 * `from`. The day itself never counts, so a complaint filed late on a Friday still gets
 * `count` whole working days.
 */
export function addWorkingDays(from: Date, count: number): Date {
  let day = Date.parse(`${shanghaiDate(from)}T00:00:00Z`)
  let left = count
  while (left > 0) {
    day += DAY_MS
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10))) left--
  }
  return new Date(day + DAY_MS - 1 - SHANGHAI_OFFSET_MS)
}

/** `hours` hours after `from`, round the clock (urgent matters do not wait for Monday). */
export function addHours(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * 3600_000)
}
