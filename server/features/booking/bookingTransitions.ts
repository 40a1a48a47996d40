import { BookingStatus } from '@domain/booking'
import { placesFreedBy } from '@domain/bookingRules'
import { Queryable } from '../../platform/db/database'
import { transitionBooking } from './bookingRepository'
import { freePlaces, lockSlot } from './slotPlaces'

/**
 * Moves one booking from `from` to `to` and gives its place back when the new status
 * holds none — the one path every status change takes (parent cancel, staff decline,
 * child deletion). The slot row is locked first (slotPlaces.ts lock order). Returns
 * false when the booking had already moved on, so of two racing changes one wins.
 */
export async function changeBookingStatus(
  tx: Queryable,
  booking: { id: string; slotId: string },
  from: BookingStatus,
  to: BookingStatus,
): Promise<boolean> {
  await lockSlot(tx, booking.slotId)
  const changed = await transitionBooking(tx, booking.id, [from], to)
  if (!changed) return false
  await freePlaces(tx, booking.slotId, placesFreedBy(from, to))
  return true
}
