import { Database } from '../../platform/db/database'
import { reencryptColumn, Reencrypted } from '../../platform/crypto/reencryptColumn'

/** Brings the contact numbers of bookings and enrollments under the current encryption key. */
export async function reencryptBookingPhones(db: Database, currentKeyId: string): Promise<Reencrypted> {
  const bookings = await reencryptColumn(db, { table: 'bookings', idColumn: 'id', column: 'contact_phone' }, currentKeyId)
  const enrollments = await reencryptColumn(db, { table: 'enrollments', idColumn: 'id', column: 'contact_phone' }, currentKeyId)
  return { changed: bookings.changed + enrollments.changed, unreadable: bookings.unreadable + enrollments.unreadable }
}
