import { Booking, BookingStatus } from '@domain/booking'
import { BookingAction, checkBookingTransition } from '@domain/bookingRules'
import { Database } from '../../platform/db/database'
import { findBookingOfInstitution, listBookingsOfInstitution } from './bookingRepository'
import { toBooking } from './bookingRows'
import { isoTime } from '../../platform/db/isoTime'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { queueBookingStatusNotice } from './bookingNotices'
import { bookingNotFound } from './bookings'
import { changeBookingStatus } from './bookingTransitions'
import { offsetCursorAt, offsetOf } from '../../platform/http/paging'
import { Page } from '@domain/page'
import { KeyRing } from '../../platform/crypto/fieldCipher'

type Staff = Viewer & { staffInstitutionId: string }

/** GET /api/v1/staff/bookings — the institution's bookings, contact phones masked. */
export async function listStaffBookings(
  db: Database,
  keyRing: KeyRing,
  staff: Staff,
  filter: { slotId?: string; status?: BookingStatus; cursor?: string; limit: number },
): Promise<Page<Booking>> {
  const offset = offsetOf(filter.cursor)
  const rows = await listBookingsOfInstitution(db, staff.staffInstitutionId, { slotId: filter.slotId, status: filter.status, limit: filter.limit + 1, offset })
  return { items: rows.slice(0, filter.limit).map((row) => toBooking(keyRing, row, 'staff')), nextCursor: rows.length > filter.limit ? offsetCursorAt(offset + filter.limit) : null }
}

/**
 * POST /api/v1/staff/bookings/:id/{confirm,decline,attend,no-show}. The status change
 * is conditional on the status read, so of two staff acting at once exactly one wins
 * and the other gets a 409; decline gives the place back through the guard.
 */
export async function actOnBooking(db: Database, keyRing: KeyRing, staff: Staff, id: string, action: BookingAction, declineReason: string | null = null): Promise<Booking> {
  return db.transaction(async (tx) => {
    const row = await findBookingOfInstitution(tx, id, staff.staffInstitutionId)
    if (!row) throw bookingNotFound()
    const check = checkBookingTransition(action, 'staff', row.status, isoTime(row.slot.starts_at))
    if (!check.ok) throw new ApiError('CONFLICT', check.reason)
    if (!(await changeBookingStatus(tx, { id, slotId: row.slot_id }, row.status, check.to))) {
      throw new ApiError('CONFLICT', '预约状态刚刚有变化，请刷新后再试')
    }
    if (action === 'decline' && declineReason) await tx.query(`update bookings set decline_reason = $2 where id = $1`, [id, declineReason])
    await queueBookingStatusNotice(tx, id, check.to, action === 'decline' ? (declineReason ?? undefined) : undefined)
    const updated = await findBookingOfInstitution(tx, id, staff.staffInstitutionId)
    return toBooking(keyRing, updated!, 'staff')
  })
}
