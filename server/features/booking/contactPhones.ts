import { Database } from '../../platform/db/database'
import { KeyRing } from '../../platform/crypto/fieldCipher'
import { reencryptColumn, Reencrypted } from '../../platform/crypto/reencryptColumn'

/** Brings the contact numbers of bookings and enrollments under the current encryption key. */
export async function reencryptBookingPhones(db: Database, keyRing: KeyRing): Promise<Reencrypted> {
  const bookings = await reencryptColumn(db, keyRing, { table: 'bookings', idColumn: 'id', column: 'contact_phone' })
  const enrollments = await reencryptColumn(db, keyRing, { table: 'enrollments', idColumn: 'id', column: 'contact_phone' })
  return { changed: bookings.changed + enrollments.changed, unreadable: bookings.unreadable + enrollments.unreadable }
}
