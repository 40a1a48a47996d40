import { UNIT_OF_CARE_MODE } from '@domain/careMode'
import { InstitutionFacts } from '@domain/institutionFacts'
import { InstitutionFeesBody, InstitutionHoursBody } from '@domain/institutionProfile'
import { Database } from '../../platform/db/database'
import { ApiError } from '../../platform/http/apiError'
import { institutionFacts } from './institutionFacts'
import { bumpSearchIndexVersion } from './searchIndexVersion'

/*
 * The institution's own 托育费 per care mode and opening hours (issue 9), kept by its
 * staff, each stamped with when so parents see how old it is. Fees are searched and
 * sorted on, so the search index version is bumped in the same transaction.
 */

/** PUT /api/v1/staff/institution/fees — replaces the modes offered and their fees. */
export async function updateInstitutionFees(db: Database, institutionId: string, body: InstitutionFeesBody, now: Date = new Date()): Promise<InstitutionFacts> {
  await db.transaction(async (tx) => {
    const locked = await tx.query(`select 1 from institutions where id = $1 for update`, [institutionId])
    if (locked.rows.length === 0) throw new ApiError('NOT_FOUND', '没有找到这家机构')
    const modes = body.careModes.map((m) => m.mode)
    await tx.query(`delete from institution_care_modes where institution_id = $1 and not (mode = any($2::text[]))`, [institutionId, modes])
    await tx.query(
      `insert into institution_care_modes (institution_id, mode, fee_fen, unit)
       select $1, unnest($2::text[]), unnest($3::int[]), unnest($4::text[])
       on conflict (institution_id, mode) do update set fee_fen = excluded.fee_fen, unit = excluded.unit`,
      [institutionId, modes, body.careModes.map((m) => m.fee), body.careModes.map((m) => UNIT_OF_CARE_MODE[m.mode])],
    )
    // A mode no longer offered has no vacancies: its cells go, and the total stays their sum.
    const dropped = await tx.query(`delete from institution_vacancies where institution_id = $1 and not (care_mode = any($2::text[]))`, [institutionId, modes])
    if (dropped.rowCount > 0) {
      await tx.query(
        `update institutions set enrolled = greatest(0, capacity - (select coalesce(sum(vacancies), 0) from institution_vacancies where institution_id = $1)) where id = $1`,
        [institutionId],
      )
    }
    await tx.query(`update institutions set fees_updated_at = $2, updated_at = now() where id = $1`, [institutionId, now.toISOString()])
    await bumpSearchIndexVersion(tx)
  })
  return institutionFacts(db, institutionId, now)
}

/** PUT /api/v1/staff/institution/hours. */
export async function updateInstitutionHours(db: Database, institutionId: string, body: InstitutionHoursBody, now: Date = new Date()): Promise<InstitutionFacts> {
  await db.transaction(async (tx) => {
    const updated = await tx.query(
      `update institutions set hours_days = $2, opens_at = $3, closes_at = $4, hours_updated_at = $5, updated_at = now() where id = $1`,
      [institutionId, body.days, body.opensAt, body.closesAt, now.toISOString()],
    )
    if (updated.rowCount === 0) throw new ApiError('NOT_FOUND', '没有找到这家机构')
    await bumpSearchIndexVersion(tx)
  })
  return institutionFacts(db, institutionId, now)
}
