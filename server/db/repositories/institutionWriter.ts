import { DistrictRecord } from '../../../src/domain/district'
import { InstitutionRecord } from '../../../src/domain/institutionRecord'
import { buildSearchText } from '../../services/searchText'
import { Database, Queryable } from '../database'

/*
 * Writes districts and institutions, for the demo seed and the filing-list import.
 * Institutions are matched by filing number (备案号): a known number keeps its row id,
 * a record identical to what is stored writes nothing (not even updated_at), so
 * importing the same file twice changes nothing. Rows go in as multi-row
 * `unnest` inserts in batches, because 100,000 single-row inserts take minutes.
 */

const BATCH_SIZE = 2_000

export interface UpsertCounts {
  inserted: number
  updated: number
  unchanged: number
}

/** Inserts new districts and updates changed ones; identical ones are left alone. */
export async function upsertDistricts(db: Queryable, districts: DistrictRecord[]): Promise<void> {
  if (districts.length === 0) return
  await db.query(
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
}

/** Upserts every record in one transaction: all of them are written, or none. */
export async function upsertInstitutions(db: Database, records: InstitutionRecord[]): Promise<UpsertCounts> {
  return db.transaction((tx) => upsertInstitutionsIn(tx, records))
}

/** The same, inside a transaction the caller already holds (seeding writes districts first). */
export async function upsertInstitutionsIn(tx: Queryable, records: InstitutionRecord[]): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 }
  for (const batch of batches(dedupeByFilingNumber(records), BATCH_SIZE)) {
    const stored = await loadStored(tx, batch.map((r) => r.filing.number))
    const inserts: StoredInstitution[] = []
    const updates: StoredInstitution[] = []
    for (const record of batch) {
      const existing = stored.get(record.filing.number)
      const wanted = toStored(record, existing?.row.id ?? record.id)
      if (!existing) inserts.push(wanted)
      else if (sameContent(existing, wanted)) counts.unchanged++
      else updates.push(wanted)
    }
    if (inserts.length > 0) {
      await insertRows(tx, inserts.map((i) => i.row))
      await insertChildren(tx, inserts)
      counts.inserted += inserts.length
    }
    if (updates.length > 0) {
      await updateRows(tx, updates.map((u) => u.row))
      // Child rows are replaced wholesale: the record is the whole truth about them.
      const ids = updates.map((u) => u.row.id)
      for (const table of ['institution_care_modes', 'institution_classes', 'inspections', 'rectification_notices']) {
        await tx.query(`delete from ${table} where institution_id = any($1::text[])`, [ids])
      }
      await insertChildren(tx, updates)
      counts.updated += updates.length
    }
  }
  return counts
}

/** One institutions row, in column order, as it is written and as it reads back. */
interface InstitutionRow {
  id: string
  name: string
  kind: string
  district_code: string
  street: string
  address: string
  lat: number
  lng: number
  affordable: boolean
  demonstration_level: string | null
  filing_number: string
  filed_on: string
  filing_authority: string
  filing_status: string
  min_age_months: number
  max_age_months: number
  capacity: number
  enrolled: number
  hours_days: string
  opens_at: string
  closes_at: string
  contact_phone: string
  description: string
  photos: string[]
  search_text: string
  rating_sum: number
  rating_count: number
  is_demo: boolean
}

/** The columns and their array types for `unnest`; order matches InstitutionRow. */
const COLUMNS: Array<[keyof InstitutionRow, string]> = [
  ['id', 'text'],
  ['name', 'text'],
  ['kind', 'text'],
  ['district_code', 'text'],
  ['street', 'text'],
  ['address', 'text'],
  ['lat', 'float8'],
  ['lng', 'float8'],
  ['affordable', 'bool'],
  ['demonstration_level', 'text'],
  ['filing_number', 'text'],
  ['filed_on', 'date'],
  ['filing_authority', 'text'],
  ['filing_status', 'text'],
  ['min_age_months', 'int4'],
  ['max_age_months', 'int4'],
  ['capacity', 'int4'],
  ['enrolled', 'int4'],
  ['hours_days', 'text'],
  ['opens_at', 'text'],
  ['closes_at', 'text'],
  ['contact_phone', 'text'],
  ['description', 'text'],
  ['photos', 'jsonb'],
  ['search_text', 'text'],
  ['rating_sum', 'int4'],
  ['rating_count', 'int4'],
  ['is_demo', 'bool'],
]

interface CareModeRow {
  mode: string
  fee_fen: number
  unit: string
}
interface ClassRow {
  class_type: string
  class_count: number
  capacity: number
  enrolled: number
}
interface InspectionRow {
  id: string
  inspected_on: string
  authority: string
  result: string
  summary: string
}
interface RectificationRow {
  id: string
  issued_on: string
  due_on: string
  authority: string
  issue: string
  completed_on: string | null
}

/** An institution with its child rows, each list in a fixed order so two can be compared. */
interface StoredInstitution {
  row: InstitutionRow
  careModes: CareModeRow[]
  classes: ClassRow[]
  inspections: InspectionRow[]
  rectifications: RectificationRow[]
}

