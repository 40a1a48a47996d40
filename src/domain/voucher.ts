import { z } from 'zod'
import { BookingSchema, CONTACT_NAME_MAX } from './booking'
import { isValidIsoDate } from './shanghaiTime'
import { safeText } from './safeText'

/*
 * 体验券 (trial vouchers): a district regulator issues a batch for trial days at 普惠
 * institutions of the district; a parent claims one per child (never more than the batch
 * holds, under any concurrency), books a trial day with it through 入托网上约, and staff
 * redeem it at check-in. Glossary: batch 批次, claim 领取, redeem 核销.
 */

const IsoDate = (label: string) => z.string({ error: `请填写${label}` }).refine(isValidIsoDate, { message: `${label}格式应为 YYYY-MM-DD` })

export const MAX_BATCH_SIZE = 10_000

export const VoucherBatchCreateBodySchema = z
  .object({
    title: safeText({ error: '请填写批次名称' }).trim().min(2, '批次名称至少 2 个字').max(40, '批次名称不超过 40 字'),
    total: z.number({ error: '发放张数应为数字' }).int('发放张数应为整数').min(1, '至少发放 1 张').max(MAX_BATCH_SIZE, `一批最多 ${MAX_BATCH_SIZE} 张`),
    validFrom: IsoDate('开始日期'),
    validUntil: IsoDate('截止日期'),
    institutionIds: z.array(safeText().trim().min(1).max(100), { error: '请选择参加的机构' }).min(1, '至少选择一家参加的普惠机构').max(500, '参加机构太多'),
  })
  .refine((b) => b.validUntil >= b.validFrom, { message: '截止日期不能早于开始日期', path: ['validUntil'] })
export type VoucherBatchCreateBody = z.infer<typeof VoucherBatchCreateBodySchema>

export const VoucherBatchSchema = z.object({
  id: z.string(),
  districtCode: z.string(),
  title: z.string(),
  total: z.number().int(),
  claimed: z.number().int(),
  remaining: z.number().int(),
  validFrom: z.string(),
  validUntil: z.string(),
  institutions: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type VoucherBatch = z.infer<typeof VoucherBatchSchema>

/** What the regulator sees: the batch with what became of it. */
export const VoucherBatchReportSchema = VoucherBatchSchema.extend({
  booked: z.number().int(),
  redeemed: z.number().int(),
  /** Enrollment applications by claiming families at the batch's institutions after the claim. */
  enrollmentApplications: z.number().int(),
})
export type VoucherBatchReport = z.infer<typeof VoucherBatchReportSchema>

export const VOUCHER_STATUSES = ['claimed', 'booked', 'redeemed'] as const
export const VoucherStatusSchema = z.enum(VOUCHER_STATUSES)
export type VoucherStatus = z.infer<typeof VoucherStatusSchema>
export const VOUCHER_STATUS_LABELS: Record<VoucherStatus | 'expired', string> = {
  claimed: '已领取，待预约',
  booked: '已预约体验日',
  redeemed: '已核销',
  expired: '已过期',
}

export const VoucherSchema = z.object({
  id: z.string(),
  /** Shown at check-in with the booking code; staff type or scan it. */
  code: z.string(),
  status: VoucherStatusSchema,
  expired: z.boolean(),
  batch: VoucherBatchSchema.pick({ id: true, title: true, validFrom: true, validUntil: true, institutions: true }),
  child: z.object({ id: z.string(), nickname: z.string() }),
  booking: BookingSchema.pick({ id: true, code: true, status: true }).extend({ institutionName: z.string(), startsAt: z.string() }).nullable(),
  claimedAt: z.string(),
  redeemedAt: z.string().nullable(),
})
export type Voucher = z.infer<typeof VoucherSchema>

export const VoucherClaimBodySchema = z.object({ childId: safeText({ error: '请选择孩子' }).trim().min(1, '请选择孩子').max(100) })

export const VoucherBookBodySchema = z.object({
  slotId: safeText({ error: '请选择体验日' }).trim().min(1, '请选择体验日').max(100),
  contactName: safeText({ error: '请填写联系人' }).trim().min(1, '请填写联系人').max(CONTACT_NAME_MAX, `联系人不超过 ${CONTACT_NAME_MAX} 字`),
  contactPhone: z.string({ error: '请填写手机号' }).regex(/^1\d{10}$/, '请填写 11 位手机号'),
})
export type VoucherBookBody = z.infer<typeof VoucherBookBodySchema>

export const VoucherRedeemBodySchema = z.object({
  code: z
    .string({ error: '请输入体验券码' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, '体验券码是 8 位字母或数字'),
})

/** Is a voucher still usable on `today` (YYYY-MM-DD, Asia/Shanghai)? */
export function isVoucherExpired(batch: { validUntil: string }, today: string): boolean {
  return batch.validUntil < today
}

export const VOUCHER_MESSAGES = {
  batchGone: '这批体验券已经领完了',
  batchNotOpen: '这批体验券还没有开始领取或已经截止',
  alreadyClaimed: '这个孩子已经领过这批体验券了，每个孩子限领一张',
  expired: '这张体验券已过期，不能再使用',
  used: '这张体验券已经核销过了，不能重复使用',
  alreadyBooked: '这张体验券已经预约过体验日了',
  notTrial: '体验券只能预约参加活动机构的体验日',
  notAffordable: '体验券只能发给本区的普惠托育机构',
  notBooked: '这张体验券还没有预约体验日，不能核销',
  bookedElsewhere: '这张体验券预约的是其他机构的体验日，请到预约的机构核销',
} as const
