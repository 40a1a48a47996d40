import crypto from 'node:crypto'
import { ageInMonths, describeAgeRange, isAgeAccepted } from '@domain/age'
import { childReferenceDate } from '@domain/child'
import { Enrollment, EnrollmentCreateBody } from '@domain/enrollment'
import {
  ALREADY_APPLIED_MESSAGE,
  careModeProblem,
  checkEnrollmentTransition,
  initialEnrollmentStatus,
  OPEN_ENROLLMENT_STATUSES,
  startMonthFirstDay,
  startMonthProblem,
} from '@domain/enrollmentRules'
import { Database, Queryable } from '../../platform/db/database'
import { findChildForBooking } from './bookingChildren'
import {
  countSubmitted,
  findEnrollmentOfUser,
  hasOpenEnrollment,
  insertEnrollment,
  lockInstitutionForEnrollment,
  toEnrollment,
} from './enrollmentRepository'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { closeEnrollment, fillVacanciesFromWaitlist } from './enrollmentTransitions'
import { KeyRing } from '../../platform/crypto/fieldCipher'

export const enrollmentNotFound = () => new ApiError('NOT_FOUND', '没有找到这份入托申请')

/**
 * POST /api/v1/enrollments. Submitted when the institution has a vacancy (see
 * enrollmentRules.ts), else waitlisted — decided under the institution's row lock, so
 * two applicants never both take the last vacancy.
 */
export async function applyForEnrollment(db: Database, keyRing: KeyRing, viewer: Viewer, body: EnrollmentCreateBody, now: Date = new Date()): Promise<Enrollment> {
  const monthProblem = startMonthProblem(body.startMonth, now)
  if (monthProblem) throw new ApiError('VALIDATION', monthProblem, { 'body.startMonth': monthProblem })

  return db.transaction(async (tx) => {
    const child = await findChildForBooking(tx, viewer.userId, body.childId)
    if (!child) throw new ApiError('NOT_FOUND', '没有找到这个孩子')
    const institution = await lockInstitutionForEnrollment(tx, body.institutionId)
    if (!institution) throw new ApiError('NOT_FOUND', '没有找到这家托育机构')

    const modeProblem = careModeProblem(body.careMode, institution.care_modes)
    if (modeProblem) throw new ApiError('VALIDATION', modeProblem, { 'body.careMode': modeProblem })
    const range = { minMonths: institution.min_age_months, maxMonths: institution.max_age_months }
    const age = ageInMonths(childReferenceDate({ birthDate: child.birth_date, dueDate: child.due_date }), startMonthFirstDay(body.startMonth))
    if (!isAgeAccepted(range, age)) {
      throw new ApiError('AGE_NOT_ACCEPTED', `该机构招收${describeAgeRange(range)}的孩子，入托时孩子${Math.max(age, 0)}个月，不在范围内`)
    }
    if (await hasOpenEnrollment(tx, institution.id, child.id)) throw new ApiError('CONFLICT', ALREADY_APPLIED_MESSAGE)

    // Anyone already waiting goes first into a vacancy that opened since (e.g. capacity raised).
    await fillVacanciesFromWaitlist(tx, institution)
    const submitted = await countSubmitted(tx, institution.id)
    const places = { capacity: institution.capacity, enrolled: institution.enrolled, submitted }
    const id = crypto.randomUUID()
    await insertEnrollment(tx, keyRing, {
      id,
      institutionId: institution.id,
      userId: viewer.userId,
      childId: child.id,
      childNickname: child.nickname,
      careMode: body.careMode,
      startMonth: body.startMonth,
      contactPhone: body.contactPhone,
      status: initialEnrollmentStatus(places),
    })
    return myEnrollmentIn(tx, keyRing, viewer, id)
  })
}

async function myEnrollmentIn(db: Queryable, keyRing: KeyRing, viewer: Viewer, id: string): Promise<Enrollment> {
  const row = await findEnrollmentOfUser(db, id, viewer.userId)
  if (!row) throw enrollmentNotFound()
  return toEnrollment(keyRing, row, 'owner')
}

/** GET /api/v1/enrollments/:id — the parent's own application with its live waitlist position. */
export async function getMyEnrollment(db: Database, keyRing: KeyRing, viewer: Viewer, id: string): Promise<Enrollment> {
  return myEnrollmentIn(db, keyRing, viewer, id)
}

/** POST /api/v1/enrollments/:id/withdraw — leaves the line (or review); those behind move up. */
export async function withdrawMyEnrollment(db: Database, keyRing: KeyRing, viewer: Viewer, id: string): Promise<Enrollment> {
  return db.transaction(async (tx) => {
    const row = await findEnrollmentOfUser(tx, id, viewer.userId)
    if (!row) throw enrollmentNotFound()
    const check = checkEnrollmentTransition('withdraw', row.status)
    if (!check.ok) throw new ApiError('CONFLICT', check.reason)
    if (!(await closeEnrollment(tx, { id, institutionId: row.institution_id }, OPEN_ENROLLMENT_STATUSES, check.to))) {
      throw new ApiError('CONFLICT', '申请状态刚刚有变化，请刷新后再试')
    }
    return myEnrollmentIn(tx, keyRing, viewer, id)
  })
}
