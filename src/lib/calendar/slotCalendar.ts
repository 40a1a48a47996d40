import { inShanghai, shanghaiDate } from '@domain/shanghaiTime'
import { PublicSlot } from '@domain/slotRules'

/*
 * The slot calendar of the booking subpackage: the next few weeks, Monday-first rows,
 * each day with its slots and the places left. All dates are Asia/Shanghai days,
 * whatever the phone's own time zone.
 */

export const CALENDAR_WEEKS = 4
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

export interface CalendarDay {
  date: string
  dayOfMonth: number
  /** 一 … 日 */
  weekday: string
  /** Before today: drawn greyed, not tappable. */
  past: boolean
  isToday: boolean
  /** Slots starting this day, earliest first. */
  slots: PublicSlot[]
  /** Places left over all of the day's slots. */
  remaining: number
}

/** The query window for GET /institutions/:id/slots: from now until the calendar's last day ends. */
export function calendarWindow(now: Date = new Date(), weeks = CALENDAR_WEEKS): { from: string; to: string } {
  const start = inShanghai(now)
  const end = lastCalendarDay(start.format('YYYY-MM-DD'), weeks).add(1, 'day')
  return { from: start.format('YYYY-MM-DDTHH:mm:ssZ'), to: end.format('YYYY-MM-DDTHH:mm:ssZ') }
}

function mondayOf(date: string) {
  const day = shanghaiDate(date)
  return day.subtract((day.day() + 6) % 7, 'day')
}

function lastCalendarDay(today: string, weeks: number) {
  return mondayOf(today).add(weeks * 7 - 1, 'day')
}

/** Weeks of seven days starting on this week's Monday, with each day's slots. */
export function buildCalendar(slots: readonly PublicSlot[], today: string, weeks = CALENDAR_WEEKS): CalendarDay[][] {
  const byDate = new Map<string, PublicSlot[]>()
  for (const slot of [...slots].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const date = slotDate(slot)
    byDate.set(date, [...(byDate.get(date) ?? []), slot])
  }
  const monday = mondayOf(today)
  return Array.from({ length: weeks }, (_, week) =>
    Array.from({ length: 7 }, (__, offset) => {
      const day = monday.add(week * 7 + offset, 'day')
      const date = day.format('YYYY-MM-DD')
      const daySlots = byDate.get(date) ?? []
      return {
        date,
        dayOfMonth: day.date(),
        weekday: WEEKDAYS[day.day()],
        past: date < today,
        isToday: date === today,
        slots: daySlots,
        remaining: daySlots.reduce((sum, slot) => sum + slot.remaining, 0),
      }
    }),
  )
}

/** The first day from today with places left, to open the calendar on. */
export function firstDayWithPlaces(weeks: CalendarDay[][]): string | null {
  return weeks.flat().find((day) => !day.past && day.remaining > 0)?.date ?? null
}

/** "YYYY-MM-DD" of the slot's start in Asia/Shanghai. */
export function slotDate(slot: Pick<PublicSlot, 'startsAt'>): string {
  return inShanghai(slot.startsAt).format('YYYY-MM-DD')
}

/** "11月28日 周六" */
export function describeDate(date: string): string {
  const day = shanghaiDate(date)
  return `${day.month() + 1}月${day.date()}日 周${WEEKDAYS[day.day()]}`
}

/** "09:30–11:00" */
export function describeTimeRange(slot: Pick<PublicSlot, 'startsAt' | 'endsAt'>): string {
  return `${inShanghai(slot.startsAt).format('HH:mm')}–${inShanghai(slot.endsAt).format('HH:mm')}`
}

/** "11月28日 周六 09:30–11:00" */
export function describeSlotTime(slot: Pick<PublicSlot, 'startsAt' | 'endsAt'>): string {
  return `${describeDate(slotDate(slot))} ${describeTimeRange(slot)}`
}

/** "余 3 个名额" / "已约满" */
export function describeRemaining(remaining: number): string {
  return remaining > 0 ? `余 ${remaining} 个名额` : '已约满'
}
