import { Booking, BookingStatus } from '@domain/booking'
import { EnrollmentStatus } from '@domain/enrollment'

/** pending and confirmed hold a place and can still be cancelled (booking.ts). */
export function isBookingActive(status: BookingStatus): boolean {
  return status === 'pending' || status === 'confirmed'
}

/** The parent may cancel an active booking until the slot starts. */
export function isCancellable(booking: Pick<Booking, 'status' | 'slot'>, now: Date = new Date()): boolean {
  return isBookingActive(booking.status) && Date.parse(booking.slot.startsAt) > now.getTime()
}

/** submitted and waitlisted applications are still open and can be withdrawn. */
export function isEnrollmentOpen(status: EnrollmentStatus): boolean {
  return status === 'submitted' || status === 'waitlisted'
}
