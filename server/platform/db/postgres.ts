import { Pool, PoolClient, types as pgTypes } from 'pg'
import { Database, QueryResult, Transaction } from './database'
import { SHARED_TYPE_PARSERS } from './typeParsers'

export interface PostgresOptions {
  /** Every connection uses this schema first (tests isolate themselves this way). */
  schema?: string
  maxConnections?: number
}

// Per-pool parsers, so nothing global in node-postgres is changed for other users.
const sharedTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = SHARED_TYPE_PARSERS[oid]
    if (parser && format !== 'binary') return parser
    return pgTypes.getTypeParser(oid, format as 'text')
  },
}

/** A real PostgreSQL server through a node-postgres pool. */
export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<Database> {
  const pool = new Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    types: sharedTypes as never,
    options: options.schema ? `-c search_path=${quoteIdentifier(options.schema)}` : undefined,
  })
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined)
  // Fail at start, with the server's own message, rather than on the first request.
  const probe = await pool.connect()
  probe.release()

  async function run<Row>(client: Pool | PoolClient, sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
    const result = await client.query(sql, params as unknown[] | undefined)
    return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length }
  }

  let closed = false
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
      // One checked-out client: every statement of the transaction runs on it.
      const client = await pool.connect()
      try {
        await client.query('begin')
        const result = await fn({
          query: (sql, params) => run(client, sql, params),
          async exec(sql: string) {
            await client.query(sql)
          },
        })
        await client.query('commit')
        return result
      } catch (error) {
        await client.query('rollback').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    async close() {
      if (closed) return
      closed = true
      await pool.end()
    },
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}
