import {
  careModeProblem,
  checkEnrollmentTransition,
  enrollmentVacancies,
  initialEnrollmentStatus,
  startMonthProblem,
} from '@domain/enrollmentRules'

describe('enrollment vacancies', () => {
  it('counts submitted applications as holding a vacancy while staff review them', () => {
    expect(enrollmentVacancies({ capacity: 35, enrolled: 30, submitted: 4 })).toBe(1)
    expect(initialEnrollmentStatus({ capacity: 35, enrolled: 30, submitted: 4 })).toBe('submitted')
    expect(initialEnrollmentStatus({ capacity: 35, enrolled: 30, submitted: 5 })).toBe('waitlisted')
  })

  it('never goes below zero', () => {
    expect(enrollmentVacancies({ capacity: 10, enrolled: 10, submitted: 3 })).toBe(0)
  })
})

describe('enrollment transitions', () => {
  it('lets the parent withdraw an open application and nothing else', () => {
    expect(checkEnrollmentTransition('withdraw', 'submitted')).toEqual({ ok: true, to: 'withdrawn' })
    expect(checkEnrollmentTransition('withdraw', 'waitlisted')).toEqual({ ok: true, to: 'withdrawn' })
    expect(checkEnrollmentTransition('withdraw', 'admitted').ok).toBe(false)
  })

  it('admits only an application holding a vacancy', () => {
    expect(checkEnrollmentTransition('admit', 'submitted')).toEqual({ ok: true, to: 'admitted' })
    expect(checkEnrollmentTransition('admit', 'waitlisted').ok).toBe(false)
  })

  it('declines an open application', () => {
    expect(checkEnrollmentTransition('decline', 'waitlisted')).toEqual({ ok: true, to: 'declined' })
    expect(checkEnrollmentTransition('decline', 'withdrawn').ok).toBe(false)
  })
})

describe('start month', () => {
  // 23:30 on 31 March in Shanghai
  const now = new Date('2026-03-31T15:30:00Z')

  it('accepts this month up to twelve months ahead (Asia/Shanghai)', () => {
    expect(startMonthProblem('2026-03', now)).toBeNull()
    expect(startMonthProblem('2027-03', now)).toBeNull()
  })

  it('refuses the past and more than twelve months ahead', () => {
    expect(startMonthProblem('2026-02', now)).toContain('不能早于本月')
    expect(startMonthProblem('2027-04', now)).toContain('12 个月')
  })

  it('reads the month in Shanghai: 16:30 UTC on 31 March is already April there', () => {
    expect(startMonthProblem('2026-03', new Date('2026-03-31T16:30:00Z'))).toContain('不能早于本月')
  })
})

describe('care mode', () => {
  it('must be one the institution offers', () => {
    expect(careModeProblem('full_day', ['full_day', 'hourly'])).toBeNull()
    expect(careModeProblem('temporary', ['full_day'])).toBe('该机构不提供这种托育方式')
  })
})
