import { MyBookingItem, MyBookings } from '@domain/myBookings'
import { isActiveBooking } from '@domain/bookingRules'
import { isOpenEnrollment } from '@domain/enrollmentRules'
import { Database } from '../../platform/db/database'
import { pageFromList } from '../../platform/http/paging'
import { listBookingsOfUser } from './bookingRepository'
import { toBooking } from './bookingRows'
import { listEnrollmentsOfUser, toEnrollment } from './enrollmentRepository'
import { Viewer } from '../accounts/authentication'
import { KeyRing } from '../../platform/crypto/fieldCipher'

/**
 * GET /api/v1/me/bookings — 我的预约: upcoming bookings still in play (soonest first),
 * then open applications (oldest first), then everything past or closed (newest first).
 */
export async function myBookings(db: Database, keyRing: KeyRing, viewer: Viewer, page: { cursor?: string; limit: number }, now: Date = new Date()): Promise<MyBookings> {
  const [bookings, enrollments] = await Promise.all([listBookingsOfUser(db, viewer.userId), listEnrollmentsOfUser(db, viewer.userId)])
  const upcoming: MyBookingItem[] = []
  const open: MyBookingItem[] = []
  const past: { at: number; item: MyBookingItem }[] = []

  for (const row of bookings) {
    const item: MyBookingItem = { type: 'booking', booking: toBooking(keyRing, row, 'owner') }
    const startsAt = new Date(row.slot.starts_at).getTime()
    if (isActiveBooking(row.status) && row.slot.status === 'open' && startsAt > now.getTime()) upcoming.push(item)
    else past.push({ at: startsAt, item })
  }
  for (const row of [...enrollments].reverse()) {
    const item: MyBookingItem = { type: 'enrollment', enrollment: toEnrollment(keyRing, row, 'owner') }
    if (isOpenEnrollment(row.status)) open.push(item)
    else past.push({ at: new Date(row.updated_at).getTime(), item })
  }
  past.sort((a, b) => b.at - a.at)
  // A parent's list is read whole (tens of rows) and paged in memory, so the order spans pages.
  return pageFromList([...upcoming, ...open, ...past.map((p) => p.item)], page.cursor, page.limit)
}
