import { OPEN_ENROLLMENT_STATUSES } from '@domain/enrollmentRules'
import { Transaction } from '../../platform/db/database'
import { activeBookingsOfChild, anonymiseChildInBookings } from './bookingRepository'
import { anonymiseChildInEnrollments, openEnrollmentsOfChild } from './enrollmentRepository'
import { forgetIdempotentAnswersAboutChild } from '../../platform/http/idempotencyRepository'
import { changeBookingStatus } from './bookingTransitions'
import { closeEnrollment } from './enrollmentTransitions'

/** What staff see where a deleted child's nickname was. */
export const DELETED_CHILD_LABEL = '已删除的孩子'

/**
 * Before a parent's child is deleted for good (PIPL art. 47), inside the deleting
 * transaction: the child's active bookings are cancelled through the capacity guard
 * (their places free at once), its open applications are withdrawn (the waitlist moves
 * up), and what the institution must keep — that a booking or application existed —
 * stays without the child: child_id null, a neutral label instead of the nickname.
 * Stored Idempotency-Key answers that named the child are forgotten too.
 */
export async function releaseChildReferences(tx: Transaction, childId: string): Promise<void> {
  // A staff action may move a booking between our read and our update: read again until none is left.
  for (let round = 0; round < 3; round++) {
    const bookings = await activeBookingsOfChild(tx, childId)
    if (bookings.length === 0) break
    for (const b of bookings) {
      await changeBookingStatus(tx, { id: b.id, slotId: b.slot_id }, b.status, 'cancelled')
    }
  }
  for (const e of await openEnrollmentsOfChild(tx, childId)) {
    await closeEnrollment(tx, { id: e.id, institutionId: e.institution_id }, OPEN_ENROLLMENT_STATUSES, 'withdrawn')
  }
  await anonymiseChildInBookings(tx, childId, DELETED_CHILD_LABEL)
  await anonymiseChildInEnrollments(tx, childId, DELETED_CHILD_LABEL)
  await forgetIdempotentAnswersAboutChild(tx, childId)
}
