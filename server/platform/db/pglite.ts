import { PGlite, Results as PGliteResults } from '@electric-sql/pglite'
import { Database, QueryResult, Transaction } from './database'
import { SHARED_TYPE_PARSERS } from './typeParsers'

export interface PgliteOptions {
  /** Start from a dump of another database (dumpPglite), instead of running initdb. */
  loadDataDir?: Blob
}

/**
 * Embedded Postgres. PGlite has exactly one connection and queues every query and
 * transaction behind its own mutex, so transactions are serialised by PGlite itself;
 * code inside a transaction must use the `tx` it is given, never the database.
 *
 * dataDir undefined means in memory (tests). The default durable flush is kept on
 * purpose: a relaxed flush can leave an unopenable folder after a crash.
 */
export async function openPglite(dataDir?: string, options: PgliteOptions = {}): Promise<Database> {
  const pg = await PGlite.create(dataDir, { parsers: SHARED_TYPE_PARSERS, loadDataDir: options.loadDataDir })
  return wrap(pg)
}

/**
 * Whether a statement only reads: a plain SELECT naming no data-changing command or
 * sequence function. Anything else counts as a change; counting too many only costs a
 * read model one fresh read.
 */
export function onlyReads(sql: string): boolean {
  return /^\s*select\b/i.test(sql) && !/\b(insert|update|delete|merge|truncate|nextval|setval|lo_\w+|pg_advisory\w*)\b/i.test(sql)
}

function wrap(pg: PGlite): Database {
  // Moved after every statement that may change data and after every transaction
  // (Database.changeMark): after, so a read model that saw the old mark never keeps a
  // read that raced with the change.
  let changes = 0
  async function query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
    try {
      return toResult(await pg.query<Row>(sql, params as unknown[] | undefined))
    } finally {
      if (!onlyReads(sql)) changes++
    }
  }

  return {
    kind: 'pglite',
    query,
    transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      changes++
      return pg
        .transaction(async (tx) =>
          fn({
            async query<Row>(sql: string, params?: readonly unknown[]) {
              return toResult(await tx.query<Row>(sql, params as unknown[] | undefined))
            },
            async exec(sql: string) {
              await tx.exec(sql)
            },
          }),
        )
        .finally(() => changes++)
    },
    changeMark: () => changes,
    async close() {
      if (!pg.closed) await pg.close()
    },
  }
}

/**
 * node-postgres's rowCount: rows returned for a statement that returns rows, rows
 * changed otherwise. PGlite reports affectedRows 0 for a SELECT, so translate.
 */
function toResult<Row>(result: PGliteResults<Row>): QueryResult<Row> {
  const returnsRows = result.fields.length > 0
  return { rows: result.rows, rowCount: returnsRows ? result.rows.length : (result.affectedRows ?? 0) }
}

/** A tarball of a fresh in-memory database, for tests that start from a migrated template. */
export async function dumpPglite(setup: (db: Database) => Promise<void>): Promise<Blob> {
  const pg = await PGlite.create({ parsers: SHARED_TYPE_PARSERS })
  try {
    await setup(wrap(pg))
    return await pg.dumpDataDir('none')
  } finally {
    await pg.close()
  }
}
