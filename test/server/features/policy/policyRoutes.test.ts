import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import { MyPoliciesSchema } from '@domain/policyRules'
import { PolicyListSchema, PolicySchema } from '@domain/policy'
import { todayInShanghai } from '@domain/shanghaiTime'
import { openTestApp, TestApp } from '@test/support/app'

dayjs.extend(utc)

/** The library is files, not rows: one backend is enough. */
describe('托育政策 routes', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite')
  })
  afterAll(async () => {
    await t.close()
  })

  const get = (url: string) => t.app.inject({ method: 'GET', url })

  it('answers 我能享受哪些 for a child born 14 months ago in 渝北, with the subsidy months left', async () => {
    const birthDate = dayjs.utc(todayInShanghai()).subtract(14, 'month').format('YYYY-MM-DD')
    const response = await get(`/api/v1/policies/for-me?birthDate=${birthDate}&districtCode=500112`)
    expect(response.statusCode).toBe(200)
    const body = MyPoliciesSchema.parse(response.json())
    expect(body.ageText).toBe('1 岁 2 个月')
    const ids = body.items.map((i) => i.policy.id)
    expect(ids).toEqual(expect.arrayContaining(['national-childcare-subsidy', 'national-infant-care-tax-deduction', 'chongqing-leave', 'yubei-trial-vouchers', 'yubei-open-days']))
    expect(ids).not.toContain('sichuan-leave')
    expect(ids).not.toContain('dazu-childcare-targets')
    const subsidy = body.items.find((i) => i.policy.id === 'national-childcare-subsidy')!
    expect(subsidy.subsidy).toMatchObject({ totalMonths: 36, monthsLeft: 22, monthlyFen: 30_000, remainingFen: 660_000 })
    expect(subsidy.forThisChild[1]).toContain('还剩 22 个月')
    expect(subsidy.policy.howToApply).toContain('户籍所在地')
    const tax = body.items.find((i) => i.policy.id === 'national-infant-care-tax-deduction')!
    expect(tax.tax).toMatchObject({ deductionFen: 200_000, minFen: 6_000, maxFen: 90_000, monthsLeft: 22 })
    // national first, then 重庆市, then 渝北区
    expect(body.items.map((i) => i.policy.scope)).toEqual([...body.items.map((i) => i.policy.scope)].sort((a, b) => ['national', 'province', 'district'].indexOf(a) - ['national', 'province', 'district'].indexOf(b)))
  })

  it('answers for a due date with the whole 36 months ahead, and Sichuan policies in 雁江', async () => {
    const dueDate = dayjs.utc(todayInShanghai()).add(3, 'month').format('YYYY-MM-DD')
    const body = MyPoliciesSchema.parse((await get(`/api/v1/policies/for-me?dueDate=${dueDate}&districtCode=512002`)).json())
    const ids = body.items.map((i) => i.policy.id)
    expect(ids).toEqual(expect.arrayContaining(['sichuan-leave', 'sichuan-affordable-care-operating-subsidy', 'yanjiang-childcare-measures']))
    expect(ids).not.toContain('chongqing-leave')
    expect(body.items.find((i) => i.policy.id === 'national-childcare-subsidy')!.subsidy).toMatchObject({ totalMonths: 36, monthsLeft: 36 })
  })

  it('offers nothing for a child of 3 or older', async () => {
    const birthDate = dayjs.utc(todayInShanghai()).subtract(37, 'month').format('YYYY-MM-DD')
    const body = MyPoliciesSchema.parse((await get(`/api/v1/policies/for-me?birthDate=${birthDate}&districtCode=500112`)).json())
    expect(body.items).toEqual([])
  })

  it.each([
    ['no date', '/api/v1/policies/for-me?districtCode=500112'],
    ['both dates', '/api/v1/policies/for-me?birthDate=2025-01-01&dueDate=2027-01-01&districtCode=500112'],
    ['an impossible date', '/api/v1/policies/for-me?birthDate=2025-02-30&districtCode=500112'],
    ['no district', '/api/v1/policies/for-me?birthDate=2025-01-01'],
    ['a bad district', '/api/v1/policies/for-me?birthDate=2025-01-01&districtCode=yubei'],
    ['a bad flag', '/api/v1/policies?includeExpired=yes'],
  ])('refuses %s with a 400 in Chinese', async (_name, url) => {
    const response = await get(url)
    expect(response.statusCode).toBe(400)
    expect(response.json().error.code).toBe('VALIDATION')
    expect(response.json().error.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it('lists the library by district and serves one policy with the source of every figure', async () => {
    const list = PolicyListSchema.parse((await get('/api/v1/policies?districtCode=510800')).json())
    expect(list.items.map((p) => p.id)).toContain('guangyuan-childcare-measures')
    expect(list.items.map((p) => p.id)).not.toContain('yubei-trial-vouchers')
    const policy = PolicySchema.parse((await get('/api/v1/policies/national-childcare-subsidy')).json())
    expect(policy.figures[0]).toMatchObject({ amount: 360_000, unit: 'fen_per_year', effectiveFrom: '2025-01-01' })
    expect(policy.figures[0].source.org).toBe('国务院新闻办公室')
    expect(policy.paragraphs.length).toBeGreaterThan(0)
    expect((await get('/api/v1/policies/no-such-policy')).statusCode).toBe(404)
  })
})
