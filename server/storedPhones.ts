import { reencryptBookingPhones } from './features/booking/contactPhones'
import { reencryptComplaintPhones } from './features/complaint/complaintPhones'
import { Database } from './platform/db/database'
import { KeyRing } from './platform/crypto/fieldCipher'

/*
 * Every stored phone number under the current encryption key (platform/crypto): run at
 * each start — the data migration that encrypted the rows of before issue 11, cheap when
 * nothing is left to do — and by `npm run keys:rotate` after a new key was put first.
 */
export async function encryptStoredPhones(db: Database, keyRing: KeyRing, warn: (message: string) => void = () => {}): Promise<number> {
  const bookings = await reencryptBookingPhones(db, keyRing)
  const complaints = await reencryptComplaintPhones(db, keyRing)
  const unreadable = bookings.unreadable + complaints.unreadable
  if (unreadable > 0) warn(`${unreadable} 个手机号的加密密钥未配置，无法读取 / ${unreadable} phone numbers are under an encryption key that is not configured`)
  return bookings.changed + complaints.changed
}
