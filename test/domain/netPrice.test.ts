import fc from 'fast-check'
import dayjs from 'dayjs'
import { childcareSubsidy, deductionMonthsLeft, subsidyMonths } from '@domain/childcareSubsidy'
import { ageInMonths } from '@domain/age'
import { describeNetPrice, netMonthlyPrice } from '@domain/netPrice'

/** The national 育儿补贴: 3,600 元 a year from 2025-01-01 (content/policies/national-childcare-subsidy.md). */
const YEARLY = 360_000
const START = '2025-01-01'
const PUBLISHED_MONTHLY = 30_000
/** The tax deduction: 2,000 元 per child per month since 2023-01-01. */
const DEDUCTION = 200_000

const calendarDate = (from: string, days: number) =>
  fc.integer({ min: 0, max: days }).map((offset) => dayjs(from).add(offset, 'day').format('YYYY-MM-DD'))

describe('育儿补贴 months', () => {
  it('gives a child born on or after the start all 36 months', () => {
    expect(subsidyMonths('2025-01-01', '2025-01-01', START)).toEqual({ totalMonths: 36, monthsLeft: 36 })
    expect(subsidyMonths('2025-09-29', '2026-11-29', START)).toEqual({ totalMonths: 36, monthsLeft: 22 })
  })

  it('gives a child born in December 2023 the 24 months of the official example', () => {
    expect(subsidyMonths('2023-12-15', '2025-08-01', START).totalMonths).toBe(24)
  })

  it('gives nothing to a child already 3 at the start', () => {
    expect(subsidyMonths('2021-12-31', '2025-06-01', START)).toEqual({ totalMonths: 0, monthsLeft: 0 })
  })

  it('keeps the whole 36 months ahead of an unborn child (a due date)', () => {
    expect(subsidyMonths('2027-03-01', '2026-11-29', START)).toEqual({ totalMonths: 36, monthsLeft: 36 })
  })

  it('properties: months left never run past age 3, nor past the months owed; money never past the published amount', () => {
    fc.assert(
      fc.property(calendarDate('2019-01-01', 4000), calendarDate('2024-06-01', 2500), (birth, today) => {
        const subsidy = childcareSubsidy(birth, today, START, YEARLY)
        const age = Math.max(0, ageInMonths(birth, today))
        expect(subsidy.totalMonths).toBeGreaterThanOrEqual(0)
        expect(subsidy.totalMonths).toBeLessThanOrEqual(36)
        expect(subsidy.monthsLeft).toBeGreaterThanOrEqual(0)
        expect(subsidy.monthsLeft).toBeLessThanOrEqual(subsidy.totalMonths)
        expect(subsidy.monthsLeft).toBeLessThanOrEqual(Math.max(0, 36 - age))
        expect(subsidy.monthlyFen).toBeLessThanOrEqual(PUBLISHED_MONTHLY)
        expect(subsidy.totalFen).toBeLessThanOrEqual(YEARLY * 3)
        expect(subsidy.remainingFen).toBeLessThanOrEqual(subsidy.totalFen)
        const deduction = deductionMonthsLeft(birth, today)
        expect(deduction).toBeGreaterThanOrEqual(0)
        expect(deduction).toBeLessThanOrEqual(36)
      }),
      { numRuns: 500 },
    )
  })
})

