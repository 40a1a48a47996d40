import { InstitutionFactsSchema } from '@domain/institutionFacts'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'

/** The editor's body: `n` places of 全日托 托小班 (the fixtures' institutions offer 全日托 and 计时托 at 12–36 months). */
const toddlerPlaces = (n: number) => [{ careMode: 'full_day', ageBand: 'toddler', vacancies: n }]

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
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: toddlerPlaces(6), staffCount: 8, certifiedStaffCount: 7 }, staff.headers)
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
    const tooMany = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: [...toddlerPlaces(40), { careMode: 'hourly', ageBand: 'preschool', vacancies: 1 }] }, staff.headers)
    expect(tooMany).toMatchObject({ status: 400, body: { error: { fields: { 'body.vacancies': '空位数不能多于核定托位 40 个' } } } })
    const bad = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: toddlerPlaces(2), staffCount: 3, certifiedStaffCount: 4 }, staff.headers)
    expect(bad).toMatchObject({ status: 400, body: { error: { fields: { 'body.certifiedStaffCount': '持证人数不能多于保育人员数' } } } })
    const parent = await signInParent(t.app)
    expect((await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: toddlerPlaces(1) }, parent.headers)).status).toBe(403)
    const other = await requestJson(t.app, 'GET', '/api/v1/institutions/facts-other')
    expect((other.body as { facts: { vacanciesConfirmedAt: null } }).facts.vacanciesConfirmedAt).toBeNull()
  })

  it('keeps vacancies per care mode and age band, the total their sum, each with its freshness', async () => {
    const staff = await signInStaff(t, 'facts-inst')
    const cells = [
      { careMode: 'hourly', ageBand: 'toddler', vacancies: 3 },
      { careMode: 'full_day', ageBand: 'preschool', vacancies: 0 },
      { careMode: 'full_day', ageBand: 'toddler', vacancies: 0 },
    ]
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: cells }, staff.headers)
    expect(put.status).toBe(200)
    const facts = InstitutionFactsSchema.parse(put.body)
    expect(facts.vacancies).toBe(3)
    expect(facts.vacancyCells.map((c) => [c.careMode, c.ageBand, c.vacancies, c.freshness.text])).toEqual([
      ['full_day', 'toddler', 0, '空位信息今天更新'],
      ['full_day', 'preschool', 0, '空位信息今天更新'],
      ['hourly', 'toddler', 3, '空位信息今天更新'],
    ])
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/facts-inst')
    expect(detail.body).toMatchObject({ vacancies: 3, openPlaces: [{ careMode: 'hourly', ageBand: 'toddler', vacancies: 3 }] })
  })

  it('shows a search for a 24-month child wanting 全日托 no institution whose only places are for another band or mode', async () => {
    const staff = await signInStaff(t, 'facts-inst')
    await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: [{ careMode: 'full_day', ageBand: 'toddler', vacancies: 2 }, { careMode: 'hourly', ageBand: 'preschool', vacancies: 1 }] }, staff.headers)
    await t.app.searchIndex.refresh()
    const found = async (query: string) =>
      ((await requestJson(t.app, 'GET', `/api/v1/institutions?hasVacancy=true&limit=50&${query}`)).body as { items: { id: string }[] }).items.some((i) => i.id === 'facts-inst')
    expect(await found('careMode=full_day&ageMonths=24')).toBe(false)
    expect(await found('careMode=full_day&ageMonths=18')).toBe(true)
    expect(await found('careMode=hourly&ageMonths=24')).toBe(true)
    expect(await found('careMode=hourly&ageMonths=18')).toBe(false)
    expect(await found('ageMonths=30')).toBe(true)
    expect(await found('careMode=full_day')).toBe(true)
    // an institution never broken down is still judged by its total
    expect((await requestJson(t.app, 'GET', '/api/v1/institutions?hasVacancy=true&careMode=full_day&ageMonths=24&limit=50')).body).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ id: 'facts-other' })]),
    })
  })

  it('refuses a care mode the institution does not offer, an age band it does not take, and a repeated cell', async () => {
    const staff = await signInStaff(t, 'facts-inst')
    const mode = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: [{ careMode: 'half_day', ageBand: 'toddler', vacancies: 1 }] }, staff.headers)
    expect(mode).toMatchObject({ status: 400, body: { error: { fields: { 'body.vacancies.0.careMode': '本机构没有开设半日托' } } } })
    const band = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: [{ careMode: 'full_day', ageBand: 'infant', vacancies: 1 }] }, staff.headers)
    expect(band).toMatchObject({ status: 400, body: { error: { fields: { 'body.vacancies.0.ageBand': '本机构不招收乳儿班年龄段的孩子' } } } })
    const twice = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/facts', { vacancies: [...toddlerPlaces(1), ...toddlerPlaces(2)] }, staff.headers)
    expect(twice.status).toBe(400)
    const before = InstitutionFactsSchema.parse((await requestJson(t.app, 'GET', '/api/v1/staff/institution/facts', undefined, staff.headers)).body)
    expect(before.vacancyCells.length).toBeGreaterThan(0)
  })

  it('has one vacancy editor: the former PUT /staff/places is gone', async () => {
    const staff = await signInStaff(t, 'facts-inst')
    expect((await requestJson(t.app, 'PUT', '/api/v1/staff/places', { enrolled: 1 }, staff.headers)).status).toBe(404)
  })
})
