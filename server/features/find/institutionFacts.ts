import { factFreshness, InstitutionFacts, InstitutionFactsBody } from '@domain/institutionFacts'
import { inShanghai } from '@domain/shanghaiTime'
import { Database, Queryable } from '../../platform/db/database'
import { ApiError } from '../../platform/http/apiError'
import { bumpSearchIndexVersion } from './searchIndexVersion'

/*
 * An institution's own facts (issue 9): vacancies confirmed by its staff, and staffing.
 * Vacancies are capacity − enrolled, so confirming N vacancies sets enrolled; search
 * shows vacancies, so the search index version is bumped in the same transaction.
 */

interface FactsRow {
  capacity: number
  enrolled: number
  vacancies_confirmed_at: Date | null
  staff_count: number | null
  certified_staff_count: number | null
  staffing_updated_at: Date | null
}

async function findFactsRow(db: Queryable, institutionId: string): Promise<FactsRow | undefined> {
  const result = await db.query<FactsRow>(
    `select capacity, enrolled, vacancies_confirmed_at, staff_count, certified_staff_count, staffing_updated_at from institutions where id = $1`,
    [institutionId],
  )
  return result.rows[0]
}

export async function institutionFacts(db: Queryable, institutionId: string, now: Date = new Date()): Promise<InstitutionFacts> {
  const row = await findFactsRow(db, institutionId)
  if (!row) throw new ApiError('NOT_FOUND', '没有找到这家机构')
  return toFacts(row, now)
}

/** PUT /api/v1/staff/institution/facts — the staff member's own institution only. */
export async function updateInstitutionFacts(db: Database, institutionId: string, body: InstitutionFactsBody, now: Date = new Date()): Promise<InstitutionFacts> {
  return db.transaction(async (tx) => {
    const current = await findFactsRow(tx, institutionId)
    if (!current) throw new ApiError('NOT_FOUND', '没有找到这家机构')
    if (body.vacancies > current.capacity) {
      throw new ApiError('VALIDATION', `空位数不能多于核定托位 ${current.capacity} 个`, { 'body.vacancies': `空位数不能多于核定托位 ${current.capacity} 个` })
    }
    await tx.query(
      `update institutions set enrolled = capacity - $2, vacancies_confirmed_at = $3, updated_at = now(),
         staff_count = coalesce($4, staff_count), certified_staff_count = coalesce($5, certified_staff_count),
         staffing_updated_at = case when $4::int is null then staffing_updated_at else $3 end
       where id = $1`,
      [institutionId, body.vacancies, now.toISOString(), body.staffCount ?? null, body.certifiedStaffCount ?? null],
    )
    await bumpSearchIndexVersion(tx)
    const row = await findFactsRow(tx, institutionId)
    return toFacts(row!, now)
  })
}

function toFacts(row: FactsRow, now: Date): InstitutionFacts {
  const confirmed = row.vacancies_confirmed_at ? inShanghai(row.vacancies_confirmed_at).format() : null
  const staffed = row.staff_count !== null && row.certified_staff_count !== null
  return {
    capacity: row.capacity,
    vacancies: row.capacity - row.enrolled,
    vacanciesConfirmedAt: confirmed,
    vacancyFreshness: factFreshness('空位信息', confirmed, now),
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
