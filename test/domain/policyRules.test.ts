import { Policy } from '@domain/policy'
import { appliesToDistrict, figureInForce, isCurrentOn, policiesForFamily, regionPrefix } from '@domain/policyRules'
import { prepaymentWarning } from '@domain/feeTerms'

function policy(overrides: Partial<Policy>): Policy {
  return {
    id: 'p',
    title: '测试政策',
    scope: 'national',
    regionName: '全国',
    kind: 'local_measure',
    issuer: '测试机关',
    documentNo: null,
    inForce: '2025-01-01',
    status: 'current',
    qualifies: '家庭',
    gives: '帮助',
    howToApply: '申请',
    figures: [],
    sources: [{ org: '测试机关', title: '测试文件' }],
    verification: { state: 'unverified', note: '未核实' },
    reviewed: '2026-11-29',
    paragraphs: [],
    ...overrides,
  }
}

const SUBSIDY = policy({
  id: 'subsidy',
  kind: 'childcare_subsidy',
  figures: [{ label: '标准', amount: 360_000, unit: 'fen_per_year', effectiveFrom: '2025-01-01', source: { org: '测试', title: '测试' } }],
})
const TAX = policy({
  id: 'tax',
  kind: 'tax_deduction',
  figures: [
    { label: '旧', amount: 100_000, unit: 'fen_per_month', effectiveFrom: '2022-01-01', source: { org: '测试', title: '测试' } },
    { label: '新', amount: 200_000, unit: 'fen_per_month', effectiveFrom: '2023-01-01', source: { org: '测试', title: '测试' } },
  ],
})

describe('我能享受哪些', () => {
  it('reads regions by their code prefix: 重庆市 holds 渝北, 广元市 holds its counties, 渝北 only itself', () => {
    expect(regionPrefix('500000')).toBe('50')
    expect(regionPrefix('510800')).toBe('5108')
    expect(appliesToDistrict({ scope: 'province', regionCode: '500000' }, '500112')).toBe(true)
    expect(appliesToDistrict({ scope: 'province', regionCode: '510000' }, '500112')).toBe(false)
    expect(appliesToDistrict({ scope: 'district', regionCode: '510800' }, '510802')).toBe(true)
    expect(appliesToDistrict({ scope: 'district', regionCode: '500112' }, '500111')).toBe(false)
    expect(appliesToDistrict({ scope: 'national' }, '512002')).toBe(true)
  })

  it('uses the newest figure in force on the day, and never an expired policy', () => {
    expect(figureInForce(TAX, 'fen_per_month', '2022-06-01')?.amount).toBe(100_000)
    expect(figureInForce(TAX, 'fen_per_month', '2026-11-29')?.amount).toBe(200_000)
    expect(figureInForce(TAX, 'fen_per_month', '2021-06-01')).toBeNull()
    expect(isCurrentOn(policy({ expires: '2025-12-31' }), '2026-01-01')).toBe(false)
    expect(isCurrentOn(policy({ status: 'expired' }), '2024-01-01')).toBe(false)
  })

  it('computes a 14-month-old\'s amounts, money first, and gives nothing once the child is 3', () => {
    const library = [policy({ id: 'a-local', scope: 'district', regionCode: '500112' }), TAX, SUBSIDY]
    const answer = policiesForFamily(library, { birthDate: '2025-09-29', districtCode: '500112' }, '2026-11-29')
    expect(answer.ageText).toBe('1 岁 2 个月')
    expect(answer.items.map((i) => i.policy.id)).toEqual(['subsidy', 'tax', 'a-local'])
    expect(answer.items[0].subsidy).toEqual({ totalMonths: 36, monthsLeft: 22, monthlyFen: 30_000, totalFen: 1_080_000, remainingFen: 660_000 })
    expect(answer.items[1].tax).toEqual({ monthsLeft: 22, deductionFen: 200_000, minFen: 6_000, maxFen: 90_000 })
    expect(policiesForFamily(library, { birthDate: '2023-10-01', districtCode: '500112' }, '2026-11-29').items).toEqual([])
  })
})

describe('the prepayment warning', () => {
  it('appears only past three months ahead, with the money at risk', () => {
    expect(prepaymentWarning({ prepayMonths: 3 }, 250_000)).toBeNull()
    expect(prepaymentWarning({ prepayMonths: 12 }, 250_000)?.text).toContain('¥30,000')
    expect(prepaymentWarning({ prepayMonths: 4 }, null)?.title).toBe('这家机构一次预收 4 个月费用')
  })
})
