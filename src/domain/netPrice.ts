import { z } from 'zod'
import { Fen, formatFen } from './money'
import { TaxSavingRange, taxSavingRange } from './childcareSubsidy'

/*
 * The net monthly price (到手价): what a place costs a family each month after the help it
 * is owed. Pure, so the institution page shows exactly what the tests prove:
 *   monthly fee   = 托育费 + 伙食费 (when charged separately)
 *   subsidy       = 育儿补贴 per month, only while the child still has subsidy months left,
 *                   never more than the published amount nor than the fee itself
 *   net           = monthly fee − subsidy (never negative)
 *   tax           = a range (lowest to highest bracket) of what the deduction may save,
 *                   shown apart, never subtracted: it depends on the parent's income.
 * One-off amounts (报名费) and the refundable 押金 are listed beside it, not spread over months.
 */

export const FeeBreakdownSchema = z.object({
  /** 托育费 per month, in fen. */
  tuitionFen: z.number().int().nonnegative(),
  /** 伙食费 per month when charged on top of tuition; 0 when included or not charged. */
  mealsFen: z.number().int().nonnegative(),
  /** 报名费/注册费, once. */
  registrationFen: z.number().int().nonnegative(),
  /** 押金, refundable. */
  depositFen: z.number().int().nonnegative(),
})
export type FeeBreakdown = z.infer<typeof FeeBreakdownSchema>

export interface NetPriceInput {
  fees: FeeBreakdown
  /** The published 育儿补贴 per month (e.g. 3,600 元/年 → 30,000 fen), 0 when the child has no months left. */
  subsidyMonthlyFen: Fen
  /** The tax deduction one parent claims per month (2,000 元 in full, 1,000 元 when split 50/50), 0 if none. */
  taxDeductionMonthlyFen: Fen
}

export interface NetPrice {
  monthlyFeeFen: Fen
  subsidyFen: Fen
  netFen: Fen
  tax: TaxSavingRange
  oneOffFen: Fen
  depositFen: Fen
  /** How it was computed, line by line, in the words the page shows. */
  steps: string[]
}

export function netMonthlyPrice({ fees, subsidyMonthlyFen, taxDeductionMonthlyFen }: NetPriceInput): NetPrice {
  const monthlyFeeFen = fees.tuitionFen + fees.mealsFen
  const subsidyFen = Math.max(0, Math.min(subsidyMonthlyFen, monthlyFeeFen))
  const netFen = monthlyFeeFen - subsidyFen
  const tax = taxSavingRange(Math.max(0, taxDeductionMonthlyFen))
  const steps = [
    `托育费 ${formatFen(fees.tuitionFen)}/月` + (fees.mealsFen > 0 ? ` + 伙食费 ${formatFen(fees.mealsFen)}/月` : '（含伙食或不另收）') + ` = ${formatFen(monthlyFeeFen)}/月`,
    subsidyFen > 0
      ? `育儿补贴按月折算 ${formatFen(subsidyFen)}/月（国家标准每年 3,600 元，按年发放），扣除后约 ${formatFen(netFen)}/月`
      : '孩子已没有剩余的育儿补贴月数，不扣除补贴',
    tax.deductionFen > 0
      ? `个税专项附加扣除每月 ${formatFen(tax.deductionFen)}，按税率 3%–45% 可少缴约 ${formatFen(tax.minFen)}–${formatFen(tax.maxFen)}/月；没有纳税的家长不适用，未计入到手价`
      : '不计个税扣除',
  ]
  if (fees.registrationFen > 0) steps.push(`报名费 ${formatFen(fees.registrationFen)}，一次性，未摊入月费`)
  if (fees.depositFen > 0) steps.push(`押金 ${formatFen(fees.depositFen)}，退园时应退还，未计入月费`)
  return { monthlyFeeFen, subsidyFen, netFen, tax, oneOffFen: fees.registrationFen, depositFen: fees.depositFen, steps }
}

/** "约 ¥2,700/月，已扣除育儿补贴 ¥300/月；个税可再少缴约 ¥60–¥900/月，取决于税率". */
export function describeNetPrice(price: NetPrice): string {
  const parts = [`约 ${formatFen(price.netFen)}/月`]
  if (price.subsidyFen > 0) parts[0] += `，已扣除育儿补贴 ${formatFen(price.subsidyFen)}/月`
  if (price.tax.deductionFen > 0) parts.push(`个税可再少缴约 ${formatFen(price.tax.minFen)}–${formatFen(price.tax.maxFen)}/月，取决于税率`)
  return parts.join('；')
}

export const NetPriceQuerySchema = z
  .object({
    birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').optional(),
    /** full: one parent claims the whole deduction; half: the parents split it 50/50. */
    taxShare: z.enum(['full', 'half'], { error: 'taxShare 只能是 full 或 half' }).optional(),
  })
  .refine((q) => q.birthDate === undefined || q.dueDate === undefined, { message: '出生日期和预产期只填一个', path: ['birthDate'] })
export type NetPriceQuery = z.infer<typeof NetPriceQuerySchema>

const NetPriceResultSchema = z.object({
  monthlyFeeFen: z.number(),
  subsidyFen: z.number(),
  netFen: z.number(),
  tax: z.object({ deductionFen: z.number(), minFen: z.number(), maxFen: z.number() }),
  oneOffFen: z.number(),
  depositFen: z.number(),
  steps: z.array(z.string()),
})

export const InstitutionNetPriceSchema = z.object({
  institutionId: z.string(),
  /** What the estimate assumed about the child, in a sentence. */
  assumption: z.string(),
  /** Whether the fee breakdown comes from the institution's published terms. */
  termsPublished: z.boolean(),
  modes: z.array(
    z.object({
      mode: z.string(),
      fee: z.number(),
      unit: z.string(),
      /** null for hourly and daily care: no honest monthly figure exists. */
      netPrice: NetPriceResultSchema.nullable(),
      headline: z.string(),
    }),
  ),
  sources: z.array(z.string()),
})
export type InstitutionNetPrice = z.infer<typeof InstitutionNetPriceSchema>
