import { SlotCreateBodySchema } from '@domain/slot'
import { inShanghai } from '@domain/shanghaiTime'
import { DEMO_SLOT_INSTITUTIONS_PER_DISTRICT, ensureDemoSlots, generateDemoSlots } from '@server/demo/demoSlots'
import { seedDemoData } from '@server/demo/demoData'
import { openTestDatabase, TEST_BACKENDS, TestDatabase } from '../../support/database'

const NOW = new Date('2026-11-23T10:00:00+08:00')

describe('demo slots', () => {
  const slots = generateDemoSlots(['yb-001', 'yb-002', 'dz-001'], NOW)

  it('are the same on every run for the same day', () => {
    expect(generateDemoSlots(['yb-001', 'yb-002', 'dz-001'], NOW)).toEqual(slots)
  })

  it('start after today and within the next four weeks, in Asia/Shanghai', () => {
    const dates = slots.map((slot) => inShanghai(slot.startsAt).format('YYYY-MM-DD'))
    expect(dates.every((d) => d > '2026-11-23' && d <= '2026-12-21')).toBe(true)
    expect(slots.every((slot) => slot.startsAt.endsWith('+08:00'))).toBe(true)
  })

  it('give every institution open days, and are valid slots by the staff schema', () => {
    for (const id of ['yb-001', 'yb-002', 'dz-001']) expect(slots.some((s) => s.institutionId === id && s.kind === 'open_day')).toBe(true)
    for (const slot of slots) expect(SlotCreateBodySchema.safeParse(slot).success).toBe(true)
    expect(new Set(slots.map((s) => s.id)).size).toBe(slots.length)
  })

  it('keep the days already written when generated a day later (ids by institution and date)', () => {
    const nextDay = generateDemoSlots(['yb-001'], new Date(NOW.getTime() + 86_400_000))
    const today = generateDemoSlots(['yb-001'], NOW)
    const shared = today.filter((slot) => nextDay.some((s) => s.id === slot.id))
    for (const slot of shared) expect(nextDay.find((s) => s.id === slot.id)).toEqual(slot)
    expect(shared.length).toBeGreaterThan(0)
  })
})

describe.each(TEST_BACKENDS)('ensureDemoSlots on %s', (backend) => {
  let test: TestDatabase

  beforeAll(async () => {
    test = await openTestDatabase(backend)
    await seedDemoData(test.db)
  })
  afterAll(() => test.close())

  it('adds the next weeks of slots to a few demo institutions per district, once', async () => {
    const added = await ensureDemoSlots(test.db, NOW)
    expect(added).toBeGreaterThan(0)
    expect(await ensureDemoSlots(test.db, NOW)).toBe(0)
    const perDistrict = await test.db.query<{ n: number }>(
      `select count(distinct s.institution_id)::int as n
       from slots s join institutions i on i.id = s.institution_id
       group by i.district_code`,
    )
    expect(perDistrict.rows).toHaveLength(5)
    expect(perDistrict.rows.every((row) => row.n >= 1 && row.n <= DEMO_SLOT_INSTITUTIONS_PER_DISTRICT)).toBe(true)
  })

  it('adds nothing where no institution is demo data', async () => {
    await test.db.query('update institutions set is_demo = false')
    await test.db.query('delete from slots')
    expect(await ensureDemoSlots(test.db, NOW)).toBe(0)
  })
})
