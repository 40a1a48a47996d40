import crypto from 'node:crypto'
import { Rectification, RectificationCreateBody } from '@domain/complaint'
import { dueOnProblem } from '@domain/rectificationFlow'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Database } from '../../platform/db/database'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { noteRectificationOnComplaint } from '../complaint/staffComplaints'
import { findRegulatedInstitution } from './oversightRepository'
import { findNotice, insertRectification } from './rectificationRepository'
import { notifyInstitution } from './rectificationNotify'

export type Regulator = Viewer & { regulatorDistrictCode: string }

/**
 * The authority a record of the regulator names: the 卫健委 that filed the institution
 * (as the filing list, the demo data and the public page name it), else the district's.
 */
export function districtAuthority(institution: { filing_authority: string; district_name: string }): string {
  return institution.filing_authority.trim() || `${institution.district_name}卫生健康委员会`
}

/**
 * POST /api/v1/staff/rectifications: a regulator issues a 整改通知 to an institution of
 * their district. It appears on the public page at once and is addressed to the
 * institution: its people see it in the workbench and are sent a notice.
 */
export async function issueRectification(db: Database, regulator: Regulator, body: RectificationCreateBody, now: Date = new Date()): Promise<Rectification> {
  const today = todayInShanghai(now)
  const problem = dueOnProblem(body.dueOn, today)
  if (problem) throw new ApiError('VALIDATION', problem, { 'body.dueOn': problem })
  return db.transaction(async (tx) => {
    const institution = await findRegulatedInstitution(tx, body.institutionId, regulator.regulatorDistrictCode)
    if (!institution) throw new ApiError('NOT_FOUND', '没有找到本区县的这家机构')
    const notice: Rectification = {
      id: crypto.randomUUID(),
      institutionId: institution.id,
      issuedOn: today,
      dueOn: body.dueOn,
      authority: districtAuthority(institution),
      issue: body.issue,
      requirement: body.requirement ?? '',
    }
    let complaintId: string | null = null
    if (body.trackingNo !== undefined) {
      complaintId = await noteRectificationOnComplaint(tx, regulator, body.trackingNo, institution.id, notice.id)
      if (complaintId === null) throw new ApiError('NOT_FOUND', '没有找到这家机构的这件投诉')
    }
    await insertRectification(tx, notice, complaintId, regulator.userId)
    await insertAuditEntry(tx, {
      actorUserId: regulator.userId,
      action: 'rectification.issue',
      subjectKind: 'institution',
      subjectId: institution.id,
      detail: { rectificationId: notice.id, dueOn: notice.dueOn, trackingNo: body.trackingNo ?? null },
    })
    await notifyInstitution(tx, (await findNotice(tx, notice.id))!, '新通知', `整改期限 ${notice.dueOn}`, 'issued')
    return notice
  })
}
