import { loadConfig } from './config'
import { Database } from './platform/db/database'
import { migrate } from './platform/db/migrate'
import { openDatabase } from './platform/db/openDatabase'

/**
 * For the seed and import commands: the same database the server would use
 * (DATABASE_URL, else PGlite in DATA_DIR), migrated, and closed afterwards whatever
 * happens — an embedded database left open can be damaged.
 */
export async function withDatabase<T>(work: (db: Database, description: string) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const { db, description } = await openDatabase(config, (error) => {
    console.error(`数据目录锁失效 / data folder lock lost: ${error.message}`)
  })
  try {
    await migrate(db)
    return await work(db, description)
  } finally {
    await db.close()
  }
}
