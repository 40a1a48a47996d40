import { ageInMonths } from './age'
import { shanghaiDate } from './shanghaiTime'
import { Fen } from './money'

/*
 * 育儿补贴 and the 3岁以下婴幼儿照护 tax deduction, counted for one child. Pure: the figures
 * come from the policy library (content/policies/), never from here, so a new standard is
 * a content change with its own source and date.
 *
 * How months are counted (docs/api.md, 我能享受哪些):
 * - The subsidy runs from the programme's start (2025-01-01) until the child turns 3, 36
 *   months for a child born on or after the start. A child born before it gets the months
 *   remaining: 36 minus the whole months of age already reached at the start. This is the
 *   counting of the official example (a child born in December 2023 receives 24 months;
 *   China Daily, 2025-07-29, reporting the State Council's plan); provinces set the exact
 *   payment calendar, so the app shows it as an estimate.
 * - The tax deduction runs from the month of birth to the month before the third birthday
 *   (个人所得税专项附加扣除暂行办法), i.e. 36 monthly deductions.
 */

export const MONTHS_UNTIL_THREE = 36

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

export interface SubsidyMonths {
  /** Months the child is owed over the whole programme (0–36). */
  totalMonths: number
  /** Of those, months from today until the child turns 3 (0–36, never more than totalMonths). */
  monthsLeft: number
}

/**
 * Subsidy months for a child born (or due) on `birthDate`, seen on `today`, for a programme
 * that started on `programmeStart`. All dates YYYY-MM-DD in Asia/Shanghai.
 */
export function subsidyMonths(birthDate: string, today: string, programmeStart: string): SubsidyMonths {
  const monthsBeforeStart = Math.max(0, ageInMonths(birthDate, programmeStart))
  const totalMonths = clamp(MONTHS_UNTIL_THREE - monthsBeforeStart, 0, MONTHS_UNTIL_THREE)
  // Before birth (negative age) the whole 36 months are still ahead.
  const ageToday = Math.max(0, ageInMonths(birthDate, today))
  const monthsLeft = clamp(MONTHS_UNTIL_THREE - ageToday, 0, totalMonths)
  return { totalMonths, monthsLeft }
}

export interface ChildcareSubsidy extends SubsidyMonths {
  /** The published yearly amount divided by 12, in fen. */
  monthlyFen: Fen
  totalFen: Fen
  remainingFen: Fen
}

export function childcareSubsidy(birthDate: string, today: string, programmeStart: string, yearlyFen: Fen): ChildcareSubsidy {
  const months = subsidyMonths(birthDate, today, programmeStart)
  // 3,600 元/年 is 300 元/月 exactly; floor keeps any other standard at or under the published amount.
  const monthlyFen = Math.floor(yearlyFen / 12)
  return { ...months, monthlyFen, totalFen: monthlyFen * months.totalMonths, remainingFen: monthlyFen * months.monthsLeft }
}

/** Months of tax deduction left: from this month (or the birth month) to the month before the third birthday. */
export function deductionMonthsLeft(birthDate: string, today: string): number {
  const birth = shanghaiDate(birthDate).startOf('month')
  const now = shanghaiDate(today).startOf('month')
  const start = now.isBefore(birth) ? birth : now
  const end = birth.add(MONTHS_UNTIL_THREE, 'month') // the month of the third birthday: not counted
  return clamp(end.diff(start, 'month'), 0, MONTHS_UNTIL_THREE)
}

/*
 * 综合所得 rates, 3%–45% (个人所得税法, 2018 amendment, 税率表一). A deduction lowers taxable
 * income, so it saves deduction × marginal rate; we show the range, never one promised number.
 */
export const COMPREHENSIVE_INCOME_RATES = [0.03, 0.1, 0.2, 0.25, 0.3, 0.35, 0.45] as const

export interface TaxSavingRange {
  /** The deduction this parent claims per month (the full amount, or half when split 50/50). */
  deductionFen: Fen
  minFen: Fen
  maxFen: Fen
}

/** What a monthly deduction may save one parent per month, lowest to highest bracket. */
export function taxSavingRange(deductionFen: Fen): TaxSavingRange {
  const rates = COMPREHENSIVE_INCOME_RATES
  return {
    deductionFen,
    minFen: Math.round(deductionFen * rates[0]),
    maxFen: Math.round(deductionFen * rates[rates.length - 1]),
  }
}
