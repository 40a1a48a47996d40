import { z } from 'zod'
import { ageInMonths } from './age'
import { childcareSubsidy, ChildcareSubsidy, deductionMonthsLeft, MONTHS_UNTIL_THREE, taxSavingRange, TaxSavingRange } from './childcareSubsidy'
import { Policy, PolicyFigure, PolicySummarySchema } from './policy'
import { isValidIsoDate } from './shanghaiTime'

/*
 * 我能享受哪些: from a child's birth or due date and the family's district, the policies that
 * apply, with amounts computed for this child and the next step to claim each. The app uses
 * it to show the answer, the server to serve it (GET /api/v1/policies/for-me).
 */

const DateField = z
  .string()
  .refine(isValidIsoDate, { message: '日期格式应为 YYYY-MM-DD' })
  .optional()

export const PolicyQuerySchema = z
  .object({
    birthDate: DateField,
    dueDate: DateField,
    districtCode: z.string({ error: '请选择所在区县' }).regex(/^\d{6}$/, '区县代码是 6 位数字'),
  })
  .refine((q) => (q.birthDate === undefined) !== (q.dueDate === undefined), {
    message: '请填写出生日期或预产期（二选一）',
    path: ['birthDate'],
  })
export type PolicyQuery = z.infer<typeof PolicyQuerySchema>

export const MyPolicySchema = z.object({
  policy: PolicySummarySchema.extend({ howToApply: z.string(), qualifies: z.string() }),
  /** Lines computed for this child ("还可领取 22 个月，约 ¥6,600"). */
  forThisChild: z.array(z.string()),
  subsidy: z
    .object({ totalMonths: z.number(), monthsLeft: z.number(), monthlyFen: z.number(), totalFen: z.number(), remainingFen: z.number() })
    .nullable(),
  tax: z.object({ monthsLeft: z.number(), deductionFen: z.number(), minFen: z.number(), maxFen: z.number() }).nullable(),
})
export type MyPolicy = z.infer<typeof MyPolicySchema>

export const MyPoliciesSchema = z.object({
  ageText: z.string(),
  items: z.array(MyPolicySchema),
})
export type MyPolicies = z.infer<typeof MyPoliciesSchema>

/** 500000 → "50", 510800 → "5108", 500112 → "500112": the prefix every code inside the region shares. */
export function regionPrefix(regionCode: string): string {
  let prefix = regionCode
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2)
  return prefix
}

export function appliesToDistrict(policy: Pick<Policy, 'scope' | 'regionCode'>, districtCode: string): boolean {
  if (policy.scope === 'national') return true
  return policy.regionCode !== undefined && districtCode.startsWith(regionPrefix(policy.regionCode))
}

/** The figure a computation needs, in force on `today`: the newest one that took effect by then. */
export function figureInForce(policy: Pick<Policy, 'figures'>, unit: PolicyFigure['unit'], today: string): PolicyFigure | null {
  const inForce = policy.figures.filter((f) => f.unit === unit && f.effectiveFrom <= today)
  inForce.sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))
  return inForce[0] ?? null
}

function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}`
}

/** A policy is shown as current on `today` when its status says so and it has not run out. */
export function isCurrentOn(policy: Pick<Policy, 'status' | 'inForce' | 'expires'>, today: string): boolean {
  return policy.status === 'current' && (policy.expires === undefined || policy.expires >= today)
}

export function subsidyFor(policy: Policy, birthOrDue: string, today: string): ChildcareSubsidy | null {
  const figure = figureInForce(policy, 'fen_per_year', today)
  if (!figure) return null
  return childcareSubsidy(birthOrDue, today, figure.effectiveFrom, figure.amount)
}

export function taxFor(policy: Policy, birthOrDue: string, today: string): (TaxSavingRange & { monthsLeft: number }) | null {
  const figure = figureInForce(policy, 'fen_per_month', today)
  if (!figure) return null
  return { ...taxSavingRange(figure.amount), monthsLeft: deductionMonthsLeft(birthOrDue, today) }
}

function childLines(policy: Policy, subsidy: ChildcareSubsidy | null, tax: ReturnType<typeof taxFor>, expecting: boolean): string[] {
  if (subsidy) {
    return [
      `可领 ${subsidy.totalMonths} 个月，共约 ${yuan(subsidy.totalFen)}（每月折合 ${yuan(subsidy.monthlyFen)}）`,
      expecting ? '宝宝出生后即可申请' : `到 3 周岁前还剩 ${subsidy.monthsLeft} 个月，约 ${yuan(subsidy.remainingFen)}；已过的月份可补申领，以当地规定为准`,
    ]
  }
  if (tax) {
    return [
      `每月可扣除 ${yuan(tax.deductionFen)}，${expecting ? '从出生当月起' : '还剩'} ${tax.monthsLeft} 个月`,
      `按税率 3%–45%，每月约可少缴 ${yuan(tax.minFen)}–${yuan(tax.maxFen)}；父母可一方全额扣除，或各扣一半`,
    ]
  }
  return []
}

/**
 * The policies in `library` this family can use on `today`, national first, then province,
 * then district. A child already 3 or older gets none: every policy here is for under-3s.
 */
export function policiesForFamily(library: readonly Policy[], query: PolicyQuery, today: string): MyPolicies {
  const birthOrDue = (query.birthDate ?? query.dueDate)!
  const expecting = query.dueDate !== undefined
  const age = expecting ? 0 : ageInMonths(birthOrDue, today)
  const ageText = expecting ? '预产期 ' + birthOrDue : age < 0 ? '出生日期在未来' : `${Math.floor(age / 12)} 岁 ${age % 12} 个月`
  if (!expecting && (age < 0 || age >= MONTHS_UNTIL_THREE)) return { ageText, items: [] }
  const order = { national: 0, province: 1, district: 2 } as const
  // money a family receives first, then what it saves, then the rest
  const first = ['childcare_subsidy', 'tax_deduction', 'trial_voucher']
  const kindOrder = (kind: Policy['kind']) => (first.includes(kind) ? first.indexOf(kind) : first.length)
  const items = library
    .filter((p) => isCurrentOn(p, today) && appliesToDistrict(p, query.districtCode))
    .sort((a, b) => order[a.scope] - order[b.scope] || kindOrder(a.kind) - kindOrder(b.kind) || a.id.localeCompare(b.id))
    .map((policy): MyPolicy => {
      const subsidy = policy.kind === 'childcare_subsidy' ? subsidyFor(policy, birthOrDue, today) : null
      const tax = policy.kind === 'tax_deduction' ? taxFor(policy, birthOrDue, today) : null
      return {
        policy: {
          id: policy.id,
          title: policy.title,
          scope: policy.scope,
          regionName: policy.regionName,
          kind: policy.kind,
          issuer: policy.issuer,
          inForce: policy.inForce,
          status: policy.status,
          gives: policy.gives,
          howToApply: policy.howToApply,
          qualifies: policy.qualifies,
        },
        forThisChild: childLines(policy, subsidy, tax, expecting),
        subsidy,
        tax: tax ? { monthsLeft: tax.monthsLeft, deductionFen: tax.deductionFen, minFen: tax.minFen, maxFen: tax.maxFen } : null,
      }
    })
  return { ageText, items }
}
