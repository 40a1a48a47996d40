import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MIGRATIONS_DIR, migrate } from '../server/platform/db/migrate'
import { openDatabase } from '../server/platform/db/openDatabase'
import { seedDemoData } from '../server/demo/demoData'

/*
 * The benchmark's data: a PGlite folder with `count` generated institutions, made with
 * the same generator and migrations as the product. Seeding 100,000 institutions takes
 * a while, so a complete folder is kept in the temp directory and reused; the marker
 * file is written only after seeding finished and the count was checked.
 */

export interface Dataset {
  dataDir: string
  institutions: number
  reused: boolean
  seedSeconds: number | null
}

interface Marker {
  count: number
  seed: number
  institutions: number
  migrations: string[]
  createdAt: string
}

const MARKER = 'bench-complete.json'

export function datasetDir(count: number, seed: number): string {
  return path.join(os.tmpdir(), `anxin-bench-${count}-seed${seed}`)
}

export async function ensureDataset(count: number, seed: number, fresh: boolean, log: (line: string) => void): Promise<Dataset> {
  const dataDir = datasetDir(count, seed)
  const markerFile = path.join(dataDir, MARKER)
  const migrations = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort()
  if (!fresh && fs.existsSync(markerFile)) {
    const marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Marker
    if (marker.count === count && marker.seed === seed && marker.migrations.join() === migrations.join()) {
      log(`dataset: reusing ${marker.institutions} institutions in ${dataDir} (made ${marker.createdAt}; --fresh rebuilds)`)
      return { dataDir, institutions: marker.institutions, reused: true, seedSeconds: null }
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true })
  log(`dataset: generating ${count} institutions (seed ${seed}) into ${dataDir} …`)
  const started = performance.now()
  const { db } = await openDatabase({ dataDir }, (error) => {
    throw error
  })
  let institutions: number
  try {
    await migrate(db)
    await seedDemoData(db, { count, seed })
    const counted = await db.query<{ n: number }>('select count(*)::int as n from institutions')
    institutions = counted.rows[0].n
  } finally {
    await db.close()
  }
  const seedSeconds = (performance.now() - started) / 1000
  if (institutions < count) throw new Error(`expected ${count} institutions after seeding, found ${institutions}`)
  const marker: Marker = { count, seed, institutions, migrations, createdAt: new Date().toISOString() }
  fs.writeFileSync(markerFile, JSON.stringify(marker, null, 2))
  log(`dataset: ${institutions} institutions ready in ${seedSeconds.toFixed(1)} s`)
  return { dataDir, institutions, reused: false, seedSeconds }
}
