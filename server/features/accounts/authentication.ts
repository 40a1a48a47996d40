import { FastifyRequest } from 'fastify'
import { Database } from '../../platform/db/database'
import { findViewerBySessionHash } from './viewerRepository'
import { hashSessionToken } from './sessionToken'
import { ApiError } from '../../platform/http/apiError'

/** Who is asking: a signed-in user, and the institution or district they work for, if any. */
export interface Viewer {
  userId: string
  nickname: string | null
  /** The institution this person works for (admin or staff), if any. */
  staffInstitutionId: string | null
  /** Whether they are that institution's admin (invites and removes staff) or staff. */
  institutionRole: 'institution_admin' | 'institution_staff' | null
  regulatorDistrictCode: string | null
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/

/**
 * The viewer of a request with `Authorization: Bearer <token>`, or a 401 UNAUTHORIZED
 * for a missing, malformed, expired or revoked token. Call it first in every
 * signed-in service: `const viewer = await requireViewer(db, request)`.
 */
export async function requireViewer(db: Database, request: FastifyRequest): Promise<Viewer> {
  const match = BEARER.exec(request.headers.authorization ?? '')
  if (!match) throw new ApiError('UNAUTHORIZED')
  const row = await findViewerBySessionHash(db, hashSessionToken(match[1]))
  if (!row) throw new ApiError('UNAUTHORIZED', '登录已过期，请重新登录')
  return {
    userId: row.user_id,
    nickname: row.nickname,
    staffInstitutionId: row.staff_institution_id,
    institutionRole: row.institution_role,
    regulatorDistrictCode: row.regulator_district_code,
  }
}

/** A staff member of one institution, or 403 FORBIDDEN for anyone else. */
export async function requireInstitutionStaff(db: Database, request: FastifyRequest): Promise<Viewer & { staffInstitutionId: string }> {
  const viewer = await requireViewer(db, request)
  if (viewer.staffInstitutionId === null) throw new ApiError('FORBIDDEN', '只有机构工作人员可以进行这个操作')
  return { ...viewer, staffInstitutionId: viewer.staffInstitutionId }
}

/** An institution's admin (机构管理员), or 403 FORBIDDEN for anyone else, staff included. */
export async function requireInstitutionAdmin(db: Database, request: FastifyRequest): Promise<Viewer & { staffInstitutionId: string }> {
  const staff = await requireInstitutionStaff(db, request)
  if (staff.institutionRole !== 'institution_admin') throw new ApiError('FORBIDDEN', '只有机构管理员可以进行这个操作')
  return staff
}

/** A district regulator (卫健委 staff), or 403 FORBIDDEN for anyone else. */
export async function requireRegulator(db: Database, request: FastifyRequest): Promise<Viewer & { regulatorDistrictCode: string }> {
  const viewer = await requireViewer(db, request)
  if (viewer.regulatorDistrictCode === null) throw new ApiError('FORBIDDEN', '只有区县监管部门工作人员可以进行这个操作')
  return { ...viewer, regulatorDistrictCode: viewer.regulatorDistrictCode }
}
