import { Database } from '@server/platform/db/database'
import { seedDemoData } from '@server/demo/demoData'
import { calibratedTotal } from '@server/demo/generator'
import { ensureDemoVacancies } from '@server/demo/demoVacancies'
import { openTestDatabase, TEST_BACKENDS, TestDatabase } from '../../support/database'

describe.each(TEST_BACKENDS)('seedDemoData on %s', (backend) => {
  let test: TestDatabase
  let db: Database

  beforeAll(async () => {
    test = await openTestDatabase(backend)
    db = test.db
  })
  afterAll(() => test.close())

  it('writes the five districts and their calibrated institutions', async () => {
    const result = await seedDemoData(db)
    expect(result).toMatchObject({ districts: 5, institutions: calibratedTotal() })
    const counts = await db.query<{ code: string; n: number; places: number }>(
      `select district_code as code, count(*)::int as n, sum(capacity)::int as places
       from institutions group by district_code order by district_code`,
    )
    expect(counts.rows.find((r) => r.code === '500112')).toEqual({ code: '500112', n: 117, places: 6_201 })
  })

  it('splits every demo institution’s vacancies per care mode and age band, adding up to its total, once', async () => {
    expect(await ensureDemoVacancies(db)).toBeGreaterThan(100)
    const mismatched = await db.query<{ id: string }>(
      `select i.id from institutions i
       left join (select institution_id, sum(vacancies)::int as total from institution_vacancies group by institution_id) v on v.institution_id = i.id
       where i.is_demo and coalesce(v.total, -1) <> greatest(i.capacity - i.enrolled, 0) and v.total is not null`,
    )
    expect(mismatched.rows).toEqual([])
    const unconfirmed = await db.query<{ n: number }>(`select count(*)::int as n from institutions where is_demo and vacancies_confirmed_at < now() - interval '14 days'`)
    expect(unconfirmed.rows[0].n).toBeGreaterThan(0)
    expect(await ensureDemoVacancies(db)).toBe(0)
  })

  it('makes an institution on 龙溪街道 findable by "lxjd"', async () => {
    const found = await db.query<{ street: string }>(`select street from institutions where search_text like '%' || $1 || '%'`, ['lxjd'])
    expect(found.rows.length).toBeGreaterThan(0)
    expect(found.rows.some((r) => r.street === '龙溪街道')).toBe(true)
  })

  it('gives every rating as real review rows: each institution\'s count and sum are its reviews\'', async () => {
    const reviews = await db.query<{ n: number }>(`select count(*)::int as n from reviews`)
    expect(reviews.rows[0].n).toBeGreaterThan(1000)
    const disagreeing = await db.query<{ id: string }>(
      `select i.id from institutions i
         left join (select institution_id, count(*)::int as n, sum(overall)::int as total from reviews group by institution_id) r on r.institution_id = i.id
        where i.rating_count <> coalesce(r.n, 0) or i.rating_sum <> coalesce(r.total, 0)`,
    )
    expect(disagreeing.rows).toEqual([])
  })

  it('changes nothing when run again with the same seed', async () => {
    const before = await db.query('select id, updated_at from institutions order by id')
    const again = await seedDemoData(db)
    expect(again.changes).toEqual({ inserted: 0, updated: 0, unchanged: calibratedTotal() })
    expect((await db.query('select id, updated_at from institutions order by id')).rows).toEqual(before.rows)
  })
})
