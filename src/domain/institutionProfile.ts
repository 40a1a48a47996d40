import { z } from 'zod'
import { CareModeSchema } from './careMode'
import { safeText } from './safeText'

/*
 * What staff keep of their institution's page besides vacancies (issue 9, 机构工作台):
 * 托育费 per care mode (the other lines — 伙食费, 报名费, 押金 — are the fee terms,
 * feeTerms.ts) and the opening hours. Parents see when each was last updated.
 */

/** 100,000 元 in fen: more than any month of care; a larger number is a typing slip. */
export const FEE_MAX_FEN = 10_000_000

export const InstitutionFeesBodySchema = z.object({
  /** Every care mode offered with its 托育费 in fen, in the mode's unit (UNIT_OF_CARE_MODE: 元/月, 元/小时, 元/天). */
  careModes: z
    .array(
      z.object({
        mode: CareModeSchema,
        fee: z.number({ error: '收费应为数字（分）' }).int('收费应为整数（分）').min(0, '收费不能为负数').max(FEE_MAX_FEN, '收费过大，请核对'),
      }),
      { error: '请按托育方式填写收费' },
    )
    .min(1, '至少开设一种托育方式')
    .max(4, '最多 4 种托育方式')
    .refine((modes) => new Set(modes.map((m) => m.mode)).size === modes.length, '同一托育方式只能填写一次'),
})
export type InstitutionFeesBody = z.infer<typeof InstitutionFeesBodySchema>

const clock = (label: string) => safeText({ error: `请填写${label}` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 08:00`)

export const InstitutionHoursBodySchema = z
  .object({
    /** In the institution's words, e.g. 周一至周五. */
    days: safeText({ error: '请填写服务日' }).trim().min(2, '请填写服务日，如“周一至周五”').max(30, '服务日不超过 30 个字'),
    opensAt: clock('开门时间'),
    closesAt: clock('关门时间'),
  })
  .refine((h) => h.closesAt > h.opensAt, { path: ['closesAt'], message: '关门时间应晚于开门时间' })
export type InstitutionHoursBody = z.infer<typeof InstitutionHoursBodySchema>
