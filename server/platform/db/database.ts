/**
 * The one SQL layer. PGlite (embedded) and node-postgres both implement it, so every
 * repository runs the same SQL on both. Parameters are positional ($1, $2, …).
 *
 * Both backends return the same JavaScript values: int8 and numeric as numbers,
 * `date` as "YYYY-MM-DD" strings, json/jsonb parsed (see typeParsers.ts).
 */
export interface QueryResult<Row> {
  rows: Row[]
  rowCount: number
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>
}

/** Inside a transaction a script of several statements (a migration) can run too. */
export interface Transaction extends Queryable {
  /** Runs a script of one or more statements without parameters. */
  exec(sql: string): Promise<void>
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs fn in one transaction: commit if it resolves, roll back if it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>
  close(): Promise<void>
  /**
   * A number that moves whenever a statement that may change data ran through this
   * handle or a transaction ended, so a read model can tell it is still current without
   * asking the database. Only where every change passes through this handle: PGlite,
   * whose data folder one process holds (dataDirLock.ts). undefined (not provided) on
   * PostgreSQL, where other processes write too.
   */
  changeMark?(): number
}
