import { z } from 'zod'
import { formatFen } from './money'

/**
 * Care modes (托育服务形式) as the filing documents name them:
 * 全日托 full_day, 半日托 half_day, 计时托 hourly, 临时托 temporary.
 */
export const CARE_MODES = ['full_day', 'half_day', 'hourly', 'temporary'] as const
export const CARE_MODE_MESSAGE = '托育方式只能是全日托、半日托、计时托或临时托'
export const CareModeSchema = z.enum(CARE_MODES, { error: CARE_MODE_MESSAGE })
export type CareMode = z.infer<typeof CareModeSchema>

export const CARE_MODE_LABELS: Record<CareMode, string> = {
  full_day: '全日托',
  half_day: '半日托',
  hourly: '计时托',
  temporary: '临时托',
}

/** What one fee pays for. Half-day care is billed monthly like full-day care. */
export const FEE_UNITS = ['per_month', 'per_hour', 'per_day'] as const
export const FeeUnitSchema = z.enum(FEE_UNITS)
export type FeeUnit = z.infer<typeof FeeUnitSchema>

export const FEE_UNIT_LABELS: Record<FeeUnit, string> = {
  per_month: '元/月',
  per_hour: '元/小时',
  per_day: '元/天',
}

/** The unit each mode is priced in; maxFee filters are read in this unit. */
export const UNIT_OF_CARE_MODE: Record<CareMode, FeeUnit> = {
  full_day: 'per_month',
  half_day: 'per_month',
  hourly: 'per_hour',
  temporary: 'per_day',
}

export const CareModeFeeSchema = z
  .object({
    mode: CareModeSchema,
    fee: z.number().int().nonnegative(),
    unit: FeeUnitSchema,
  })
  .refine((f) => f.unit === UNIT_OF_CARE_MODE[f.mode], { message: '收费单位与托育方式不一致' })
export type CareModeFee = z.infer<typeof CareModeFeeSchema>

const PER_UNIT: Record<FeeUnit, string> = { per_month: '月', per_hour: '小时', per_day: '天' }

/** "¥3,200/月", "¥45/小时". */
export function describeFee(fee: Pick<CareModeFee, 'fee' | 'unit'>): string {
  return `${formatFen(fee.fee)}/${PER_UNIT[fee.unit]}`
}
