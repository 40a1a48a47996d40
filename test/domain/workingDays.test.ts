import { addWorkingDays, isWorkingDay, shanghaiDate } from '@domain/workingDays'

const at = (iso: string) => new Date(iso)

describe('the working-day calendar', () => {
  it('treats weekdays as working days and weekends as rest days', () => {
    expect(isWorkingDay('2026-11-23')).toBe(true) // Monday
    expect(isWorkingDay('2026-11-21')).toBe(false) // Saturday
    expect(isWorkingDay('2026-11-22')).toBe(false) // Sunday
  })

  it('knows the 2025 and 2026 public holidays from the State Council notices', () => {
    expect(isWorkingDay('2025-01-28')).toBe(false) // 春节 2025
    expect(isWorkingDay('2025-10-08')).toBe(false) // 国庆中秋 2025
    expect(isWorkingDay('2026-02-23')).toBe(false) // 春节 2026, a Monday
    expect(isWorkingDay('2026-10-07')).toBe(false) // 国庆 2026, a Wednesday
    expect(isWorkingDay('2026-06-19')).toBe(false) // 端午 2026, a Friday
  })

  it('counts 调休 make-up weekends as working days', () => {
    expect(isWorkingDay('2025-01-26')).toBe(true) // Sunday worked for 春节 2025
    expect(isWorkingDay('2026-01-04')).toBe(true) // Sunday worked for 元旦 2026
    expect(isWorkingDay('2026-02-14')).toBe(true) // Saturday worked for 春节 2026
    expect(isWorkingDay('2026-10-10')).toBe(true) // Saturday worked for 国庆 2026
  })

  it('falls back to the statutory holidays for 2027, whose notice is not out yet', () => {
    expect(isWorkingDay('2027-02-08')).toBe(false) // 初三, a Monday
    expect(isWorkingDay('2027-10-01')).toBe(false)
    expect(isWorkingDay('2027-10-04')).toBe(true) // no 调休 known: an ordinary Monday
  })

  it('uses the Asia/Shanghai calendar date of an instant', () => {
    expect(shanghaiDate(at('2026-11-22T16:30:00Z'))).toBe('2026-11-23')
  })

  it('ends a deadline at the close of the n-th working day after the day of filing', () => {
    // Filed Friday 2026-11-20 at 17:00 Beijing time: Mon, Tue, Wed → Wednesday 23:59:59.999.
    expect(addWorkingDays(at('2026-11-20T17:00:00+08:00'), 3).toISOString()).toBe('2026-11-25T15:59:59.999Z')
  })

  it('skips the whole Spring Festival and counts the make-up Saturday', () => {
    // Filed Friday 2026-02-13: 02-14 (Sat, worked) is day 1; 02-15..23 off; 02-24 day 2, 02-25 day 3.
    expect(shanghaiDate(addWorkingDays(at('2026-02-13T10:00:00+08:00'), 3))).toBe('2026-02-25')
  })

  it('skips the National Day week', () => {
    // Filed 2026-09-30 (Wed): 10-01..07 off, 10-08 Thu, 10-09 Fri, 10-10 Sat (worked).
    expect(shanghaiDate(addWorkingDays(at('2026-09-30T09:00:00+08:00'), 3))).toBe('2026-10-10')
  })
})
