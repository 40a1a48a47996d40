import { boundingBox } from '@domain/geo'
import { feeBasisModes, InstitutionSearch, normaliseSearchText, RATING_PRIOR_COUNT, RATING_PRIOR_MEAN } from '@domain/search'
import { ageBandOf } from '@domain/vacancies'
import { Queryable } from '../../platform/db/database'
import { containsPattern, SqlParams } from '../../platform/db/sqlParams'
import { RATING_AVERAGE, SUMMARY_COLUMNS, SummaryRow } from './institutionRows'

/** Where the previous page ended: its last row's sort key and id. */
export interface SearchPosition {
  sortKey: number
  id: string
}

export interface SearchRow extends SummaryRow {
  distance_km: number | null
  sort_key: number
}

/** The fee sort's key when no relevant fee exists: compareForSort's Number.MAX_SAFE_INTEGER. */
const NO_FEE = Number.MAX_SAFE_INTEGER

/** 6371.0088 km, the mean Earth radius src/domain/geo.ts uses, so both sides agree. */
const EARTH_RADIUS_KM = 6371.0088

/**
 * One page of filed institutions matching every filter, ordered as compareForSort in
 * src/domain/search.ts orders them. Every sort is expressed as an ascending key plus
 * id, so one keyset condition pages all of them:
 *   distance — the distance shown (km, rounded half-up to 2 decimals)
 *   fee      — the lowest fee on the fee basis (feeBasisModes)
 *   rating   — minus ratingRank, the Bayesian average (no rating counts as 0)
 * The inner query finds the page's ids; the outer one builds only those rows.
 */
/** Only (within: true) or all but (within: false) these institutions: the 可预约 filter. */
export interface IdList {
  ids: string[]
  within: boolean
}

export async function searchInstitutions(
  db: Queryable,
  search: InstitutionSearch,
  after: SearchPosition | undefined,
  pageSize: number,
  idList?: IdList,
): Promise<SearchRow[]> {
  const p = new SqlParams()
  const where: string[] = [`i.filing_status = 'filed'`]
  if (idList) where.push(`${idList.within ? '' : 'not '}(i.id = any(${p.add(idList.ids)}::text[]))`)
  const modes = search.careModes.length > 0 ? p.add(search.careModes) : undefined

  let distance = 'null::float8'
  if (search.origin) {
    const { lat, lng } = search.origin
    const radius = search.radiusKm ?? Number.POSITIVE_INFINITY
    const box = boundingBox(search.origin, radius)
    // The box lets the (lat, lng) index discard far rows before any trigonometry.
    where.push(`i.lat between ${p.add(box.minLat)} and ${p.add(box.maxLat)}`)
    where.push(`i.lng between ${p.add(box.minLng)} and ${p.add(box.maxLng)}`)
    const latP = p.add(lat)
    const lngP = p.add(lng)
    distance = `2 * ${EARTH_RADIUS_KM} * asin(least(1, sqrt(
        power(sin(radians(i.lat - ${latP}::float8) / 2), 2)
        + cos(radians(${latP}::float8)) * cos(radians(i.lat)) * power(sin(radians(i.lng - ${lngP}::float8) / 2), 2))))`
    where.push(`g.distance_km <= ${p.add(radius)}`)
  }

  // Postgres text cannot hold NUL, so no stored row can match a value containing one;
  // saying so here keeps such input from reaching the driver, where it is an error.
  const holdsNul = (text: string | undefined) => text !== undefined && text.includes('\u0000')
  if (holdsNul(search.district) || holdsNul(search.q)) where.push('false')
  if (search.district && !holdsNul(search.district)) {
    const district = p.add(search.district)
    where.push(`(i.district_code = ${district} or i.district_code in (select code from districts where name = ${district}))`)
  }
  if (modes) where.push(`exists (select 1 from institution_care_modes m where m.institution_id = i.id and m.mode = any(${modes}::text[]))`)
  // The fee sort and maxFee read only the fee basis (feeBasisModes): one unit, never ¥/小时 against ¥/月.
  const basis = search.sort === 'fee' || search.maxFee !== undefined ? p.add(feeBasisModes(search.careModes)) : undefined
  if (search.maxFee !== undefined) {
    where.push(`exists (select 1 from institution_care_modes m where m.institution_id = i.id and m.mode = any(${basis}::text[]) and m.fee_fen <= ${p.add(search.maxFee)})`)
  }
  if (search.affordable !== undefined) where.push(`i.affordable = ${p.add(search.affordable)}`)
  if (search.ageMonths !== undefined) {
    const age = p.add(search.ageMonths)
    where.push(`i.min_age_months <= ${age} and i.max_age_months >= ${age}`)
  }
  if (search.hasVacancy === true) {
    // hasVacancyFor of src/domain/vacancies.ts: a cell for the chosen modes and the child's band,
    // or the total alone where staff never broke it down.
    const band = search.ageMonths === undefined ? null : ageBandOf(search.ageMonths)
    const cell = `v.institution_id = i.id and v.vacancies > 0`
    const wanted = [
      modes ? `v.care_mode = any(${modes}::text[])` : 'true',
      search.ageMonths === undefined ? 'true' : band === null ? 'false' : `v.age_band = ${p.add(band)}`,
    ].join(' and ')
    where.push(`i.capacity - i.enrolled > 0`)
    where.push(`(not exists (select 1 from institution_vacancies v where ${cell}) or exists (select 1 from institution_vacancies v where ${cell} and ${wanted}))`)
  }
  if (search.hasVacancy === false) where.push('i.capacity - i.enrolled <= 0')
  if (search.kind) where.push(`i.kind = ${p.add(search.kind)}`)
  if (search.q) {
    const text = normaliseSearchText(search.q)
    if (text && !holdsNul(text)) where.push(`i.search_text like ${p.add(containsPattern(text))} escape '\\'`)
  }

  let sortKey: string
  switch (search.sort) {
    case 'distance':
      sortKey = 'floor(g.distance_km * 100 + 0.5) / 100'
      break
    case 'fee':
      sortKey = `coalesce((select min(m.fee_fen) from institution_care_modes m
          where m.institution_id = i.id and m.mode = any(${basis}::text[]))::float8, ${NO_FEE})`
      break
    case 'rating':
      // ratingRank of src/domain/search.ts, same operations in the same order as in JavaScript.
      sortKey = `-coalesce((${RATING_PRIOR_COUNT * RATING_PRIOR_MEAN}::float8 + (${RATING_AVERAGE}) * i.rating_count) / (${RATING_PRIOR_COUNT} + i.rating_count), 0)`
      break
  }

  if (after) {
    const key = p.add(after.sortKey)
    where.push(`(k.sort_key > ${key}::float8 or (k.sort_key = ${key}::float8 and i.id collate "C" > ${p.add(after.id)}))`)
  }

  // Ids compare byte-wise (collate "C"), as JavaScript's < does for the ASCII ids we issue.
  const sql = `
    select ${SUMMARY_COLUMNS}, page.distance_km, page.sort_key
    from (
      select i.id, g.distance_km, k.sort_key
      from institutions i
      cross join lateral (select ${distance} as distance_km) g
      cross join lateral (select ${sortKey} as sort_key) k
      where ${where.join('\n        and ')}
      order by k.sort_key, i.id collate "C"
      limit ${p.add(pageSize)}
    ) page
    join institutions i on i.id = page.id
    join districts d on d.code = i.district_code
    order by page.sort_key, page.id collate "C"`
  const result = await db.query<SearchRow>(sql, p.values)
  return result.rows
}
