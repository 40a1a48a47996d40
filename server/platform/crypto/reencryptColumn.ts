import { Database } from '../db/database'
import { quoteIdentifier } from '../db/postgres'
import { ENCRYPTED_PREFIX, KeyRing } from './fieldCipher'

/*
 * Brings every value of one encrypted column under the current key: values stored
 * before encryption existed (plain) are encrypted, values of an older key re-encrypted.
 * Used at start (the data migration of issue 11) and by `npm run keys:rotate`. Works
 * in batches, each row updated only if it still holds the value read, so it may run
 * while the server serves and on several servers at once.
 */

const BATCH = 500

export interface ColumnRef {
  table: string
  idColumn: string
  column: string
}

export interface Reencrypted {
  changed: number
  /** Values under a key that is not configured: left as they are (add the key and run again). */
  unreadable: number
}

export async function reencryptColumn(db: Database, keyRing: KeyRing, ref: ColumnRef): Promise<Reencrypted> {
  const table = quoteIdentifier(ref.table)
  const id = quoteIdentifier(ref.idColumn)
  const column = quoteIdentifier(ref.column)
  const current = `${ENCRYPTED_PREFIX}${keyRing.current.id}:%`
  let changed = 0
  let unreadable = 0
  let after = ''
  for (;;) {
    const batch = await db.query<{ id: string; value: string }>(
      `select ${id}::text as id, ${column} as value from ${table}
       where ${column} is not null and ${column} not like $1 and ${id}::text > $2 order by ${id}::text limit ${BATCH}`,
      [current, after],
    )
    for (const row of batch.rows) {
      let plain: string
      try {
        plain = keyRing.decrypt(row.value)
      } catch {
        // A start must not fail on a value of a key that was dropped too early: count it, leave it.
        unreadable += 1
        continue
      }
      const updated = await db.query(`update ${table} set ${column} = $1 where ${id}::text = $2 and ${column} = $3`, [keyRing.encrypt(plain), row.id, row.value])
      changed += updated.rowCount
    }
    if (batch.rows.length < BATCH) return { changed, unreadable }
    after = batch.rows[batch.rows.length - 1].id
  }
}
