import { InstitutionRecord } from '@domain/institutionRecord'
import { buildSearchText } from '../../platform/text/searchText'

/*
 * An InstitutionRecord as the rows it is stored in (institutions plus four child
 * tables), which of those rows each upsert scope owns, and a key that says whether two
 * versions differ in what a scope owns. Pure: the SQL that moves these rows is in
 * institutionTables.ts.
 */

/**
 * What an upsert may write over for an institution that is already stored:
 * - `whole_record`: the record is the whole truth (the demo seed) — every column and
 *   every child table, inspections, rectification notices and ratings included;
 * - `filing_fields`: only what an official filing list (备案名单) carries — its columns
 *   plus care modes and classes. Inspections, rectification notices, ratings and photos
 *   come from regulators, reviews and the institution, never from the list, so they are
 *   neither read, compared nor written.
 * New institutions are always inserted whole.
 */
export type UpsertScope = 'whole_record' | 'filing_fields'

type SqlType = 'text' | 'float8' | 'int4' | 'bool' | 'date' | 'jsonb'

/** One institutions row, in column order, as it is written and as it reads back. */
export type InstitutionRow = {
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

export type Column = readonly [keyof InstitutionRow, SqlType]

/** The columns and their types (for casting text arrays); order matches InstitutionRow. */
export const COLUMNS: readonly Column[] = [
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

type CareModeRow = { mode: string; fee_fen: number; unit: string }
type ClassRow = { class_type: string; class_count: number; capacity: number; enrolled: number }
type InspectionRow = { id: string; inspected_on: string; authority: string; result: string; summary: string }
type RectificationRow = { id: string; issued_on: string; due_on: string; authority: string; issue: string; completed_on: string | null }

/** An institution's child rows by table, each list in a fixed order so two can be compared. */
export interface ChildRows {
  careModes: CareModeRow[]
  classes: ClassRow[]
  inspections: InspectionRow[]
  rectifications: RectificationRow[]
}
export type ChildList = keyof ChildRows

export interface ChildTable {
  table: string
  /** Every column but institution_id, in the order the comparison key uses. */
  columns: ReadonlyArray<readonly [string, SqlType]>
  /** Unique per institution, so sorting by it gives one order on both sides. */
  sortKey: string
}

export const CHILD_TABLES: Record<ChildList, ChildTable> = {
  careModes: {
    table: 'institution_care_modes',
    columns: [['mode', 'text'], ['fee_fen', 'int4'], ['unit', 'text']],
    sortKey: 'mode',
  },
  classes: {
    table: 'institution_classes',
    columns: [['class_type', 'text'], ['class_count', 'int4'], ['capacity', 'int4'], ['enrolled', 'int4']],
    sortKey: 'class_type',
  },
  inspections: {
    table: 'inspections',
    columns: [['id', 'text'], ['inspected_on', 'date'], ['authority', 'text'], ['result', 'text'], ['summary', 'text']],
    sortKey: 'id',
  },
  rectifications: {
    table: 'rectification_notices',
    columns: [['id', 'text'], ['issued_on', 'date'], ['due_on', 'date'], ['authority', 'text'], ['issue', 'text'], ['completed_on', 'date']],
    sortKey: 'id',
  },
}

/** The columns and child tables a scope reads, compares and writes on an update. */
export interface ScopeParts {
  /** Always includes id and filing_number, which identify the row and are never updated. */
  columns: readonly Column[]
  children: readonly ChildList[]
}

/** Columns a filing list has no say in (docs/filing-list-csv.md lists what it does carry). */
const NOT_ON_FILING_LIST: ReadonlySet<keyof InstitutionRow> = new Set(['photos', 'rating_sum', 'rating_count'])

export const SCOPE_PARTS: Record<UpsertScope, ScopeParts> = {
  whole_record: { columns: COLUMNS, children: ['careModes', 'classes', 'inspections', 'rectifications'] },
  filing_fields: { columns: COLUMNS.filter(([name]) => !NOT_ON_FILING_LIST.has(name)), children: ['careModes', 'classes'] },
}

/** A record as rows: the institutions row and every child list. */
export interface InstitutionRows {
  row: InstitutionRow
  children: ChildRows
}

/** What is stored of one institution, limited to the parts of a scope (only compared, never written back). */
export interface StoredParts {
  row: Partial<InstitutionRow> & Pick<InstitutionRow, 'id' | 'filing_number'>
  children: Partial<Record<ChildList, ReadonlyArray<Record<string, unknown>>>>
}

export function toRows(record: InstitutionRecord, id: string): InstitutionRows {
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
    children: {
      careModes: sortChildren('careModes', record.careModes.map((m) => ({ mode: m.mode, fee_fen: m.fee, unit: m.unit }))),
      classes: sortChildren(
        'classes',
        record.classes.map((c) => ({ class_type: c.type, class_count: c.classCount, capacity: c.capacity, enrolled: c.enrolled })),
      ),
      inspections: sortChildren(
        'inspections',
        record.inspections.map((i) => ({ id: i.id, inspected_on: i.inspectedOn, authority: i.authority, result: i.result, summary: i.summary })),
      ),
      rectifications: sortChildren(
        'rectifications',
        record.rectifications.map((r) => ({
          id: r.id,
          issued_on: r.issuedOn,
          due_on: r.dueOn,
          authority: r.authority,
          issue: r.issue,
          completed_on: r.completedOn,
        })),
      ),
    },
  }
}

/**
 * Equal keys mean the two versions agree on everything the scope owns. Keys are built
 * in one fixed order on both sides, so JSON text compares the values.
 */
export function contentKey(institution: StoredParts | InstitutionRows, parts: ScopeParts): string {
  const row = parts.columns.map(([name]) => institution.row[name])
  const children = parts.children.map((list) => {
    const rows: ReadonlyArray<Record<string, unknown>> = institution.children[list] ?? []
    return rows.map((child) => CHILD_TABLES[list].columns.map(([name]) => child[name]))
  })
  return JSON.stringify([row, children])
}

/** The columns and child lists in which two versions differ (search_text follows name and address, so it is left out). */
export function differingParts(stored: StoredParts, wanted: InstitutionRows, parts: ScopeParts): Array<keyof InstitutionRow | ChildList> {
  const differing: Array<keyof InstitutionRow | ChildList> = []
  for (const [name] of parts.columns) {
    if (name !== 'search_text' && JSON.stringify(stored.row[name]) !== JSON.stringify(wanted.row[name])) differing.push(name)
  }
  for (const list of parts.children) {
    const key = (institution: StoredParts | InstitutionRows) =>
      JSON.stringify((institution.children[list] ?? []).map((child) => CHILD_TABLES[list].columns.map(([name]) => (child as Record<string, unknown>)[name])))
    if (key(stored) !== key(wanted)) differing.push(list)
  }
  return differing
}

/**
 * Sorted in JavaScript, on both the record's side and the database's: the database's
 * collation may order text differently.
 */
export function sortChildren<T extends Record<string, unknown>>(list: ChildList, rows: T[]): T[] {
  const key = (row: T) => String(row[CHILD_TABLES[list].sortKey])
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}
