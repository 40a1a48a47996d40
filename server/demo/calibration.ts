import { InstitutionKind } from '@domain/institution'

/*
 * What each demo district should add up to.
 *
 * 渝北区 follows the figures its source document publishes: 117 filed institutions,
 * 103 of them 托幼一体 kindergartens and 14 托育机构, 6,201 places, full-day fees
 * 1,500–6,800 元/月, mostly full-day care, 普惠 rate about 76%.
 *
 * The other four are ESTIMATES, not published figures: sized from their populations
 * relative to 渝北 (大足 ~0.8M, 北碚 ~0.8M, 广元 ~2.3M but far fewer per head,
 * 雁江 ~0.8M), with the lower fees of smaller cities and a slightly lower 普惠 share.
 */

export interface DistrictCalibration {
  /** How many institutions of each kind; their sum is the district's count. */
  kinds: Partial<Record<InstitutionKind, number>>
  /** Total places (托位); the generator hits it exactly. */
  capacity: number
  /** Share of 普惠 institutions; the generator rounds count × share. */
  affordableShare: number
  /** Full-day fee range in fen per month; the cheapest and dearest sit exactly on it. */
  fullDayFee: { min: number; max: number }
}

export const CALIBRATION: Record<string, DistrictCalibration> = {
  // 渝北区: published figures
  '500112': {
    kinds: { kindergarten_class: 103, childcare_center: 14 },
    capacity: 6_201,
    affordableShare: 0.76,
    fullDayFee: { min: 150_000, max: 680_000 },
  },
  // 大足区: estimate
  '500111': {
    kinds: { kindergarten_class: 40, childcare_center: 9, community: 3 },
    capacity: 2_380,
    affordableShare: 0.72,
    fullDayFee: { min: 120_000, max: 380_000 },
  },
  // 北碚区: estimate
  '500109': {
    kinds: { kindergarten_class: 48, childcare_center: 11, employer: 2, community: 3 },
    capacity: 3_050,
    affordableShare: 0.74,
    fullDayFee: { min: 140_000, max: 520_000 },
  },
  // 广元市 (利州区, 昭化区, 朝天区 and the counties' main towns): estimate
  '510800': {
    kinds: { kindergarten_class: 66, childcare_center: 15, community: 4, family: 3 },
    capacity: 3_860,
    affordableShare: 0.7,
    fullDayFee: { min: 100_000, max: 360_000 },
  },
  // 雁江区: estimate
  '512002': {
    kinds: { kindergarten_class: 31, childcare_center: 7, community: 1, family: 2 },
    capacity: 1_790,
    affordableShare: 0.68,
    fullDayFee: { min: 110_000, max: 350_000 },
  },
}

/** Kind mix of the synthetic benchmark cities, roughly the national filing lists'. */
export const SYNTHETIC_KIND_WEIGHTS: ReadonlyArray<[InstitutionKind, number]> = [
  ['kindergarten_class', 0.58],
  ['childcare_center', 0.27],
  ['employer', 0.04],
  ['community', 0.07],
  ['family', 0.04],
]
export const SYNTHETIC_AFFORDABLE_SHARE = 0.6
export const SYNTHETIC_FULL_DAY_FEE = { min: 120_000, max: 800_000 }
