import { InstitutionFactsSchema } from '@domain/institutionFacts'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'

describe.each(TEST_BACKENDS)('an institution keeps its facts true on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'facts-inst', capacity: 40, enrolled: 30 }, { id: 'facts-other' }])
  })
  afterAll(() => t.close())

  it('shows parents unconfirmed vacancies until staff confirm them, then their age and the staffing ratios', async () => {
    const before = await requestJson(t.app, 'GET', '/api/v1/institutions/facts-inst')
    expect((before.body as { facts: unknown }).facts).toMatchObject({ vacancies: 10, vacanciesConfirmedAt: null, vacancyFreshness: { stale: true, text: '空位信息未经机构确认' }, staffing: null })

    const staff = await signInStaff(t, 'facts-inst')
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: 6, staffCount: 8, certifiedStaffCount: 7 }, staff.headers)
    expect(put.status).toBe(200)
    const facts = InstitutionFactsSchema.parse(put.body)
    expect(facts).toMatchObject({ capacity: 40, vacancies: 6, vacancyFreshness: { daysAgo: 0, stale: false, text: '空位信息今天更新' } })
    expect(facts.staffing).toMatchObject({ staffCount: 8, certifiedStaffCount: 7, childrenPerCarer: 4.3, certifiedShare: 0.875 })

    await t.app.searchIndex.refresh()
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/facts-inst')
    expect(detail.body).toMatchObject({ vacancies: 6, facts: { vacancies: 6, vacancyFreshness: { text: '空位信息今天更新' } } })
    const search = await requestJson(t.app, 'GET', '/api/v1/institutions?q=facts&limit=50')
    void search

    // Fourteen days later without a confirmation, parents see it as unconfirmed.
    await t.db.query(`update institutions set vacancies_confirmed_at = now() - interval '15 days' where id = 'facts-inst'`)
    const stale = await requestJson(t.app, 'GET', '/api/v1/staff/institution/facts', undefined, staff.headers)
    expect(stale.body).toMatchObject({ vacancyFreshness: { stale: true, text: '空位信息超过 14 天未确认' } })
  })

  it('refuses more vacancies than places, bad numbers, parents, and touches only the staff member’s own institution', async () => {
    const staff = await signInStaff(t, 'facts-inst')
    const tooMany = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: 41 }, staff.headers)
    expect(tooMany).toMatchObject({ status: 400, body: { error: { fields: { 'body.vacancies': '空位数不能多于核定托位 40 个' } } } })
    const bad = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: 2, staffCount: 3, certifiedStaffCount: 4 }, staff.headers)
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { 'body.certifiedStaffCount': '持证人数不能多于保育人员数' } } } })
    const parent = await signInParent(t.app)
    expect((await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: 1 }, parent.headers)).status).toBe(403)
    const other = await requestJson(t.app, 'GET', '/api/v1/institutions/facts-other')
    expect((other.body as { facts: { vacanciesConfirmedAt: null } }).facts.vacanciesConfirmedAt).toBeNull()
  })
})
