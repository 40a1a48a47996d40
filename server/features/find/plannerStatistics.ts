import { Queryable } from '../../platform/db/database'

/**
 * Refreshes the planner's statistics of the institution tables after a bulk write
 * (seed, import). Without them the planner guesses row counts of freshly filled
 * tables and can pick a sequential scan for the SQL search. PGlite has no autovacuum
 * daemon to do this later, and on PostgreSQL it would come only after a delay.
 */
export async function analyzeInstitutionTables(db: Queryable): Promise<void> {
  await db.query('analyze districts, institutions, institution_care_modes')
}