describe('the net monthly price', () => {
  it('properties: never negative, subsidy never more than the published amount nor the fee, tax a range', () => {
    const fen = fc.integer({ min: 0, max: 2_000_000 })
    fc.assert(
      fc.property(fen, fen, fen, fen, fc.integer({ min: 0, max: PUBLISHED_MONTHLY }), fc.constantFrom(0, DEDUCTION / 2, DEDUCTION), (tuition, meals, registration, deposit, subsidy, deduction) => {
        const price = netMonthlyPrice({
          fees: { tuitionFen: tuition, mealsFen: meals, registrationFen: registration, depositFen: deposit },
          subsidyMonthlyFen: subsidy,
          taxDeductionMonthlyFen: deduction,
        })
        expect(price.netFen).toBeGreaterThanOrEqual(0)
        expect(price.subsidyFen).toBeLessThanOrEqual(PUBLISHED_MONTHLY)
        expect(price.subsidyFen).toBeLessThanOrEqual(subsidy)
        expect(price.subsidyFen).toBeLessThanOrEqual(price.monthlyFeeFen)
        expect(price.netFen + price.subsidyFen).toBe(tuition + meals)
        expect(price.tax.minFen).toBeLessThanOrEqual(price.tax.maxFen)
        expect(price.tax.maxFen).toBeLessThanOrEqual(deduction)
      }),
      { numRuns: 500 },
    )
  })

  /*
   * Three families worked out by hand, on 2026-11-29.
   *
   * 1. 渝北, child born 2025-09-29 (14 months), 全日托 3,200 元 + 伙食费 300 元, 报名费 200 元,
   *    押金 1,000 元; one parent claims the whole deduction.
   *    Subsidy: born after 2025-01-01 → 36 months; 36 − 14 = 22 left; 3,600 ÷ 12 = 300 元/月.
   *    Monthly: 3,200 + 300 = 3,500; net 3,500 − 300 = 3,200 元.
   *    Tax: 2,000 × 3% = 60 元 … 2,000 × 45% = 900 元 per month.
   */
  it('family 1: 渝北, 14 months, full-day with meals on top', () => {
    const subsidy = childcareSubsidy('2025-09-29', '2026-11-29', START, YEARLY)
    expect(subsidy).toEqual({ totalMonths: 36, monthsLeft: 22, monthlyFen: 30_000, totalFen: 1_080_000, remainingFen: 660_000 })
    const price = netMonthlyPrice({
      fees: { tuitionFen: 320_000, mealsFen: 30_000, registrationFen: 20_000, depositFen: 100_000 },
      subsidyMonthlyFen: subsidy.monthlyFen,
      taxDeductionMonthlyFen: DEDUCTION,
    })
    expect(price.monthlyFeeFen).toBe(350_000)
    expect(price.subsidyFen).toBe(30_000)
    expect(price.netFen).toBe(320_000)
    expect(price.tax).toEqual({ deductionFen: 200_000, minFen: 6_000, maxFen: 90_000 })
    expect(price.oneOffFen).toBe(20_000)
    expect(price.depositFen).toBe(100_000)
    expect(describeNetPrice(price)).toBe('约 ¥3,200/月，已扣除育儿补贴 ¥300/月；个税可再少缴约 ¥60–¥900/月，取决于税率')
  })

  /*
   * 2. 广元, child born 2023-12-15, 半日托 1,800 元 with meals included; parents split the
   *    deduction 50/50 (1,000 元 each).
   *    Subsidy: on 2025-01-01 the child was 12 whole months old → 36 − 12 = 24 months (the
   *    official example); on 2026-11-29 the child is 35 months → 1 month left.
   *    Net: 1,800 − 300 = 1,500 元. Tax for one parent: 1,000 × 3% = 30 … × 45% = 450 元.
   */
  it('family 2: 广元, born December 2023, half-day, deduction split between parents', () => {
    const subsidy = childcareSubsidy('2023-12-15', '2026-11-29', START, YEARLY)
    expect(subsidy.totalMonths).toBe(24)
    expect(subsidy.monthsLeft).toBe(1)
    expect(subsidy.remainingFen).toBe(30_000)
    const price = netMonthlyPrice({
      fees: { tuitionFen: 180_000, mealsFen: 0, registrationFen: 0, depositFen: 0 },
      subsidyMonthlyFen: subsidy.monthsLeft > 0 ? subsidy.monthlyFen : 0,
      taxDeductionMonthlyFen: DEDUCTION / 2,
    })
    expect(price.netFen).toBe(150_000)
    expect(price.tax).toEqual({ deductionFen: 100_000, minFen: 3_000, maxFen: 45_000 })
    expect(price.steps[0]).toBe('托育费 ¥1,800/月（含伙食或不另收） = ¥1,800/月')
  })

  /*
   * 3. A community 托育点 charging 250 元/月 for a 20-month-old; parents pay no income tax.
   *    The 300 元 subsidy is more than the fee: only 250 元 of it is set against the fee, so
   *    the price is 0, never −50; no tax line.
   */
  it('family 3: a fee below the subsidy costs nothing, never less than nothing', () => {
    const price = netMonthlyPrice({
      fees: { tuitionFen: 25_000, mealsFen: 0, registrationFen: 0, depositFen: 0 },
      subsidyMonthlyFen: 30_000,
      taxDeductionMonthlyFen: 0,
    })
    expect(price.subsidyFen).toBe(25_000)
    expect(price.netFen).toBe(0)
    expect(describeNetPrice(price)).toBe('约 ¥0/月，已扣除育儿补贴 ¥250/月')
  })
})
