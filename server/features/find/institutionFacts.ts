import { CARE_MODE_LABELS, CareMode } from '@domain/careMode'
import { factFreshness, InstitutionFacts, InstitutionFactsBody } from '@domain/institutionFacts'
import { inShanghai } from '@domain/shanghaiTime'
import { AGE_BAND_LABELS, bandsWithin, sortCells } from '@domain/vacancies'
import { Database, Queryable } from '../../platform/db/database'
import { ApiError } from '../../platform/http/apiError'
import { bumpSearchIndexVersion } from './searchIndexVersion'
import { listVacancyCells, replaceVacancyCells, VacancyCellRow } from './vacancyRepository'

/*
 * An institution's own facts (issue 9): vacancies per care mode × age band confirmed by
 * its staff, and staffing. The total is their sum and stays capacity − enrolled, so
 * confirming them sets enrolled (the saved-search alerts watch that); search shows and
 * filters by them, so the search index version is bumped in the same transaction.
 * This is the one vacancy editor (the former PUT /staff/places is gone).
 */

interface FactsRow {
  min_age_months: number
  max_age_months: number
  care_modes: CareMode[]
  capacity: number
  enrolled: number
  vacancies_confirmed_at: Date | null
  staff_count: number | null
  certified_staff_count: number | null
  staffing_updated_at: Date | null
  fees_updated_at: Date | null
  hours_updated_at: Date | null
  photos_updated_at: Date | null
}

async function findFactsRow(db: Queryable, institutionId: string): Promise<FactsRow | undefined> {
  const result = await db.query<FactsRow>(
    `select min_age_months, max_age_months, capacity, enrolled, vacancies_confirmed_at, staff_count, certified_staff_count, staffing_updated_at,
       fees_updated_at, hours_updated_at, photos_updated_at,
       array(select m.mode from institution_care_modes m where m.institution_id = i.id) as care_modes
     from institutions i where id = $1`,
    [institutionId],
  )
  return result.rows[0]
}

export async function institutionFacts(db: Queryable, institutionId: string, now: Date = new Date()): Promise<InstitutionFacts> {
  const row = await findFactsRow(db, institutionId)
  if (!row) throw new ApiError('NOT_FOUND', '没有找到这家机构')
  return toFacts(row, await listVacancyCells(db, institutionId), now)
}

/** PUT /api/v1/staff/institution/facts — the staff member's own institution only. */
export async function updateInstitutionFacts(db: Database, institutionId: string, body: InstitutionFactsBody, now: Date = new Date()): Promise<InstitutionFacts> {
  return db.transaction(async (tx) => {
    const current = await findFactsRow(tx, institutionId)
    if (!current) throw new ApiError('NOT_FOUND', '没有找到这家机构')
    checkCells(current, body)
    const total = body.vacancies.reduce((sum, cell) => sum + cell.vacancies, 0)
    await replaceVacancyCells(tx, institutionId, body.vacancies, now)
    await tx.query(
      `update institutions set enrolled = capacity - $2, vacancies_confirmed_at = $3, updated_at = now(),
         staff_count = coalesce($4, staff_count), certified_staff_count = coalesce($5, certified_staff_count),
         staffing_updated_at = case when $4::int is null then staffing_updated_at else $3 end
       where id = $1`,
      [institutionId, total, now.toISOString(), body.staffCount ?? null, body.certifiedStaffCount ?? null],
    )
    await bumpSearchIndexVersion(tx)
    const row = await findFactsRow(tx, institutionId)
    return toFacts(row!, await listVacancyCells(tx, institutionId), now)
  })
}

/** Only modes the institution offers, bands its age range takes, and no more places than it has: each a 400 saying which. */
function checkCells(current: FactsRow, body: InstitutionFactsBody): void {
  const bands = bandsWithin({ minMonths: current.min_age_months, maxMonths: current.max_age_months })
  body.vacancies.forEach((cell, i) => {
    if (!current.care_modes.includes(cell.careMode)) {
      const message = `本机构没有开设${CARE_MODE_LABELS[cell.careMode]}`
      throw new ApiError('VALIDATION', message, { [`body.vacancies.${i}.careMode`]: message })
    }
    if (!bands.includes(cell.ageBand)) {
      const message = `本机构不招收${AGE_BAND_LABELS[cell.ageBand]}年龄段的孩子`
      throw new ApiError('VALIDATION', message, { [`body.vacancies.${i}.ageBand`]: message })
    }
  })
  const total = body.vacancies.reduce((sum, cell) => sum + cell.vacancies, 0)
  if (total > current.capacity) {
    const message = `空位数不能多于核定托位 ${current.capacity} 个`
    throw new ApiError('VALIDATION', message, { 'body.vacancies': message })
  }
}

/** Fees and hours change rarely: older than a year reads as unconfirmed. */
const PROFILE_STALE_DAYS = 365
const at = (date: Date | null) => (date ? inShanghai(date).format() : null)

function toFacts(row: FactsRow, cells: VacancyCellRow[], now: Date): InstitutionFacts {
  const confirmed = row.vacancies_confirmed_at ? inShanghai(row.vacancies_confirmed_at).format() : null
  const staffed = row.staff_count !== null && row.certified_staff_count !== null
  return {
    capacity: row.capacity,
    vacancies: Math.max(0, row.capacity - row.enrolled),
    vacancyOptions: sortCells(
      row.care_modes.flatMap((careMode) => bandsWithin({ minMonths: row.min_age_months, maxMonths: row.max_age_months }).map((ageBand) => ({ careMode, ageBand }))),
    ),
    vacancyCells: sortCells(
      cells.map((cell) => {
        const at = inShanghai(cell.confirmed_at).format()
        return { careMode: cell.care_mode, ageBand: cell.age_band, vacancies: cell.vacancies, confirmedAt: at, freshness: factFreshness('空位信息', at, now) }
      }),
    ),
    vacanciesConfirmedAt: confirmed,
    vacancyFreshness: factFreshness('空位信息', confirmed, now),
    feesFreshness: factFreshness('收费信息', at(row.fees_updated_at), now, PROFILE_STALE_DAYS),
    hoursFreshness: factFreshness('服务时间', at(row.hours_updated_at), now, PROFILE_STALE_DAYS),
    photosFreshness: factFreshness('环境照片', at(row.photos_updated_at), now, PROFILE_STALE_DAYS),
    staffing: staffed
      ? {
          staffCount: row.staff_count!,
          certifiedStaffCount: row.certified_staff_count!,
          childrenPerCarer: row.staff_count! > 0 ? Math.round((row.enrolled / row.staff_count!) * 10) / 10 : null,
          certifiedShare: row.staff_count! > 0 ? Math.round((row.certified_staff_count! / row.staff_count!) * 1000) / 1000 : null,
          freshness: factFreshness('人员信息', row.staffing_updated_at ? inShanghai(row.staffing_updated_at).format() : null, now, 90),
        }
      : null,
  }
}
