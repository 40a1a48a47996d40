import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { FeeTermsSchema } from '@domain/feeTerms'
import { InstitutionNetPriceSchema } from '@domain/netPrice'
import { todayInShanghai } from '@domain/shanghaiTime'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent} from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'

dayjs.extend(utc)

const TERMS = {
  mealsFenPerMonth: 30_000,
  registrationFen: 20_000,
  depositFen: 100_000,
  prepayMonths: 6,
  noticeDays: 30,
  refundOnWithdrawal: '提前 30 天告知，未开始的月份全额退还，押金退园时退还',
}

describe.each(TEST_BACKENDS)('fee terms and the net price on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-terms' }, { id: 'inst-other' }])
  })
  afterAll(async () => {
    await t.close()
  })

  it('has no terms until staff publish them, then shows them with a warning past three months ahead', async () => {
    const before = await requestJson(t.app, 'GET', '/api/v1/institutions/inst-terms/fee-terms')
    expect(before).toEqual({ status: 200, body: { terms: null } })
    const staff = await signInStaff(t, 'inst-terms')
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/fee-terms', TERMS, staff.headers)
    expect(put.status).toBe(200)
    const terms = FeeTermsSchema.parse(((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-terms/fee-terms')).body as { terms: unknown }).terms)
    expect(terms).toMatchObject({ ...TERMS, institutionId: 'inst-terms' })
    expect(terms.warning?.title).toBe('这家机构一次预收 6 个月费用')
    // 6 × the full-day fee of 2,500 元
    expect(terms.warning?.text).toContain('¥15,000')
    const three = await requestJson(t.app, 'PUT', '/api/v1/staff/fee-terms', { ...TERMS, prepayMonths: 3 }, staff.headers)
    expect(FeeTermsSchema.parse(three.body).warning).toBeNull()
  })

  it('lets only staff set terms, and only their own institution\'s', async () => {
    const parent = await signInParent(t.app)
    expect((await requestJson(t.app, 'PUT', '/api/v1/staff/fee-terms', TERMS, parent.headers)).status).toBe(403)
    expect((await requestJson(t.app, 'PUT', '/api/v1/staff/fee-terms', TERMS)).status).toBe(401)
    const otherStaff = await signInStaff(t, 'inst-other')
    await requestJson(t.app, 'PUT', '/api/v1/staff/fee-terms', { ...TERMS, prepayMonths: 1 }, otherStaff.headers)
    const mine = (await requestJson(t.app, 'GET', '/api/v1/institutions/inst-terms/fee-terms')).body as { terms: { prepayMonths: number } }
    expect(mine.terms.prepayMonths).toBe(3)
  })

  it.each([
    ['a negative deposit', { ...TERMS, depositFen: -1 }, 'body.depositFen'],
    ['fractional fen', { ...TERMS, mealsFenPerMonth: 1.5 }, 'body.mealsFenPerMonth'],
    ['36 months ahead', { ...TERMS, prepayMonths: 36 }, 'body.prepayMonths'],
    ['no refund text', { ...TERMS, refundOnWithdrawal: ' ' }, 'body.refundOnWithdrawal'],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_name, body, field) => {
    const staff = await signInStaff(t, 'inst-terms')
    const answer = await requestJson(t.app, 'PUT', '/api/v1/staff/fee-terms', body, staff.headers)
    expect(answer.status).toBe(400)
    expect((answer.body as { error: { fields: Record<string, string> } }).error.fields[field]).toMatch(/[\u4e00-\u9fff]/)
    const now = (await requestJson(t.app, 'GET', '/api/v1/institutions/inst-terms/fee-terms')).body as { terms: { prepayMonths: number; depositFen: number } }
    expect(now.terms).toMatchObject({ prepayMonths: 3, depositFen: 100_000 })
  })

  it('computes the net monthly price with the published terms for a 14-month-old', async () => {
    const birthDate = dayjs.utc(todayInShanghai()).subtract(14, 'month').format('YYYY-MM-DD')
    const answer = await requestJson(t.app, 'GET', `/api/v1/institutions/inst-terms/net-price?birthDate=${birthDate}`)
    expect(answer.status).toBe(200)
    const price = InstitutionNetPriceSchema.parse(answer.body)
    const fullDay = price.modes.find((m) => m.mode === 'full_day')!
    // 2,500 + 300 meals = 2,800; − 300 subsidy = 2,500
    expect(fullDay.netPrice).toMatchObject({ monthlyFeeFen: 280_000, subsidyFen: 30_000, netFen: 250_000, oneOffFen: 20_000, depositFen: 100_000 })
    expect(fullDay.headline).toBe('全日托 约 ¥2,500/月，已扣除育儿补贴 ¥300/月；个税可再少缴约 ¥60–¥900/月，取决于税率')
    expect(price.modes.find((m) => m.mode === 'hourly')!.netPrice).toBeNull()
    expect(price.assumption).toContain('还剩 22 个月')
    expect(price.sources.join()).toContain('2025-01-01')
    const half = InstitutionNetPriceSchema.parse((await requestJson(t.app, 'GET', `/api/v1/institutions/inst-terms/net-price?birthDate=${birthDate}&taxShare=half`)).body)
    expect(half.modes[0].netPrice!.tax).toEqual({ deductionFen: 100_000, minFen: 3_000, maxFen: 45_000 })
  })

  it('says when the terms are missing and when no date was given', async () => {
    const price = InstitutionNetPriceSchema.parse((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-other/net-price')).body)
    expect(price.assumption).toContain('填写孩子的日期')
    const bare = InstitutionNetPriceSchema.parse((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-terms/net-price')).body)
    expect(bare.termsPublished).toBe(true)
  })

  it('refuses bad dates with 400 and an unknown institution with 404', async () => {
    expect((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-terms/net-price?birthDate=2025-02-30')).status).toBe(400)
    expect((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-terms/net-price?birthDate=2025-01-01&dueDate=2027-01-01')).status).toBe(400)
    expect((await requestJson(t.app, 'GET', '/api/v1/institutions/inst-terms/net-price?taxShare=all')).status).toBe(400)
    expect((await requestJson(t.app, 'GET', '/api/v1/institutions/nope/net-price')).status).toBe(404)
    expect((await requestJson(t.app, 'GET', '/api/v1/institutions/nope/fee-terms')).status).toBe(404)
  })
})
