import { Queryable } from '../../platform/db/database'
import {
  CHILD_TABLES,
  ChildList,
  COLUMNS,
  Column,
  InstitutionRow,
  InstitutionRows,
  ScopeParts,
  sortChildren,
  StoredParts,
} from './institutionRecordRows'

/*
 * The SQL that reads and writes institutions and their child tables many at a time,
 * for institutionWriter.ts. Rows go in as multi-row `unnest` statements, because
 * 100,000 single-row inserts take minutes. Table and column names come from the
 * constant lists in institutionRecordRows.ts, never from input.
 */

/** What is stored for these filing numbers, limited to the scope's parts, keyed by filing number. */
export async function loadStored(tx: Queryable, filingNumbers: string[], parts: ScopeParts): Promise<Map<string, StoredParts>> {
  const found = new Map<string, StoredParts>()
  const rows = await tx.query<StoredParts['row']>(
    `select ${parts.columns.map(([name]) => name).join(', ')} from institutions where filing_number = any($1::text[])`,
    [filingNumbers],
  )
  if (rows.rows.length === 0) return found
  const byId = new Map<string, StoredParts>()
  for (const row of rows.rows) {
    const stored: StoredParts = { row, children: {} }
    found.set(row.filing_number, stored)
    byId.set(row.id, stored)
  }
  const ids = [...byId.keys()]
  for (const list of parts.children) {
    const { table, columns } = CHILD_TABLES[list]
    const children = await tx.query<Record<string, unknown> & { institution_id: string }>(
      `select institution_id, ${columns.map(([name]) => name).join(', ')} from ${table} where institution_id = any($1::text[])`,
      [ids],
    )
    const byInstitution = new Map<string, Array<Record<string, unknown>>>(ids.map((id) => [id, []]))
    for (const { institution_id, ...child } of children.rows) byInstitution.get(institution_id)!.push(child)
    for (const [id, listed] of byInstitution) byId.get(id)!.children[list] = sortChildren(list, listed)
  }
  return found
}

/** Inserts whole institutions: every column and every child list. */
export async function insertInstitutions(tx: Queryable, institutions: InstitutionRows[]): Promise<void> {
  const names = COLUMNS.map(([name]) => name)
  await tx.query(
    `insert into institutions (${names.join(', ')})
     select ${castColumns(COLUMNS)} from unnest(${unnestArguments(COLUMNS.length)}) as u(${names.join(', ')})`,
    columnArrays(COLUMNS, institutions.map((i) => i.row)),
  )
  await insertChildren(tx, institutions, ['careModes', 'classes', 'inspections', 'rectifications'])
}

/**
 * Updates the scope's columns of stored institutions (matched by id) and replaces the
 * scope's child lists wholesale. Columns and child tables outside the scope are not
 * touched. updated_at says when the row last changed.
 */
export async function updateInstitutions(tx: Queryable, institutions: InstitutionRows[], parts: ScopeParts): Promise<void> {
  const names = parts.columns.map(([name]) => name)
  const assignments = parts.columns
    .filter(([name]) => name !== 'id' && name !== 'filing_number')
    .map(([name, type]) => `${name} = ${cast(name, type)}`)
    .join(', ')
  await tx.query(
    `update institutions set ${assignments}, updated_at = now()
     from unnest(${unnestArguments(parts.columns.length)}) as u(${names.join(', ')})
     where institutions.id = u.id`,
    columnArrays(parts.columns, institutions.map((i) => i.row)),
  )
  const ids = institutions.map((i) => i.row.id)
  for (const list of parts.children) {
    await tx.query(`delete from ${CHILD_TABLES[list].table} where institution_id = any($1::text[])`, [ids])
  }
  await insertChildren(tx, institutions, parts.children)
}

async function insertChildren(tx: Queryable, institutions: InstitutionRows[], lists: readonly ChildList[]): Promise<void> {
  for (const list of lists) {
    const { table, columns } = CHILD_TABLES[list]
    const rows: Array<Record<string, unknown>> = institutions.flatMap((i) => {
      const listed: ReadonlyArray<Record<string, unknown>> = i.children[list]
      return listed.map((child) => ({ ...child, institution_id: i.row.id }))
    })
    if (rows.length === 0) continue
    const all: ReadonlyArray<readonly [string, string]> = [['institution_id', 'text'], ...columns]
    const names = all.map(([name]) => name).join(', ')
    await tx.query(
      `insert into ${table} (${names})
       select ${castColumns(all)} from unnest(${unnestArguments(all.length)}) as u(${names})`,
      all.map(([name]) => textArray(rows.map((row) => row[name]))),
    )
  }
}

/*
 * Every column travels as a text[] and is cast in SQL. PGlite serialises text arrays
 * several times faster than int/float/bool arrays, and Postgres parses the text of
 * each element with the column type's own input function either way.
 */
function textArray(values: unknown[]): Array<string | null> {
  return values.map((v) => (v === null || v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v)))
}

function columnArrays(columns: readonly Column[], rows: InstitutionRow[]): Array<Array<string | null>> {
  return columns.map(([name]) => textArray(rows.map((row) => row[name])))
}

function unnestArguments(count: number): string {
  return Array.from({ length: count }, (_, i) => `$${i + 1}::text[]`).join(', ')
}

function cast(name: string, type: string): string {
  return type === 'text' ? `u.${name}` : `u.${name}::${type}`
}

function castColumns(columns: ReadonlyArray<readonly [string, string]>): string {
  return columns.map(([name, type]) => cast(name, type)).join(', ')
}
