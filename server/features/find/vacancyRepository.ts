import { CareMode } from '@domain/careMode'
import { AgeBand, VacancyCell } from '@domain/vacancies'
import { Queryable } from '../../platform/db/database'

/** institution_vacancies: staff's vacancies per care mode × age band (migration 018). */

export interface VacancyCellRow {
  care_mode: CareMode
  age_band: AgeBand
  vacancies: number
  confirmed_at: Date
}

export async function listVacancyCells(db: Queryable, institutionId: string): Promise<VacancyCellRow[]> {
  const { rows } = await db.query<VacancyCellRow>(
    `select care_mode, age_band, vacancies, confirmed_at from institution_vacancies where institution_id = $1`,
    [institutionId],
  )
  return rows
}

/** Replaces the institution's cells with these, all confirmed at `at` (one editor writes them all). */
export async function replaceVacancyCells(db: Queryable, institutionId: string, cells: readonly VacancyCell[], at: Date): Promise<void> {
  await db.query(`delete from institution_vacancies where institution_id = $1`, [institutionId])
  if (cells.length === 0) return
  await db.query(
    `insert into institution_vacancies (institution_id, care_mode, age_band, vacancies, confirmed_at)
     select $1, unnest($2::text[]), unnest($3::text[]), unnest($4::int[]), $5`,
    [institutionId, cells.map((c) => c.careMode), cells.map((c) => c.ageBand), cells.map((c) => c.vacancies), at.toISOString()],
  )
}
