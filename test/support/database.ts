import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Pool } from 'pg'
import { Database } from '../../server/platform/db/database'
import { migrate, readMigrations } from '../../server/platform/db/migrate'
import { dumpPglite, openPglite } from '../../server/platform/db/pglite'
import { openPostgres, quoteIdentifier } from '../../server/platform/db/postgres'

/*
 * A migrated, empty database for a test file, on either backend. PGlite runs in
 * memory; real PostgreSQL (TEST_DATABASE_URL, set in CI) gets a schema of its own per
 * test file, dropped afterwards, so files never see each other's rows.
 */

export type Backend = 'pglite' | 'postgres'

/** Every backend this run can test: PGlite always, PostgreSQL when CI provides one. */
export const TEST_BACKENDS: Backend[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']

export interface TestDatabase {
  db: Database
  /** Deletes every row, keeping the schema (between cases that load their own data). */
  truncate(): Promise<void>
  close(): Promise<void>
}

export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  const db = backend === 'pglite' ? await openPglite(undefined, { loadDataDir: await migratedTemplate() }) : await openPostgresSchema()
  return {
    db,
    truncate: () => truncateAll(db),
    close: () => db.close(),
  }
}

async function truncateAll(db: Database): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = current_schema() and tablename <> 'schema_migrations'`,
  )
  if (tables.rows.length === 0) return
  await db.query(`truncate ${tables.rows.map((t) => quoteIdentifier(t.name)).join(', ')} cascade`)
}

/**
 * initdb inside PGlite takes seconds; a migrated database dumped once and loaded per
 * test file takes well under one. The dump is cached in the temp folder under a hash
 * of the migrations, so a new migration makes a new template.
 */
async function migratedTemplate(): Promise<Blob> {
  const hash = crypto.createHash('sha256')
  for (const migration of readMigrations()) hash.update(migration.name).update(migration.sql)
  // A new PGlite may not read an old dump: its version is part of the key.
  hash.update(fs.readFileSync(path.join(__dirname, '..', '..', 'node_modules', '@electric-sql', 'pglite', 'package.json')))
  const file = path.join(os.tmpdir(), `anxin-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`)
  if (!fs.existsSync(file)) {
    const dump = await dumpPglite(async (db) => {
      await migrate(db)
    })
    const partial = `${file}.${process.pid}.partial`
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    fs.renameSync(partial, file)
  }
  return new Blob([fs.readFileSync(file)])
}

async function openPostgresSchema(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  const schema = `test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  const admin = new Pool({ connectionString: url, max: 1 })
  await admin.query(`create schema ${quoteIdentifier(schema)}`)
  await admin.end()
  const db = await openPostgres(url, { schema, maxConnections: 4 })
  await migrate(db)
  return {
    kind: db.kind,
    query: db.query,
    transaction: db.transaction,
    async close() {
      await db.close()
      const cleanup = new Pool({ connectionString: url, max: 1 })
      await cleanup.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`)
      await cleanup.end()
    },
  }
}