function toStored(record: InstitutionRecord, id: string): StoredInstitution {
  return {
    row: {
      id,
      name: record.name,
      kind: record.kind,
      district_code: record.districtCode,
      street: record.street,
      address: record.address,
      lat: record.location.lat,
      lng: record.location.lng,
      affordable: record.affordable,
      demonstration_level: record.demonstrationLevel,
      filing_number: record.filing.number,
      filed_on: record.filing.filedOn,
      filing_authority: record.filing.authority,
      filing_status: record.filing.status,
      min_age_months: record.ageRange.minMonths,
      max_age_months: record.ageRange.maxMonths,
      capacity: record.capacity,
      enrolled: record.enrolled,
      hours_days: record.hours.days,
      opens_at: record.hours.opensAt,
      closes_at: record.hours.closesAt,
      contact_phone: record.contactPhone,
      description: record.description,
      photos: record.photos,
      search_text: buildSearchText(record.name, record.address, record.street),
      rating_sum: record.ratingSum,
      rating_count: record.ratingCount,
      is_demo: record.isDemo,
    },
    careModes: sortBy(
      record.careModes.map((m) => ({ mode: m.mode, fee_fen: m.fee, unit: m.unit })),
      (m) => m.mode,
    ),
    classes: sortBy(
      record.classes.map((c) => ({ class_type: c.type, class_count: c.classCount, capacity: c.capacity, enrolled: c.enrolled })),
      (c) => c.class_type,
    ),
    inspections: sortBy(
      record.inspections.map((i) => ({
        id: i.id,
        inspected_on: i.inspectedOn,
        authority: i.authority,
        result: i.result,
        summary: i.summary,
      })),
      (i) => i.id,
    ),
    rectifications: sortBy(
      record.rectifications.map((r) => ({
        id: r.id,
        issued_on: r.issuedOn,
        due_on: r.dueOn,
        authority: r.authority,
        issue: r.issue,
        completed_on: r.completedOn,
      })),
      (r) => r.id,
    ),
  }
}

/** What is stored for these filing numbers, child rows included, keyed by filing number. */
async function loadStored(tx: Queryable, filingNumbers: string[]): Promise<Map<string, StoredInstitution>> {
  const found = new Map<string, StoredInstitution>()
  const rows = await tx.query<InstitutionRow>(
    `select ${COLUMNS.map(([name]) => name).join(', ')} from institutions where filing_number = any($1::text[])`,
    [filingNumbers],
  )
  if (rows.rows.length === 0) return found
  const byId = new Map<string, StoredInstitution>()
  for (const row of rows.rows) {
    const stored: StoredInstitution = { row, careModes: [], classes: [], inspections: [], rectifications: [] }
    found.set(row.filing_number, stored)
    byId.set(row.id, stored)
  }
  const ids = [...byId.keys()]
  const careModes = await tx.query<CareModeRow & { institution_id: string }>(
    'select institution_id, mode, fee_fen, unit from institution_care_modes where institution_id = any($1::text[])',
    [ids],
  )
  for (const { institution_id, ...m } of careModes.rows) byId.get(institution_id)!.careModes.push(m)
  const classes = await tx.query<ClassRow & { institution_id: string }>(
    `select institution_id, class_type, class_count, capacity, enrolled from institution_classes
     where institution_id = any($1::text[])`,
    [ids],
  )
  for (const { institution_id, ...c } of classes.rows) byId.get(institution_id)!.classes.push(c)
  const inspections = await tx.query<InspectionRow & { institution_id: string }>(
    `select institution_id, id, inspected_on, authority, result, summary from inspections
     where institution_id = any($1::text[])`,
    [ids],
  )
  for (const { institution_id, ...i } of inspections.rows) byId.get(institution_id)!.inspections.push(i)
  const rectifications = await tx.query<RectificationRow & { institution_id: string }>(
    `select institution_id, id, issued_on, due_on, authority, issue, completed_on from rectification_notices
     where institution_id = any($1::text[])`,
    [ids],
  )
  for (const { institution_id, ...r } of rectifications.rows) byId.get(institution_id)!.rectifications.push(r)
  // Sorted here, in the same order toStored uses: the database's collation may order text differently.
  for (const stored of byId.values()) {
    stored.careModes = sortBy(stored.careModes, (m) => m.mode)
    stored.classes = sortBy(stored.classes, (c) => c.class_type)
    stored.inspections = sortBy(stored.inspections, (i) => i.id)
    stored.rectifications = sortBy(stored.rectifications, (r) => r.id)
  }
  return found
}

