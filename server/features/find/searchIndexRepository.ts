import { CARE_MODES, CareModeFee } from '@domain/careMode'
import { Queryable } from '../../platform/db/database'
import { OPEN_PLACES_JSON, RATING_AVERAGE, SummaryRow } from './institutionRows'

export interface SearchableRow extends SummaryRow {
  search_text: string
}

/**
 * The columns of SummaryRow (as the SQL search selects them) plus search_text, in the
 * order of the JSON arrays loadSearchableInstitutions returns; care_modes come apart.
 */
const COLUMNS = [
  ['id', 'i.id'],
  ['name', 'i.name'],
  ['kind', 'i.kind'],
  ['district_name', 'd.name'],
  ['district_code', 'i.district_code'],
  ['street', 'i.street'],
  ['address', 'i.address'],
  ['lat', 'i.lat'],
  ['lng', 'i.lng'],
  ['affordable', 'i.affordable'],
  ['filing_number', 'i.filing_number'],
  ['filing_status', 'i.filing_status'],
  ['min_age_months', 'i.min_age_months'],
  ['max_age_months', 'i.max_age_months'],
  ['capacity', 'i.capacity'],
  ['enrolled', 'i.enrolled'],
  ['rating_count', 'i.rating_count'],
  ['rating_average', RATING_AVERAGE],
  ['demonstration_level', 'i.demonstration_level'],
  ['is_demo', 'i.is_demo'],
  ['open_places', OPEN_PLACES_JSON],
  ['search_text', 'i.search_text'],
] as const satisfies ReadonlyArray<readonly [keyof SearchableRow, string]>

/**
 * Filed institutions for the in-memory search index (server/features/find/searchIndex/), a chunk at a
 * time in id order: pass the last id of the previous chunk. Short queries let other
 * requests (and /healthz) through between chunks on the single PGlite connection.
 *
 * Each chunk comes back as two JSON arrays in one row instead of thousands of rows:
 * on PGlite that is several times faster (the cost is per row of the wire protocol).
 * float8 prints in its shortest exact form in JSON, so coordinates survive exactly.
 * Care modes are ordered as CARE_MODES lists them, as SUMMARY_COLUMNS orders them.
 * They are read by the chunk's id range, not joined to the chunk: the join made the
 * planner hash the whole care-mode table once per chunk; the range reads its index.
 * (Modes of unfiled institutions in the range come along and are never looked up.)
 */
export async function loadSearchableInstitutions(db: Queryable, afterId: string | null, limit: number): Promise<SearchableRow[]> {
  const result = await db.query<{ institutions: unknown[][] | null; care_modes: Array<[string, CareModeFee['mode'], number, CareModeFee['unit']]> | null }>(
    `with chunk as (
       select ${COLUMNS.map(([name, expression]) => `${expression} as ${name}`).join(', ')}
       from institutions i
       join districts d on d.code = i.district_code
       where i.filing_status = 'filed' and ($1::text is null or i.id > $1::text)
       order by i.id
       limit $2
     )
     select
       (select json_agg(json_build_array(${COLUMNS.map(([name]) => `c.${name}`).join(', ')}) order by c.id) from chunk c) as institutions,
       (select json_agg(json_build_array(m.institution_id, m.mode, m.fee_fen, m.unit))
          from institution_care_modes m
          where ($1::text is null or m.institution_id > $1::text)
            and m.institution_id <= (select max(c.id) from chunk c)) as care_modes`,
    [afterId, limit],
  )
  const { institutions, care_modes } = result.rows[0] ?? { institutions: null, care_modes: null }
  const byInstitution = new Map<string, CareModeFee[]>()
  for (const [id, mode, fee, unit] of care_modes ?? []) {
    const list = byInstitution.get(id)
    if (list) list.push({ mode, fee, unit })
    else byInstitution.set(id, [{ mode, fee, unit }])
  }
  const order = (m: CareModeFee) => CARE_MODES.indexOf(m.mode)
  return (institutions ?? []).map((values) => {
    const row: Record<string, unknown> = {}
    for (let i = 0; i < COLUMNS.length; i++) row[COLUMNS[i][0]] = values[i]
    const id = row.id as string
    return { ...(row as Omit<SearchableRow, 'care_modes'>), care_modes: (byInstitution.get(id) ?? []).sort((a, b) => order(a) - order(b)) }
  })
}
