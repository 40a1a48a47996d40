import { MyBookingItem, MyBookings } from '@domain/myBookings'
import { isActiveBooking } from '@domain/bookingRules'
import { isOpenEnrollment } from '@domain/enrollmentRules'
import { Database } from '../../platform/db/database'
import { listBookingsOfUser } from './bookingRepository'
import { toBooking } from './bookingRows'
import { listEnrollmentsOfUser, toEnrollment } from './enrollmentRepository'
import { Viewer } from '../accounts/authentication'

/** The past is kept short: the screen is about what is coming. */
const PAST_ITEMS_MAX = 50

/**
 * GET /api/v1/me/bookings — 我的预约: upcoming bookings still in play (soonest first),
 * then open applications (oldest first), then everything past or closed (newest first).
 */
export async function myBookings(db: Database, viewer: Viewer, now: Date = new Date()): Promise<MyBookings> {
  const [bookings, enrollments] = await Promise.all([listBookingsOfUser(db, viewer.userId), listEnrollmentsOfUser(db, viewer.userId)])
  const upcoming: MyBookingItem[] = []
  const open: MyBookingItem[] = []
  const past: { at: number; item: MyBookingItem }[] = []

  for (const row of bookings) {
    const item: MyBookingItem = { type: 'booking', booking: toBooking(row, 'owner') }
    const startsAt = new Date(row.slot.starts_at).getTime()
    if (isActiveBooking(row.status) && row.slot.status === 'open' && startsAt > now.getTime()) upcoming.push(item)
    else past.push({ at: startsAt, item })
  }
  for (const row of [...enrollments].reverse()) {
    const item: MyBookingItem = { type: 'enrollment', enrollment: toEnrollment(row, 'owner') }
    if (isOpenEnrollment(row.status)) open.push(item)
    else past.push({ at: new Date(row.updated_at).getTime(), item })
  }
  past.sort((a, b) => b.at - a.at)
  return { items: [...upcoming, ...open, ...past.slice(0, PAST_ITEMS_MAX).map((p) => p.item)], nextCursor: null }
}