function sameContent(a: StoredInstitution, b: StoredInstitution): boolean {
  // Keys are built in one fixed order on both sides, so JSON text compares the values.
  const rowKey = (s: StoredInstitution) => JSON.stringify(COLUMNS.map(([name]) => s.row[name]))
  const childKey = (s: StoredInstitution) =>
    JSON.stringify([
      s.careModes.map((m) => [m.mode, m.fee_fen, m.unit]),
      s.classes.map((c) => [c.class_type, c.class_count, c.capacity, c.enrolled]),
      s.inspections.map((i) => [i.id, i.inspected_on, i.authority, i.result, i.summary]),
      s.rectifications.map((r) => [r.id, r.issued_on, r.due_on, r.authority, r.issue, r.completed_on]),
    ])
  return rowKey(a) === rowKey(b) && childKey(a) === childKey(b)
}

/*
 * Every column travels as a text[] and is cast in SQL. PGlite serialises text arrays
 * several times faster than int/float/bool arrays, and Postgres parses the text of
 * each element with the column type's own input function either way.
 */
function textArray(values: unknown[]): Array<string | null> {
  return values.map((v) => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v)))
}

function columnArrays(rows: InstitutionRow[]): Array<Array<string | null>> {
  return COLUMNS.map(([name]) => textArray(rows.map((row) => row[name])))
}

function unnestArguments(): string {
  return COLUMNS.map((_, i) => `$${i + 1}::text[]`).join(', ')
}

function selectColumns(): string {
  return COLUMNS.map(([name, type]) => (type === 'text' ? `u.${name}` : `u.${name}::${type}`)).join(', ')
}

async function insertRows(tx: Queryable, rows: InstitutionRow[]): Promise<void> {
  const names = COLUMNS.map(([name]) => name)
  await tx.query(
    `insert into institutions (${names.join(', ')})
     select ${selectColumns()} from unnest(${unnestArguments()}) as u(${names.join(', ')})`,
    columnArrays(rows),
  )
}

async function updateRows(tx: Queryable, rows: InstitutionRow[]): Promise<void> {
  const names = COLUMNS.map(([name]) => name)
  const assignments = COLUMNS.filter(([name]) => name !== 'id' && name !== 'filing_number')
    .map(([name, type]) => `${name} = u.${name}${type === 'text' ? '' : `::${type}`}`)
    .join(', ')
  await tx.query(
    `update institutions set ${assignments}, updated_at = now()
     from unnest(${unnestArguments()}) as u(${names.join(', ')})
     where institutions.id = u.id`,
    columnArrays(rows),
  )
}

async function insertChildren(tx: Queryable, institutions: StoredInstitution[]): Promise<void> {
  const careModes = institutions.flatMap((s) => s.careModes.map((m) => ({ id: s.row.id, ...m })))
  if (careModes.length > 0) {
    await tx.query(
      `insert into institution_care_modes (institution_id, mode, fee_fen, unit)
       select u.id, u.mode, u.fee::int4, u.unit from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as u(id, mode, fee, unit)`,
      [careModes.map((m) => m.id), careModes.map((m) => m.mode), textArray(careModes.map((m) => m.fee_fen)), careModes.map((m) => m.unit)],
    )
  }
  const classes = institutions.flatMap((s) => s.classes.map((c) => ({ id: s.row.id, ...c })))
  if (classes.length > 0) {
    await tx.query(
      `insert into institution_classes (institution_id, class_type, class_count, capacity, enrolled)
       select u.id, u.type, u.n::int4, u.capacity::int4, u.enrolled::int4
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as u(id, type, n, capacity, enrolled)`,
      [
        classes.map((c) => c.id),
        classes.map((c) => c.class_type),
        textArray(classes.map((c) => c.class_count)),
        textArray(classes.map((c) => c.capacity)),
        textArray(classes.map((c) => c.enrolled)),
      ],
    )
  }
  const inspections = institutions.flatMap((s) => s.inspections.map((i) => ({ institutionId: s.row.id, ...i })))
  if (inspections.length > 0) {
    await tx.query(
      `insert into inspections (id, institution_id, inspected_on, authority, result, summary)
       select u.id, u.institution_id, u.inspected_on::date, u.authority, u.result, u.summary
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         as u(id, institution_id, inspected_on, authority, result, summary)`,
      [
        inspections.map((i) => i.id),
        inspections.map((i) => i.institutionId),
        inspections.map((i) => i.inspected_on),
        inspections.map((i) => i.authority),
        inspections.map((i) => i.result),
        inspections.map((i) => i.summary),
      ],
    )
  }
  const rectifications = institutions.flatMap((s) => s.rectifications.map((r) => ({ institutionId: s.row.id, ...r })))
  if (rectifications.length > 0) {
    await tx.query(
      `insert into rectification_notices (id, institution_id, issued_on, due_on, authority, issue, completed_on)
       select u.id, u.institution_id, u.issued_on::date, u.due_on::date, u.authority, u.issue, u.completed_on::date
       from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         as u(id, institution_id, issued_on, due_on, authority, issue, completed_on)`,
      [
        rectifications.map((r) => r.id),
        rectifications.map((r) => r.institutionId),
        rectifications.map((r) => r.issued_on),
        rectifications.map((r) => r.due_on),
        rectifications.map((r) => r.authority),
        rectifications.map((r) => r.issue),
        rectifications.map((r) => r.completed_on),
      ],
    )
  }
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

function sortBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
