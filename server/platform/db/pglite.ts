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

function wrap(pg: PGlite): Database {
  async function query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
    return toResult(await pg.query<Row>(sql, params as unknown[] | undefined))
  }

  return {
    kind: 'pglite',
    query,
    transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      return pg.transaction(async (tx) =>
        fn({
          async query<Row>(sql: string, params?: readonly unknown[]) {
            return toResult(await tx.query<Row>(sql, params as unknown[] | undefined))
          },
          async exec(sql: string) {
            await tx.exec(sql)
          },
        }),
      )
    },
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
