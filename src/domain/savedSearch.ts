import { z } from 'zod'
import { isAgeAccepted } from './age'
import { CareMode, CareModeSchema, UNIT_OF_CARE_MODE } from './careMode'
import { distanceKm, LatLng } from './geo'
import { safeText } from './safeText'

/*
 * 保存的搜索 and its alerts: a parent saves a search and is told — by subscribe message
 * where accepted, and in 我的 always — when an institution matching it gains a vacancy or
 * publishes an open day; at most one alert per saved search per day. The matcher is the
 * one rule both the alert job and its tests use.
 */

export const MAX_SAVED_SEARCHES = 10
export const MAX_ALERT_RADIUS_KM = 50

export const SavedSearchBodySchema = z
  .object({
    name: safeText({ error: '请给这个搜索起个名字' }).trim().min(1, '请给这个搜索起个名字').max(20, '名字不超过 20 字'),
    districtCode: z.string().regex(/^\d{6}$/, '区县代码是 6 位数字').optional(),
    location: z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }, { error: '位置应包含经纬度' }).optional(),
    radiusKm: z.number({ error: '范围应为数字' }).positive('范围应大于 0').max(MAX_ALERT_RADIUS_KM, `范围最多 ${MAX_ALERT_RADIUS_KM} 公里`).optional(),
    careMode: CareModeSchema.optional(),
    ageMonths: z.number({ error: '月龄应为数字' }).int('月龄应为整数').min(0, '月龄不能为负数').max(36, '月龄最多 36 个月').optional(),
    /** In fen, in the unit of careMode (元/月 for full- and half-day care). */
    maxFee: z.number({ error: '最高收费应为数字' }).int('最高收费应为整数（分）').positive('最高收费应大于 0').optional(),
    affordableOnly: z.boolean().default(false),
  })
  .refine((s) => s.districtCode !== undefined || s.location !== undefined, { message: '请选择区县或位置', path: ['districtCode'] })
  .refine((s) => (s.location === undefined) === (s.radiusKm === undefined), { message: '按位置保存时需要同时给出范围（公里）', path: ['radiusKm'] })
  .refine((s) => s.maxFee === undefined || s.careMode !== undefined, { message: '设置最高收费时请选择托育方式（收费单位随方式不同）', path: ['maxFee'] })
export type SavedSearchBody = z.infer<typeof SavedSearchBodySchema>

export const SavedSearchSchema = z.object({
  id: z.string(),
  name: z.string(),
  districtCode: z.string().nullable(),
  location: z.object({ lat: z.number(), lng: z.number() }).nullable(),
  radiusKm: z.number().nullable(),
  careMode: CareModeSchema.nullable(),
  ageMonths: z.number().nullable(),
  maxFee: z.number().nullable(),
  affordableOnly: z.boolean(),
  createdAt: z.string(),
})
export type SavedSearch = z.infer<typeof SavedSearchSchema>

/** visit_published comes only from 订阅开放日提醒 (src/domain/openDayWatch.ts). */
export const ALERT_CHANGES = ['vacancy_gained', 'open_day_published', 'visit_published'] as const
export const AlertChangeSchema = z.enum(ALERT_CHANGES)
export type AlertChange = z.infer<typeof AlertChangeSchema>

/** One alert of 我的 · 空位提醒: from a saved search, or from an 订阅开放日提醒 (then the ids and name of the search are null). */
export const SearchAlertSchema = z.object({
  id: z.string(),
  savedSearchId: z.string().nullable(),
  savedSearchName: z.string().nullable(),
  openDayWatchId: z.string().nullable(),
  day: z.string(),
  change: AlertChangeSchema,
  institution: z.object({ id: z.string(), name: z.string() }),
  /** What changed, in a sentence: "（演示数据）小橙子托育园 新增 2 个空位". */
  text: z.string(),
  createdAt: z.string(),
})
export type SearchAlert = z.infer<typeof SearchAlertSchema>

/** The facts of an institution a saved search is matched against. */
export interface AlertInstitution {
  districtCode: string
  location: LatLng
  affordable: boolean
  ageRange: { minMonths: number; maxMonths: number }
  careModes: ReadonlyArray<{ mode: CareMode; fee: number }>
}

export type SavedCriteria = Pick<SavedSearch, 'districtCode' | 'location' | 'radiusKm' | 'careMode' | 'ageMonths' | 'maxFee' | 'affordableOnly'>

/** Does this institution match the saved search? The same reading of each filter as 找托育. */
export function savedSearchMatches(search: SavedCriteria, inst: AlertInstitution): boolean {
  if (search.location && search.radiusKm !== null) {
    if (distanceKm(search.location, inst.location) > search.radiusKm) return false
  } else if (search.districtCode !== null && inst.districtCode !== search.districtCode) {
    return false
  }
  if (search.affordableOnly && !inst.affordable) return false
  if (search.ageMonths !== null && !isAgeAccepted(inst.ageRange, search.ageMonths)) return false
  if (search.careMode !== null) {
    const offered = inst.careModes.find((m) => m.mode === search.careMode)
    if (!offered) return false
    if (search.maxFee !== null && offered.fee > search.maxFee) return false
  }
  return true
}

/** The unit maxFee is read in, for the form's label. */
export function maxFeeUnit(careMode: CareMode): string {
  return UNIT_OF_CARE_MODE[careMode] === 'per_month' ? '元/月' : UNIT_OF_CARE_MODE[careMode] === 'per_hour' ? '元/小时' : '元/天'
}
