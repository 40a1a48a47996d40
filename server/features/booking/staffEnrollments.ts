import { Enrollment, EnrollmentStatus } from '@domain/enrollment'
import { checkEnrollmentTransition } from '@domain/enrollmentRules'
import { Database } from '../../platform/db/database'
import {
  findEnrollmentOfInstitution,
  listEnrollmentsOfInstitution,
  lockInstitutionForEnrollment,
  takeEnrollmentPlace,
  toEnrollment,
  transitionEnrollment,
} from './enrollmentRepository'
import { bumpSearchIndexVersion } from '../find/searchIndexVersion'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { queueEnrollmentStatusNotice } from './bookingNotices'
import { enrollmentNotFound } from './enrollments'
import { closeEnrollment } from './enrollmentTransitions'
import { offsetCursorAt, offsetOf } from '../../platform/http/paging'
import { Page } from '@domain/page'
import { KeyRing } from '../../platform/crypto/fieldCipher'

type Staff = Viewer & { staffInstitutionId: string }

/** GET /api/v1/staff/enrollments — the waitlist in line order first, then the rest, phones masked. */
export async function listStaffEnrollments(
  db: Database,
  keyRing: KeyRing,
  staff: Staff,
  filter: { status?: EnrollmentStatus; cursor?: string; limit: number },
): Promise<Page<Enrollment>> {
  const offset = offsetOf(filter.cursor)
  const rows = await listEnrollmentsOfInstitution(db, staff.staffInstitutionId, filter.status, filter.limit + 1, offset)
  return { items: rows.slice(0, filter.limit).map((row) => toEnrollment(keyRing, row, 'staff')), nextCursor: rows.length > filter.limit ? offsetCursorAt(offset + filter.limit) : null }
}

const changed = () => new ApiError('CONFLICT', '申请状态刚刚有变化，请刷新后再试')

/**
 * POST /api/v1/staff/enrollments/:id/admit — takes a place (institutions.enrolled + 1,
 * guarded by enrolled < capacity) and bumps the search index version, since the
 * institution's vacancies show in search.
 */
export async function admitEnrollment(db: Database, keyRing: KeyRing, staff: Staff, id: string): Promise<Enrollment> {
  return db.transaction(async (tx) => {
    const row = await findEnrollmentOfInstitution(tx, id, staff.staffInstitutionId)
    if (!row) throw enrollmentNotFound()
    const check = checkEnrollmentTransition('admit', row.status)
    if (!check.ok) throw new ApiError('CONFLICT', check.reason)
    await lockInstitutionForEnrollment(tx, staff.staffInstitutionId)
    if (!(await transitionEnrollment(tx, id, ['submitted'], check.to))) throw changed()
    if (!(await takeEnrollmentPlace(tx, staff.staffInstitutionId))) throw new ApiError('CONFLICT', '机构已经没有空余名额，不能再录取')
    await bumpSearchIndexVersion(tx)
    await queueEnrollmentStatusNotice(tx, id, check.to)
    return toEnrollment(keyRing, (await findEnrollmentOfInstitution(tx, id, staff.staffInstitutionId))!, 'staff')
  })
}

/** POST /api/v1/staff/enrollments/:id/decline — the waitlist moves up into a vacancy it frees. */
export async function declineEnrollment(db: Database, keyRing: KeyRing, staff: Staff, id: string): Promise<Enrollment> {
  return db.transaction(async (tx) => {
    const row = await findEnrollmentOfInstitution(tx, id, staff.staffInstitutionId)
    if (!row) throw enrollmentNotFound()
    const check = checkEnrollmentTransition('decline', row.status)
    if (!check.ok) throw new ApiError('CONFLICT', check.reason)
    if (!(await closeEnrollment(tx, { id, institutionId: staff.staffInstitutionId }, [row.status], check.to))) throw changed()
    await queueEnrollmentStatusNotice(tx, id, check.to)
    return toEnrollment(keyRing, (await findEnrollmentOfInstitution(tx, id, staff.staffInstitutionId))!, 'staff')
  })
}
