import { Database } from '../platform/db/database'
import { DemoAccountSpec, ensureDemoAccounts } from '../features/accounts/demoAccounts'

/*
 * The demo data's named 演示账号: each demo district's regulator, and an admin and a
 * staff member at the first two demo institutions of each district that take children
 * from 18 to 24 months (so the demo can book a trial and have it confirmed), not yet
 * rated ones first (so a demo review is visibly the first). Usable only
 * in demo mode (server/config.ts demoModeFrom).
 */

export const DEMO_STAFFED_INSTITUTIONS_PER_DISTRICT = 2

export async function ensureDemoStaffAccounts(db: Database): Promise<number> {
  const districts = await db.query<{ code: string; name: string }>(
    `select d.code, d.name from districts d where exists (select 1 from institutions i where i.district_code = d.code and i.is_demo) order by d.code`,
  )
  const institutions = await db.query<{ id: string; district_code: string }>(
    `select id, district_code from (
       select i.id, i.district_code, row_number() over (partition by i.district_code order by i.rating_count > 0, i.id) as n
       from institutions i
       where i.is_demo and i.filing_status = 'filed' and i.min_age_months <= 18 and i.max_age_months >= 24
     ) ranked where n <= $1 order by district_code, id`,
    [DEMO_STAFFED_INSTITUTIONS_PER_DISTRICT],
  )
  const specs: DemoAccountSpec[] = [
    ...districts.rows.map((d) => ({ key: `regulator-${d.code}`, nickname: `${d.name}卫健委 王科长`, role: 'regulator' as const, districtCode: d.code })),
    ...institutions.rows.flatMap((i) => [
      { key: `admin-${i.id}`, nickname: '园长 李老师', role: 'institution_admin' as const, institutionId: i.id },
      { key: `staff-${i.id}`, nickname: '保育师 张老师', role: 'institution_staff' as const, institutionId: i.id },
    ]),
  ]
  return ensureDemoAccounts(db, specs)
}
