import { Database } from '../platform/db/database'
import { UpsertCounts, upsertDistricts, upsertInstitutionsIn } from '../features/find/institutionWriter'
import { analyzeInstitutionTables } from '../features/find/plannerStatistics'
import { insertDemoReviews, planDemoReviews } from './demoReviews'
import { generateDemoData } from './generator'

export interface SeedOptions {
  /** Total institutions; default the five districts' calibrated total. */
  count?: number
  seed?: number
}

/**
 * Writes the demo data (演示数据) in one transaction: districts first (institutions
 * refer to them), then institutions through the same writer the import uses, so
 * seeding twice with the same options changes nothing.
 */
export async function seedDemoData(
  db: Database,
  options: SeedOptions = {},
): Promise<{ districts: number; institutions: number; changes: UpsertCounts }> {
  const generated = generateDemoData(options)
  const { districts } = generated
  // Ratings only as real review rows, so every screen shows the same number (demoReviews.ts).
  const { institutions, reviews } = planDemoReviews(generated.institutions)
  const changes = await db.transaction(async (tx) => {
    await upsertDistricts(tx, districts)
    const counts = await upsertInstitutionsIn(tx, institutions)
    await insertDemoReviews(tx, reviews)
    return counts
  })
  if (changes.inserted > 0 || changes.updated > 0) await analyzeInstitutionTables(db)
  return { districts: districts.length, institutions: institutions.length, changes }
}
