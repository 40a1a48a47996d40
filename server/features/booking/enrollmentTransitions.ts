import { EnrollmentStatus } from '@domain/enrollment'
import { enrollmentVacancies } from '@domain/enrollmentRules'
import { Queryable } from '../../platform/db/database'
import {
  countSubmitted,
  InstitutionForEnrollment,
  lockInstitutionForEnrollment,
  promoteFromWaitlist,
  transitionEnrollment,
} from './enrollmentRepository'
import { queueEnrollmentStatusNotice } from './bookingNotices'

/**
 * Closes an open application (withdrawn by the parent, declined by staff) under the
 * institution's row lock, then lets the waitlist move up into any vacancy it left.
 * Returns false when the application had already left `from`.
 */
export async function closeEnrollment(
  tx: Queryable,
  enrollment: { id: string; institutionId: string },
  from: readonly EnrollmentStatus[],
  to: EnrollmentStatus,
): Promise<boolean> {
  const institution = await lockInstitutionForEnrollment(tx, enrollment.institutionId)
  if (!institution) return false
  const changed = await transitionEnrollment(tx, enrollment.id, from, to)
  if (!changed) return false
  await fillVacanciesFromWaitlist(tx, institution)
  return true
}

/**
 * With the institution locked: moves waitlisted applications up to submitted, in line
 * order, while vacancies remain, and tells each family.
 */
export async function fillVacanciesFromWaitlist(tx: Queryable, institution: InstitutionForEnrollment): Promise<void> {
  const submitted = await countSubmitted(tx, institution.id)
  const vacancies = enrollmentVacancies({ capacity: institution.capacity, enrolled: institution.enrolled, submitted })
  const promoted = await promoteFromWaitlist(tx, institution.id, vacancies)
  for (const p of promoted) await queueEnrollmentStatusNotice(tx, p.id, 'submitted')
}
