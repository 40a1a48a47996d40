import { z } from 'zod'
import { formatFen } from './money'
import { safeText } from './safeText'

/*
 * 收费与退费约定: what an institution charges besides tuition, how far ahead it collects,
 * and what happens to the money when a family leaves. Staff keep these in the workbench
 * (PUT /api/v1/staff/fee-terms); the filing import may carry them; parents see them on the
 * institution page with a plain warning when more than three months are collected ahead.
 */

/**
 * Beyond three months a parent's prepaid money is at real risk if the institution closes:
 * prepaid fees lost at closure are the complaint the issue names first, and three months is
 * the line the issue draws for the warning (docs/api.md, fee terms).
 */
export const PREPAY_WARNING_MONTHS = 3
export const MAX_PREPAY_MONTHS = 24

const fen = (label: string, max: number) =>
  z
    .number({ error: `${label}应为数字（分）` })
    .int(`${label}应为整数（分）`)
    .min(0, `${label}不能为负数`)
    .max(max, `${label}过大，请核对`)

export const FeeTermsBodySchema = z.object({
  /** 伙食费 per month on top of tuition; 0 when included or not charged. */
  mealsFenPerMonth: fen('伙食费', 1_000_000),
  registrationFen: fen('报名费', 1_000_000),
  depositFen: fen('押金', 5_000_000),
  /** How many months of fees are collected ahead (预收月数). */
  prepayMonths: z
    .number({ error: '预收月数应为数字' })
    .int('预收月数应为整数')
    .min(0, '预收月数不能为负数')
    .max(MAX_PREPAY_MONTHS, `预收月数最多 ${MAX_PREPAY_MONTHS} 个月`),
  /** Days of notice a family gives before withdrawing (退托提前告知天数). */
  noticeDays: z.number({ error: '提前告知天数应为数字' }).int('提前告知天数应为整数').min(0, '提前告知天数不能为负数').max(180, '提前告知天数最多 180 天'),
  /** In the institution's words: what is refunded on withdrawal, and how fast. */
  refundOnWithdrawal: safeText({ error: '请填写退托时怎么退费' }).trim().min(4, '请写清楚退托时怎么退费（至少 4 个字）').max(300, '退费说明不超过 300 字'),
})
export type FeeTermsBody = z.infer<typeof FeeTermsBodySchema>

export const FeeTermsSchema = FeeTermsBodySchema.extend({
  institutionId: z.string(),
  updatedAt: z.string(),
  /** Present when prepayMonths > PREPAY_WARNING_MONTHS: what to tell the parent. */
  warning: z.object({ title: z.string(), text: z.string() }).nullable(),
})
export type FeeTerms = z.infer<typeof FeeTermsSchema>

/** The plain warning a parent sees when an institution collects more than three months ahead. */
export function prepaymentWarning(terms: Pick<FeeTermsBody, 'prepayMonths'>, monthlyFeeFen: number | null): FeeTerms['warning'] {
  if (terms.prepayMonths <= PREPAY_WARNING_MONTHS) return null
  const atRisk = monthlyFeeFen !== null ? `（按月费算约 ${formatFen(monthlyFeeFen * terms.prepayMonths)}）` : ''
  return {
    title: `这家机构一次预收 ${terms.prepayMonths} 个月费用`,
    text: `预收超过 ${PREPAY_WARNING_MONTHS} 个月，机构一旦停办或转让，已交的钱${atRisk}可能很难退回。建议按月或按季度交费，保留收据和合同，问清退费办法；遇到拒退可以投诉。`,
  }
}
