import { CareMode } from './careMode'
import { EnrollmentStatus } from './enrollment'
import { inShanghai } from './shanghaiTime'

/*
 * Enrollment applications (入托申请) and the waitlist (候补).
 *
 * Vacancy for a new application = capacity − enrolled − submitted applications: an
 * admitted child is counted in the institution's `enrolled`, and a submitted one
 * reserves a place while staff review it. With no vacancy the application joins the
 * waitlist; when a vacancy opens (a submitted application is withdrawn or declined)
 * the head of the waitlist moves up to submitted.
 */

export const OPEN_ENROLLMENT_STATUSES: readonly EnrollmentStatus[] = ['submitted', 'waitlisted']

export function isOpenEnrollment(status: EnrollmentStatus): boolean {
  return OPEN_ENROLLMENT_STATUSES.includes(status)
}

export interface InstitutionPlaces {
  capacity: number
  enrolled: number
  /** Applications in status submitted. */
  submitted: number
}

export function enrollmentVacancies(places: InstitutionPlaces): number {
  return Math.max(0, places.capacity - places.enrolled - places.submitted)
}

export function initialEnrollmentStatus(places: InstitutionPlaces): EnrollmentStatus {
  return enrollmentVacancies(places) > 0 ? 'submitted' : 'waitlisted'
}

export type EnrollmentAction = 'withdraw' | 'admit' | 'decline'

const ENROLLMENT_TRANSITIONS: Record<EnrollmentAction, { from: readonly EnrollmentStatus[]; to: EnrollmentStatus }> = {
  // The parent may leave the line or withdraw an application under review.
  withdraw: { from: ['submitted', 'waitlisted'], to: 'withdrawn' },
  // Staff admit an application holding a reserved vacancy; the waitlist moves up first.
  admit: { from: ['submitted'], to: 'admitted' },
  decline: { from: ['submitted', 'waitlisted'], to: 'declined' },
}

export type EnrollmentTransitionCheck = { ok: true; to: EnrollmentStatus } | { ok: false; reason: string }

export function checkEnrollmentTransition(action: EnrollmentAction, status: EnrollmentStatus): EnrollmentTransitionCheck {
  const transition = ENROLLMENT_TRANSITIONS[action]
  if (transition.from.includes(status)) return { ok: true, to: transition.to }
  if (action === 'admit' && status === 'waitlisted') return { ok: false, reason: '候补中的申请需等有空位、转为待审核后才能录取' }
  return { ok: false, reason: '这份申请已处理完毕，不能再更改' }
}

/** A start month further out than this is a guess, not a plan. */
export const MAX_START_MONTHS_AHEAD = 12

/** "YYYY-MM" of this month in Asia/Shanghai. */
export function currentMonth(now: Date = new Date()): string {
  return inShanghai(now).format('YYYY-MM')
}

function monthIndex(month: string): number {
  const [year, m] = month.split('-').map(Number)
  return year * 12 + (m - 1)
}

/** Why this start month is refused, or null when it is fine (this month up to 12 months ahead). */
export function startMonthProblem(startMonth: string, now: Date = new Date()): string | null {
  const ahead = monthIndex(startMonth) - monthIndex(currentMonth(now))
  if (ahead < 0) return '入托月份不能早于本月'
  if (ahead > MAX_START_MONTHS_AHEAD) return `入托月份最多选 ${MAX_START_MONTHS_AHEAD} 个月以内`
  return null
}

/** The first day of the start month: the day the child's age is judged on. */
export function startMonthFirstDay(startMonth: string): string {
  return `${startMonth}-01`
}

export function careModeProblem(careMode: CareMode, offered: readonly CareMode[]): string | null {
  return offered.includes(careMode) ? null : '该机构不提供这种托育方式'
}

export const ALREADY_APPLIED_MESSAGE = '孩子已经向这家机构提交过申请，请等待结果或先撤回'
