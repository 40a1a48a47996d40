import { CareMode } from '@domain/careMode'
import { AgeBand, bandsWithin, VacancyCell } from '@domain/vacancies'
import { Database } from '../platform/db/database'
import { bumpSearchIndexVersion } from '../features/find/searchIndexVersion'
import { createRandom } from './random'

/*
 * Demo vacancies per care mode × age band (issue 9): each demo institution's total
 * (capacity − enrolled, calibrated by the generator) split over the modes it offers and
 * the bands its age range takes, so the cells always add up to the total the lists show.
 * Most places are 全日托 and for the older bands, as in the published figures; the
 * confirmation dates spread over three weeks so some show as unconfirmed (> 14 days).
 */

const MODE_WEIGHT: Record<CareMode, number> = { full_day: 6, half_day: 3, hourly: 1, temporary: 1 }
const BAND_WEIGHT: Record<AgeBand, number> = { infant: 1, toddler: 3, preschool: 3 }
export const DEMO_CONFIRMED_WITHIN_DAYS = 21

export interface DemoVacancyInput {
  id: string
  total: number
  modes: CareMode[]
  minMonths: number
  maxMonths: number
}

/** Seeded by the id, so the same institution always gets the same split. */
export function splitDemoVacancies(input: DemoVacancyInput): { cells: VacancyCell[]; confirmedDaysAgo: number } {
  let seed = 0
  for (const char of input.id) seed = (Math.imul(seed, 31) + char.charCodeAt(0)) >>> 0
  const random = createRandom(seed)
  const cells: VacancyCell[] = []
  for (const careMode of input.modes) for (const ageBand of bandsWithin({ minMonths: input.minMonths, maxMonths: input.maxMonths })) cells.push({ careMode, ageBand, vacancies: 0 })
  const weights = cells.map((c) => MODE_WEIGHT[c.careMode] * BAND_WEIGHT[c.ageBand])
  const sum = weights.reduce((a, b) => a + b, 0)
  for (let place = 0; place < input.total && cells.length > 0; place++) {
    let pick = random.next() * sum
    let i = 0
    while (i < cells.length - 1 && pick >= weights[i]) pick -= weights[i++]
    cells[i].vacancies += 1
  }
  return { cells, confirmedDaysAgo: random.int(0, DEMO_CONFIRMED_WITHIN_DAYS) }
}

/** Gives every demo institution without cells its split; returns how many institutions it filled. */
export async function ensureDemoVacancies(db: Database, now: Date = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; total: number; modes: CareMode[]; min_age_months: number; max_age_months: number }>(
      `select i.id, greatest(i.capacity - i.enrolled, 0) as total, i.min_age_months, i.max_age_months,
         array(select m.mode from institution_care_modes m where m.institution_id = i.id order by m.mode) as modes
       from institutions i
       where i.is_demo and not exists (select 1 from institution_vacancies v where v.institution_id = i.id)`,
    )
    const ids: string[] = []
    const modes: string[] = []
    const bands: string[] = []
    const counts: number[] = []
    const confirmed: string[] = []
    const institutionIds: string[] = []
    const institutionConfirmed: string[] = []
    for (const row of rows) {
      const { cells, confirmedDaysAgo } = splitDemoVacancies({ id: row.id, total: row.total, modes: row.modes, minMonths: row.min_age_months, maxMonths: row.max_age_months })
      // A split that cannot hold the total (no mode or band) is left to the total alone.
      if (cells.length === 0 || cells.reduce((s, c) => s + c.vacancies, 0) !== row.total) continue
      const at = new Date(now.getTime() - confirmedDaysAgo * 86_400_000).toISOString()
      institutionIds.push(row.id)
      institutionConfirmed.push(at)
      for (const cell of cells) {
        ids.push(row.id)
        modes.push(cell.careMode)
        bands.push(cell.ageBand)
        counts.push(cell.vacancies)
        confirmed.push(at)
      }
    }
    if (institutionIds.length === 0) return 0
    await tx.query(
      `insert into institution_vacancies (institution_id, care_mode, age_band, vacancies, confirmed_at)
       select unnest($1::text[]), unnest($2::text[]), unnest($3::text[]), unnest($4::int[]), unnest($5::timestamptz[])
       on conflict do nothing`,
      [ids, modes, bands, counts, confirmed],
    )
    await tx.query(
      `update institutions i set vacancies_confirmed_at = c.at
       from (select unnest($1::text[]) as id, unnest($2::timestamptz[]) as at) c
       where i.id = c.id and i.vacancies_confirmed_at is null`,
      [institutionIds, institutionConfirmed],
    )
    await bumpSearchIndexVersion(tx)
    return institutionIds.length
  })
}
