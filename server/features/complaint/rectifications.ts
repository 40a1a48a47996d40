import crypto from 'node:crypto'
import { Rectification, RectificationCreateBody } from '@domain/complaint'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Database } from '../../platform/db/database'
import { findComplaintByTrackingNo, insertAuditEntry } from './complaintRepository'
import { findRegulatedInstitution, insertRectification } from './rectificationRepository'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'

/**
 * POST /api/v1/staff/rectifications: a regulator issues a 整改通知 to an institution of
 * their district; it appears on the institution's public page at once.
 */
export async function issueRectification(
  db: Database,
  regulator: Viewer & { regulatorDistrictCode: string },
  body: RectificationCreateBody,
  now: Date = new Date(),
): Promise<Rectification> {
  const today = todayInShanghai(now)
  if (body.dueOn < today) throw new ApiError('VALIDATION', '整改期限不能早于今天', { 'body.dueOn': '整改期限不能早于今天' })
  return db.transaction(async (tx) => {
    const institution = await findRegulatedInstitution(tx, body.institutionId, regulator.regulatorDistrictCode)
    if (!institution) throw new ApiError('NOT_FOUND', '没有找到本区县的这家机构')
    let complaintId: string | null = null
    if (body.trackingNo !== undefined) {
      const complaint = await findComplaintByTrackingNo(tx, body.trackingNo)
      if (!complaint || complaint.district_code !== regulator.regulatorDistrictCode || complaint.institution_id !== institution.id) {
        throw new ApiError('NOT_FOUND', '没有找到这家机构的这件投诉')
      }
      complaintId = complaint.id
    }
    const notice: Rectification = {
      id: crypto.randomUUID(),
      institutionId: institution.id,
      issuedOn: today,
      dueOn: body.dueOn,
      authority: `${institution.district_name}卫生健康委员会`,
      issue: body.issue,
    }
    await insertRectification(tx, notice, complaintId)
    await insertAuditEntry(tx, {
      actorUserId: regulator.userId,
      action: 'rectification.issue',
      subjectKind: 'institution',
      subjectId: institution.id,
      detail: { rectificationId: notice.id, dueOn: notice.dueOn, trackingNo: body.trackingNo ?? null },
    })
    return notice
  })
}
