import { InstitutionSummary } from '../../src/domain/institution'
import { InstitutionSearch } from '../../src/domain/search'
import { Queryable } from '../db/database'
import { toSummary } from '../db/repositories/institutionRows'
import { searchInstitutions } from '../db/repositories/institutionSearchRepository'
import { decodeCursor, encodeCursor } from './searchCursor'

export interface InstitutionPage {
  items: InstitutionSummary[]
  nextCursor: string | null
}

/** Distances are shown to two decimals (10 m), rounded half-up exactly as the SQL sort key is. */
export function roundDistanceKm(km: number): number {
  return Math.floor(km * 100 + 0.5) / 100
}

/** GET /api/v1/institutions: one page of the search, and the cursor of the next one. */
export async function findInstitutions(db: Queryable, search: InstitutionSearch): Promise<InstitutionPage> {
  const after = search.cursor ? decodeCursor(search.cursor, search.sort) : undefined
  // One extra row says whether another page exists without a count query.
  const rows = await searchInstitutions(db, search, after, search.limit + 1)
  const pageRows = rows.slice(0, search.limit)
  const items = pageRows.map((row) => {
    const summary = toSummary(row)
    return row.distance_km === null ? summary : { ...summary, distanceKm: roundDistanceKm(row.distance_km) }
  })
  const last = pageRows[pageRows.length - 1]
  const nextCursor = rows.length > search.limit && last ? encodeCursor(search.sort, { sortKey: last.sort_key, id: last.id }) : null
  return { items, nextCursor }
}
