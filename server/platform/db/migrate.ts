import fs from 'node:fs'
import path from 'node:path'
import { Database } from './database'

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations')
const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/

export interface Migration {
  version: string
  name: string
  sql: string
}

/** server/platform/db/migrations/NNN_name.sql, in version order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => MIGRATION_FILE.test(file))
    .sort()
    .map((file) => ({ version: file.slice(0, 3), name: file, sql: fs.readFileSync(path.join(dir, file), 'utf8') }))
}

/**
 * Applies every migration not yet recorded in schema_migrations, each in its own
 * transaction together with its record, so a failing migration leaves no trace.
 * Several servers starting at once against one PostgreSQL take turns through an
 * advisory lock and re-check inside it. Returns the versions applied now.
 */
export async function migrate(db: Database, migrations: Migration[] = readMigrations()): Promise<string[]> {
  await db.query(`create table if not exists schema_migrations (
    version    text primary key,
    name       text not null,
    applied_at timestamptz not null default now()
  )`)
  const applied: string[] = []
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('anxin_migrations'))`)
      const done = await tx.query('select 1 from schema_migrations where version = $1', [migration.version])
      if (done.rowCount > 0) return false
      await tx.exec(migration.sql)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [migration.version, migration.name])
      return true
    })
    if (ran) applied.push(migration.version)
  }
  return applied
}
