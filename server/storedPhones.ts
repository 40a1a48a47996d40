import { reencryptBookingPhones } from './features/booking/contactPhones'
import { reencryptComplaintPhones } from './features/complaint/complaintPhones'
import { Database } from './platform/db/database'

/*
 * Every stored phone number under the current encryption key (platform/crypto): run at
 * each start — the data migration that encrypted the rows of before issue 11, cheap when
 * nothing is left to do — and by `npm run keys:rotate` after a new key was put first.
 */
export async function encryptStoredPhones(db: Database, currentKeyId: string): Promise<number> {
  return (await reencryptBookingPhones(db, currentKeyId)) + (await reencryptComplaintPhones(db, currentKeyId))
}
