import type { LectureFilter } from '@app/api/content'
import { LatLng } from '@domain/geo'
import { calendarWindow } from '@app/lib/calendar/slotCalendar'

export type LectureOrder = 'time' | 'distance'

/**
 * The lecture list's query: the booking calendar's window (from now to the end of its
 * last week) so every lecture listed can be booked on the booking form, which looks its
 * slot up in that same window; nearest first only with a position to measure from.
 */
export function lectureQuery(order: LectureOrder, origin: LatLng | null, now: Date = new Date()): LectureFilter {
  const window = calendarWindow(now)
  return { from: window.from, to: window.to, ...(order === 'distance' && origin ? { origin } : {}) }
}

/** Distance when located and asked for, time otherwise (refused, or still locating). */
export function effectiveOrder(wanted: LectureOrder | null, located: boolean): LectureOrder {
  if (!located) return 'time'
  return wanted ?? 'distance'
}
