import { InstitutionFactsSchema } from '@domain/institutionFacts'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'

describe.each(TEST_BACKENDS)('staff keep their fees and hours on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'profile-inst', capacity: 40, enrolled: 30 }])
  })
  afterAll(() => t.close())

  it('sets 托育费 per care mode, shows parents when, and re-indexes search', async () => {
    const before = await requestJson(t.app, 'GET', '/api/v1/institutions/profile-inst')
    expect(before.body).toMatchObject({ facts: { feesFreshness: { text: '收费信息未经机构确认' } } })
    const staff = await signInStaff(t, 'profile-inst')
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/fees', { careModes: [{ mode: 'full_day', fee: 198_000 }, { mode: 'temporary', fee: 15_000 }] }, staff.headers)
    expect(put.status).toBe(200)
    expect(InstitutionFactsSchema.parse(put.body).feesFreshness).toMatchObject({ daysAgo: 0, text: '收费信息今天更新' })
    await t.app.searchIndex.refresh()
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/profile-inst')
    expect((detail.body as { careModes: unknown[] }).careModes).toEqual([
      { mode: 'full_day', fee: 198_000, unit: 'per_month' },
      { mode: 'temporary', fee: 15_000, unit: 'per_day' },
    ])
    const cheap = await requestJson(t.app, 'GET', '/api/v1/institutions?maxFee=200000&careMode=full_day&limit=50')
    expect((cheap.body as { items: { id: string }[] }).items.map((i) => i.id)).toContain('profile-inst')
    const hourly = await requestJson(t.app, 'GET', '/api/v1/institutions?careMode=hourly&limit=50')
    expect((hourly.body as { items: { id: string }[] }).items.map((i) => i.id)).not.toContain('profile-inst')
  })

  it('drops the vacancy cells of a mode no longer offered, keeping the total their sum', async () => {
    const staff = await signInStaff(t, 'profile-inst')
    const cells = [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 2 }, { careMode: 'temporary', ageBand: 'preschool', vacancies: 3 }]
    expect((await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: cells }, staff.headers)).status).toBe(200)
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/fees', { careModes: [{ mode: 'full_day', fee: 198_000 }] }, staff.headers)
    expect(InstitutionFactsSchema.parse(put.body)).toMatchObject({ vacancies: 2, vacancyCells: [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 2 }] })
  })

  it('sets the hours parents see, and refuses bad fees and hours with a 400 saying why', async () => {
    const staff = await signInStaff(t, 'profile-inst')
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/hours', { days: '周一至周六', opensAt: '07:30', closesAt: '18:30' }, staff.headers)
    expect(put).toMatchObject({ status: 200, body: { hoursFreshness: { text: '服务时间今天更新' } } })
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/profile-inst')
    expect(detail.body).toMatchObject({ hours: { days: '周一至周六', opensAt: '07:30', closesAt: '18:30' } })

    const late = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/hours', { days: '周一至周五', opensAt: '18:00', closesAt: '08:00' }, staff.headers)
    expect(late).toMatchObject({ status: 400, body: { error: { fields: { 'body.closesAt': '关门时间应晚于开门时间' } } } })
    const clock = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/hours', { days: '周一至周五', opensAt: '7点', closesAt: '18:00' }, staff.headers)
    expect(clock).toMatchObject({ status: 400, body: { error: { fields: { 'body.opensAt': '开门时间格式应为 08:00' } } } })
    const twice = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/fees', { careModes: [{ mode: 'full_day', fee: 1 }, { mode: 'full_day', fee: 2 }] }, staff.headers)
    expect(twice.status).toBe(400)
    const negative = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/fees', { careModes: [{ mode: 'full_day', fee: -1 }] }, staff.headers)
    expect(negative.status).toBe(400)
    const parent = await signInParent(t.app)
    expect((await requestJson(t.app, 'PUT', '/api/v1/staff/institution/hours', { days: '周一至周五', opensAt: '07:30', closesAt: '18:00' }, parent.headers)).status).toBe(403)
  })
})
