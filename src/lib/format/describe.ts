import { describeFee, FeeUnitSchema } from '@domain/careMode'
import { formatFen } from '@domain/money'

/** "尚有 12 个空位 / 共 80 个托位", or "已满" when nothing is free. */
export function describeVacancies(vacancies: number, capacity: number): string {
  if (vacancies <= 0) return `已满 · 共 ${capacity} 个托位`
  return `尚有 ${vacancies} 个空位 / 共 ${capacity} 个托位`
}

/** "4.6分（23人评价）", or "暂无评价" before anyone rated. */
export function describeRating(rating: { average: number | null; count: number }): string {
  if (rating.average === null || rating.count === 0) return '暂无评价'
  return `${rating.average.toFixed(1)}分（${rating.count}人评价）`
}

/** A district's share of 普惠 institutions, "76%". */
export function describeShare(share: number): string {
  return `${Math.round(share * 100)}%`
}

/**
 * A median fee from GET /districts, whose unit is a plain string on the wire:
 * "¥3,200/月" (one currency sign, as every fee) when the unit is one we know, the bare
 * amount otherwise.
 */
export function describeMedianFee(fee: number, unit: string): string {
  const known = FeeUnitSchema.safeParse(unit)
  return known.success ? describeFee({ fee, unit: known.data }) : formatFen(fee)
}

/** "08:00–17:30 周一至周五". */
export function describeHours(hours: { days: string; opensAt: string; closesAt: string }): string {
  return `${hours.days} ${hours.opensAt}–${hours.closesAt}`
}
