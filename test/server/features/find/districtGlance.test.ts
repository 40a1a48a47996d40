import { DistrictGlanceSchema, GlanceFigure } from '@domain/districtGlance'
import { districtGlance } from '@server/features/find/districtGlance'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { generateInstitutions, TEST_DISTRICTS, YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { signInParent, TestSession } from '@test/support/session'
import { signInRegulator } from '@test/support/staffAccounts'
import { fileComplaint } from '../complaint/complaintFixtures'

const VALID_PLAN = {
  population: 2_000_000,
  populationSource: '测试：区统计公报',
  placesPerThousandTarget: 4.5,
  affordableShareTarget: 0.6,
  certifiedStaffShareTarget: 0.9,
  complaintsInTimeTarget: null,
  reportedPlacesPerThousand: 3.94,
  targetsSource: '测试：区托育服务规划',
}

describe.each(TEST_BACKENDS)('the regulator’s district at a glance on %s', (backend) => {
  let t: TestApp
  let regulator: TestSession
  const records = generateInstitutions(60, 7)
  const filed = records.filter((r) => r.districtCode === YUBEI.code && r.filing.status === 'filed')
  const capacity = filed.reduce((sum, r) => sum + r.capacity, 0)

  beforeAll(async () => {
    t = await openTestApp(backend)
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, records)
    regulator = await signInRegulator(t, YUBEI.code)
  })
  afterAll(() => t.close())

  const glance = async () => {
    const response = await t.app.inject({ url: '/api/v1/staff/district-glance', headers: regulator.headers })
    expect(response.statusCode).toBe(200)
    const body = DistrictGlanceSchema.parse(response.json())
    return { ...body, figure: (key: string) => body.figures.find((f) => f.key === key) as GlanceFigure }
  }

  it('starts from what the district published: 渝北 reports 3.94 but no population, so nothing is divided by a guess', async () => {
    const { plan, figure, districtName } = await glance()
    expect(districtName).toBe(YUBEI.name)
    expect(plan).toMatchObject({ population: null, reportedPlacesPerThousand: 3.94, updatedAt: null })
    expect(figure('places_per_thousand')).toMatchObject({ value: null, display: '未填写常住人口，无法计算', note: '区县公布：3.94' })
  })

  it('computes each figure from the same counts as the public overview, with the formula and counts', async () => {
    const { figure } = await glance()
    const affordable = filed.filter((r) => r.affordable).reduce((sum, r) => sum + r.capacity, 0)
    expect(figure('affordable_share').value).toBeCloseTo(affordable / capacity, 10)
    expect(figure('affordable_share').counts).toEqual([
      { label: '普惠机构的托位', value: affordable.toLocaleString('en-US') },
      { label: '托位总数', value: capacity.toLocaleString('en-US') },
    ])
    expect(figure('vacancies').value).toBe(filed.reduce((sum, r) => sum + Math.max(r.capacity - r.enrolled, 0), 0))
    const districts = (await t.app.inject({ url: '/api/v1/districts' })).json() as { items: Array<{ code: string; medianFees: Array<{ mode: string; fee: number }> }> }
    for (const median of districts.items.find((d) => d.code === YUBEI.code)!.medianFees) {
      expect(figure(`median_fee_${median.mode}`).value).toBe(median.fee)
    }
  })

  it('lets the regulator set the population and targets, recomputes places per 1,000 and audits the change', async () => {
    const saved = await t.app.inject({ method: 'PUT', url: '/api/v1/staff/district-plan', headers: regulator.headers, payload: VALID_PLAN })
    expect(saved.statusCode).toBe(200)
    expect(saved.json()).toMatchObject({ ...VALID_PLAN, districtCode: YUBEI.code, updatedAt: expect.any(String) })
    const { figure } = await glance()
    const expected = Math.round((capacity / 2_000_000) * 1000 * 100) / 100
    expect(figure('places_per_thousand')).toMatchObject({ value: expected, target: { value: 4.5 }, meets: expected >= 4.5 })
    const audit = await t.db.query<{ action: string; subject_id: string; detail: { before: { population: number | null }; after: { population: number } } }>(
      `select action, subject_id, detail from audit_log where action = 'district_plan.update'`,
    )
    expect(audit.rows).toEqual([{ action: 'district_plan.update', subject_id: YUBEI.code, detail: expect.objectContaining({ before: expect.objectContaining({ population: null }), after: expect.objectContaining({ population: 2_000_000 }) }) }])
  })

  it('counts the open days held this month: started, in the district, not cancelled', async () => {
    const institutionId = filed[0].id
    const insert = (id: string, startsAt: string, status: string) =>
      t.db.query(
        `insert into slots (id, institution_id, kind, title, starts_at, ends_at, capacity, booked, status, requires_confirmation)
         values ($1, $2, 'open_day', '开放日', $3::timestamptz, $3::timestamptz + interval '2 hours', 10, 0, $4, false)`,
        [id, institutionId, startsAt, status],
      )
    await insert('glance-held', '2026-11-03T09:00:00+08:00', 'open')
    await insert('glance-cancelled', '2026-11-04T09:00:00+08:00', 'cancelled')
    await insert('glance-last-month', '2026-10-31T09:00:00+08:00', 'open')
    await insert('glance-later', '2026-11-25T09:00:00+08:00', 'open')
    const { figures } = await districtGlance(t.db, YUBEI.code, new Date('2026-11-20T12:00:00+08:00'))
    expect(figures.find((f) => f.key === 'open_days_this_month')).toMatchObject({ value: 1, formula: '2026年11月已开始、未取消的开放日场次' })
  })

  it('counts complaints closed by their deadline against every complaint whose deadline has come', async () => {
    const parent = await signInParent(t.app)
    const [inTime, late, overdue] = [
      await fileComplaint(t.app, parent, { institutionId: filed[0].id }),
      await fileComplaint(t.app, parent, { institutionId: filed[0].id }),
      await fileComplaint(t.app, parent, { institutionId: filed[0].id }),
    ]
    await fileComplaint(t.app, parent, { institutionId: filed[0].id }) // open, deadline still ahead: not counted
    // The states are set directly: this is about counting them, not about the state machine.
    await t.db.query(`update complaints set status = 'resolved', resolved_at = due_by - interval '1 day' where tracking_no = $1`, [inTime.trackingNo])
    await t.db.query(`update complaints set status = 'rejected', resolved_at = due_by + interval '1 day' where tracking_no = $1`, [late.trackingNo])
    await t.db.query(`update complaints set due_by = now() - interval '1 hour' where tracking_no = $1`, [overdue.trackingNo])
    const f = (await glance()).figure('complaints_in_time')
    expect(f.counts).toEqual([
      { label: '期限内办结', value: '1' },
      { label: '超期办结', value: '1' },
      { label: '超期未办结', value: '1' },
    ])
    expect(f).toMatchObject({ value: 1 / 3, display: '33.3%' })
  })

  it('refuses bad plans with a Chinese message and changes nothing', async () => {
    const put = (payload: Record<string, unknown>, who: TestSession = regulator) => t.app.inject({ method: 'PUT', url: '/api/v1/staff/district-plan', headers: who.headers, payload })
    const share = await put({ ...VALID_PLAN, population: 1_500_000, affordableShareTarget: 60 })
    expect(share.statusCode).toBe(400)
    expect(share.json().error.message).toContain('60% 请填 0.6')
    const text = await put({ ...VALID_PLAN, population: '两百万' })
    expect(text.statusCode).toBe(400)
    expect(text.json().error.message).toContain('常住人口应为整数')
    expect((await put({ ...VALID_PLAN, extra: 1 })).statusCode).toBe(400)
    expect((await glance()).plan.population).toBe(2_000_000)
  })

  it('is for the district’s regulator only', async () => {
    const parent = await signInParent(t.app)
    expect((await t.app.inject({ url: '/api/v1/staff/district-glance', headers: parent.headers })).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/v1/staff/district-glance' })).statusCode).toBe(401)
    expect((await t.app.inject({ method: 'PUT', url: '/api/v1/staff/district-plan', headers: parent.headers, payload: VALID_PLAN })).statusCode).toBe(403)
  })
})
