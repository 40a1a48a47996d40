import { z } from 'zod'
import { AgeRange } from './age'
import { CARE_MODE_LABELS, CARE_MODES, CareMode, CareModeSchema } from './careMode'

/*
 * Vacancies per care mode (全日托/半日托/计时托/临时托) and age band (乳儿班/托小班/托大班),
 * as staff keep them in the 工作台 (issue 9). The institution's total vacancies is their
 * sum, so a search for a 24-month child wanting 全日托 is not shown a place that only
 * has infant (乳儿班) vacancies.
 *
 * The bands follow the class types of 《托育机构设置标准（试行）》, but here as the
 * months a child of that band is: 乳儿班 under 12, 托小班 12–23, 托大班 24–36 — so every
 * child under three falls in exactly one band (a class's own floor, e.g. 6 months for
 * 乳儿班, is the institution's age range to enforce, not the band's).
 */

/** The same names as CLASS_TYPES of institution.ts (which imports this module's neighbours, hence not imported). */
export const AGE_BANDS = ['infant', 'toddler', 'preschool'] as const
export const AgeBandSchema = z.enum(AGE_BANDS, { error: '班级只能是乳儿班、托小班或托大班' })
export type AgeBand = z.infer<typeof AgeBandSchema>
export const AGE_BAND_LABELS: Record<AgeBand, string> = { infant: '乳儿班', toddler: '托小班', preschool: '托大班' }

export const AGE_BAND_MONTHS: Record<AgeBand, { from: number; to: number }> = {
  infant: { from: 0, to: 11 },
  toddler: { from: 12, to: 23 },
  preschool: { from: 24, to: 36 },
}

/** 乳儿班 0–12 月 as parents read it. */
export function describeAgeBand(band: AgeBand): string {
  return `${AGE_BAND_LABELS[band]}（${AGE_BAND_MONTHS[band].from}–${(band === 'preschool' ? AGE_BAND_MONTHS[band].to : AGE_BAND_MONTHS[band].to + 1)} 月）`
}

/** The band a child of this many whole months belongs to; null past 36 months or before birth. */
export function ageBandOf(ageMonths: number): AgeBand | null {
  return AGE_BANDS.find((band) => ageMonths >= AGE_BAND_MONTHS[band].from && ageMonths <= AGE_BAND_MONTHS[band].to) ?? null
}

/** Bands an institution taking this age range can have vacancies in. */
export function bandsWithin(range: AgeRange): AgeBand[] {
  return AGE_BANDS.filter((band) => AGE_BAND_MONTHS[band].from <= range.maxMonths && AGE_BAND_MONTHS[band].to >= range.minMonths)
}

export const VacancyCellSchema = z.object({
  careMode: CareModeSchema,
  ageBand: AgeBandSchema,
  vacancies: z.number({ error: '空位数应为数字' }).int('空位数应为整数').min(0, '空位数不能为负').max(1000, '空位数太多'),
})
export type VacancyCell = z.infer<typeof VacancyCellSchema>

/** Cells in one order everywhere (care mode, then band): the detail page, the index, the tests. */
export function sortCells<T extends Pick<VacancyCell, 'careMode' | 'ageBand'>>(cells: readonly T[]): T[] {
  const modeOrder = (mode: CareMode) => CARE_MODES.indexOf(mode)
  return [...cells].sort((a, b) => modeOrder(a.careMode) - modeOrder(b.careMode) || AGE_BANDS.indexOf(a.ageBand) - AGE_BANDS.indexOf(b.ageBand))
}

/** "全日托 · 托小班 空 2 个" (or "已满"). */
export function describeCell(cell: VacancyCell): string {
  const place = cell.vacancies > 0 ? `空 ${cell.vacancies} 个` : '已满'
  return `${CARE_MODE_LABELS[cell.careMode]} · ${AGE_BAND_LABELS[cell.ageBand]} ${place}`
}

export interface VacancyWish {
  careModes: readonly CareMode[]
  ageMonths?: number
}

/**
 * Does an institution have a vacancy for what the parent asked (any of the care modes,
 * or any mode when none is chosen; the child's band when an age is given)?
 * openPlaces lists only cells with places. An institution whose staff never broke the
 * total down (openPlaces empty while the total is positive: an imported filing row)
 * is judged by its total, as before issue 9.
 */
export function hasVacancyFor(total: number, openPlaces: readonly VacancyCell[], wish: VacancyWish): boolean {
  if (total <= 0) return false
  if (openPlaces.length === 0) return true
  const band = wish.ageMonths === undefined ? undefined : ageBandOf(wish.ageMonths)
  return openPlaces.some(
    (cell) => cell.vacancies > 0 && (wish.careModes.length === 0 || wish.careModes.includes(cell.careMode)) && (band === undefined || cell.ageBand === band),
  )
}
