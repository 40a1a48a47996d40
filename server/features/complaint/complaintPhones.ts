import { Database } from '../../platform/db/database'
import { reencryptColumn, Reencrypted } from '../../platform/crypto/reencryptColumn'

/** Brings complainants' contact numbers under the current encryption key. */
export async function reencryptComplaintPhones(db: Database, currentKeyId: string): Promise<Reencrypted> {
  return reencryptColumn(db, { table: 'complaints', idColumn: 'id', column: 'contact_phone' }, currentKeyId)
}
