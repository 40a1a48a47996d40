import { Queryable } from '../../platform/db/database'

/*
 * The version counter of migration 002: writers bump it, every server's in-memory
 * search index compares it with the version it was built from.
 */

/** Marks the searchable data as changed; call inside the transaction that changed it. */
export async function bumpSearchIndexVersion(tx: Queryable): Promise<void> {
  await tx.query(
    `insert into search_index_version (only_row, version) values (true, nextval('search_index_version_seq'))
     on conflict (only_row) do update set version = excluded.version`,
  )
}

/** The current version; null when the row is missing (a truncated test database). */
export async function readSearchIndexVersion(db: Queryable): Promise<number | null> {
  const result = await db.query<{ version: number }>('select version from search_index_version')
  return result.rows[0]?.version ?? null
}
