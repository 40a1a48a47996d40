import path from 'node:path'
import { Database } from './database'
import { lockDataDir } from './dataDirLock'
import { openPglite } from './pglite'
import { openPostgres } from './postgres'

export interface DatabaseSettings {
  databaseUrl?: string
  dataDir: string
}

export interface OpenedDatabase {
  db: Database
  /** Where the data lives, for the start-up message (no credentials). */
  description: string
}

/**
 * PostgreSQL when DATABASE_URL is set; otherwise embedded PGlite in DATA_DIR/pgdata,
 * locked against a second process. Closing the database also releases the lock.
 */
export async function openDatabase(settings: DatabaseSettings, onLockLost: (error: Error) => void): Promise<OpenedDatabase> {
  if (settings.databaseUrl) {
    const db = await openPostgres(settings.databaseUrl)
    return { db, description: 'PostgreSQL' }
  }
  const release = await lockDataDir(settings.dataDir, onLockLost)
  let pglite: Database
  try {
    pglite = await openPglite(path.join(settings.dataDir, 'pgdata'))
  } catch (error) {
    await release()
    throw error
  }
  const db: Database = {
    kind: pglite.kind,
    query: pglite.query,
    transaction: pglite.transaction,
    // The data folder is this process's alone (lockDataDir): every change passes through here.
    changeMark: pglite.changeMark,
    async close() {
      try {
        await pglite.close()
      } finally {
        await release()
      }
    },
  }
  return { db, description: `PGlite (${settings.dataDir})` }
}
