import { ageInMonths, describeAgeRange, describeMonths, isAgeAccepted, ageInMonthsToday } from '@domain/age'

describe('ageInMonths', () => {
  it('counts whole months between calendar dates', () => {
    expect(ageInMonths('2025-03-15', '2025-03-15')).toBe(0)
    expect(ageInMonths('2025-03-15', '2025-04-14')).toBe(0)
    expect(ageInMonths('2025-03-15', '2025-04-15')).toBe(1)
    expect(ageInMonths('2024-03-15', '2026-03-15')).toBe(24)
  })

  it('treats the last day of a shorter month as the monthly birthday', () => {
    expect(ageInMonths('2025-01-31', '2025-02-28')).toBe(1)
    expect(ageInMonths('2024-01-31', '2024-02-29')).toBe(1)
  })

  it('handles a leap-day birth in a non-leap year', () => {
    expect(ageInMonths('2024-02-29', '2025-02-28')).toBe(12)
  })

  it('is negative before birth (a due date in the future)', () => {
    expect(ageInMonths('2026-12-20', '2026-11-23')).toBeLessThan(0)
  })

  it('reads "today" on the Shanghai clock, not the machine clock', () => {
    // 2026-03-14 16:30 UTC is already 2026-03-15 00:30 in Shanghai: the monthly birthday.
    expect(ageInMonthsToday('2026-02-15', new Date('2026-03-14T16:30:00Z'))).toBe(1)
    expect(ageInMonthsToday('2026-02-15', new Date('2026-03-14T15:59:00Z'))).toBe(0)
  })
})

describe('isAgeAccepted', () => {
  it('includes both ends of the range', () => {
    const range = { minMonths: 6, maxMonths: 36 }
    expect(isAgeAccepted(range, 5)).toBe(false)
    expect(isAgeAccepted(range, 6)).toBe(true)
    expect(isAgeAccepted(range, 36)).toBe(true)
    expect(isAgeAccepted(range, 37)).toBe(false)
  })
})

describe('describing ages', () => {
  it('uses whole years where it can', () => {
    expect(describeMonths(6)).toBe('6个月')
    expect(describeMonths(24)).toBe('2岁')
    expect(describeMonths(18)).toBe('1岁6个月')
    expect(describeAgeRange({ minMonths: 6, maxMonths: 36 })).toBe('6个月–3岁')
  })
})
