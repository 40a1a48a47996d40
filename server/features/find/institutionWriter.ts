import { DistrictRecord } from '@domain/district'
import { InstitutionRecord } from '@domain/institutionRecord'
import { Database, Queryable } from '../../platform/db/database'
import { ChildList, contentKey, differingParts, InstitutionRow, InstitutionRows, SCOPE_PARTS, toRows, UpsertScope } from './institutionRecordRows'
import { insertInstitutions, loadStored, updateInstitutions } from './institutionTables'
import { bumpSearchIndexVersion } from './searchIndexVersion'

export type { UpsertScope } from './institutionRecordRows'

/*
 * Writes districts and institutions, for the demo seed and the filing-list import.
 * Institutions are matched by filing number (备案号): a known number keeps its row id,
 * a record that agrees with what is stored on everything its scope owns writes nothing
 * (not even updated_at), so importing the same file twice changes nothing. Records are
 * handled in batches, each read and written with a few multi-row statements.
 */

const BATCH_SIZE = 2_000

export interface UpsertOptions {
  /** What the records are the truth about for institutions already stored; default 'whole_record'. */
  scope?: UpsertScope
  /** Count what would be inserted, updated and left alone, writing nothing (a filing list's dry run). */
  planOnly?: boolean
  /** Also name what is inserted and updated, and in which columns (the filing list's report). */
  describe?: boolean
}

export interface UpsertCounts {
  inserted: number
  updated: number
  unchanged: number
  /** With `describe`: the inserted and updated institutions (row ids as stored or to be stored). */
  insertedRecords?: Array<{ id: string; filingNumber: string; name: string }>
  updatedRecords?: Array<{ id: string; filingNumber: string; name: string; parts: Array<keyof InstitutionRow | ChildList> }>
}

/** Inserts new districts and updates changed ones; identical ones are left alone. */
export async function upsertDistricts(db: Queryable, districts: DistrictRecord[]): Promise<void> {
  if (districts.length === 0) return
  const written = await db.query(
    `insert into districts (code, name, province, city, center_lat, center_lng)
     select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[])
     on conflict (code) do update set
       name = excluded.name, province = excluded.province, city = excluded.city,
       center_lat = excluded.center_lat, center_lng = excluded.center_lng
     where (districts.name, districts.province, districts.city, districts.center_lat, districts.center_lng)
       is distinct from (excluded.name, excluded.province, excluded.city, excluded.center_lat, excluded.center_lng)`,
    [
      districts.map((d) => d.code),
      districts.map((d) => d.name),
      districts.map((d) => d.province),
      districts.map((d) => d.city),
      districts.map((d) => d.center.lat),
      districts.map((d) => d.center.lng),
    ],
  )
  // District names appear in search results: servers' search indexes must reload.
  if (written.rowCount > 0) await bumpSearchIndexVersion(db)
}

/** Upserts every record in one transaction: all of them are written, or none. */
export async function upsertInstitutions(db: Database, records: InstitutionRecord[], options: UpsertOptions = {}): Promise<UpsertCounts> {
  return db.transaction((tx) => upsertInstitutionsIn(tx, records, options))
}

/** The same, inside a transaction the caller already holds (seeding writes districts first). */
export async function upsertInstitutionsIn(tx: Queryable, records: InstitutionRecord[], options: UpsertOptions = {}): Promise<UpsertCounts> {
  const parts = SCOPE_PARTS[options.scope ?? 'whole_record']
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 }
  if (options.describe) {
    counts.insertedRecords = []
    counts.updatedRecords = []
  }
  for (const batch of batches(dedupeByFilingNumber(records), BATCH_SIZE)) {
    const stored = await loadStored(tx, batch.map((r) => r.filing.number), parts)
    const inserts: InstitutionRows[] = []
    const updates: InstitutionRows[] = []
    for (const record of batch) {
      const existing = stored.get(record.filing.number)
      if (!existing) {
        counts.inserted++
        counts.insertedRecords?.push({ id: record.id, filingNumber: record.filing.number, name: record.name })
        // A plan needs no rows for what it would insert: building them (search text in pinyin) is most of a dry run's cost.
        if (!options.planOnly) inserts.push(toRows(record, record.id))
        continue
      }
      const wanted = toRows(record, existing.row.id)
      if (contentKey(existing, parts) === contentKey(wanted, parts)) {
        counts.unchanged++
        continue
      }
      counts.updated++
      counts.updatedRecords?.push({ id: existing.row.id, filingNumber: record.filing.number, name: record.name, parts: differingParts(existing, wanted, parts) })
      updates.push(wanted)
    }
    if (options.planOnly) continue
    if (inserts.length > 0) await insertInstitutions(tx, inserts)
    if (updates.length > 0) await updateInstitutions(tx, updates, parts)
  }
  if (options.planOnly) return counts
  // Same transaction as the rows: servers' search indexes see the change and this version together.
  if (counts.inserted > 0 || counts.updated > 0) await bumpSearchIndexVersion(tx)
  return counts
}

/** A list with one filing number twice would update a row it inserted moments before: the last one wins. */
function dedupeByFilingNumber(records: InstitutionRecord[]): InstitutionRecord[] {
  const byNumber = new Map<string, InstitutionRecord>()
  for (const record of records) byNumber.set(record.filing.number, record)
  return [...byNumber.values()]
}

function* batches<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size)
}
