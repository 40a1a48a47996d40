import type { StoredImmunisationTable } from '@domain/vaccinationGuidance'
import { Queryable, Transaction } from '../../platform/db/database'

/*
 * The dated tables of the 生命1000天 library (010_content_tables.sql), written by
 * compileContent.ts in the library's transaction and read by the today service.
 */

export const IMMUNISATION_TABLE = 'immunisation'

/** Replaces every table; the caller holds the library's transaction. */
export async function replaceTables(tx: Transaction, tables: Record<string, unknown>): Promise<void> {
  await tx.query(`delete from content_tables`)
  for (const [id, body] of Object.entries(tables)) {
    await tx.query(`insert into content_tables (id, body) values ($1, $2::jsonb)`, [id, JSON.stringify(body)])
  }
}

export async function immunisationTable(db: Queryable): Promise<StoredImmunisationTable | null> {
  const result = await db.query<{ body: StoredImmunisationTable }>(`select body from content_tables where id = $1`, [IMMUNISATION_TABLE])
  return result.rows[0]?.body ?? null
}
