import { Database } from '../../platform/db/database'
import { KeyRing } from '../../platform/crypto/fieldCipher'
import { reencryptColumn, Reencrypted } from '../../platform/crypto/reencryptColumn'

/** Brings complainants' contact numbers under the current encryption key. */
export async function reencryptComplaintPhones(db: Database, keyRing: KeyRing): Promise<Reencrypted> {
  return reencryptColumn(db, keyRing, { table: 'complaints', idColumn: 'id', column: 'contact_phone' })
}
