import crypto from 'node:crypto'
import {
  Complaint,
  ComplaintCreateBody,
  ComplaintCreated,
  ComplaintFeedbackBody,
  ComplaintReexaminationBody,
} from '@domain/complaint'
import { canGiveFeedback, deadlinesFrom, reexaminationRefusal, urgencyOf } from '@domain/complaintRules'
import { Database, Queryable, Transaction } from '../../platform/db/database'
import { claimAttachments } from './attachmentRepository'
import {
  ComplaintRow,
  findComplaintByTrackingNo,
  findComplaintsOfUser,
  findEvents,
  findInstitutionForComplaint,
  insertComplaint,
  insertEvent,
  NewComplaint,
  saveFeedback,
} from './complaintRepository'
import { isoTime } from '../../platform/db/isoTime'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { changeComplaintStatus } from './complaintChanges'
import { feedbackState, toComplaint } from './complaintViews'
import { newTrackingNo } from './trackingNumber'
import { offsetCursorAt, offsetOf } from '../../platform/http/paging'
import { findDistrictCode } from '../find/lookups'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { KeyRing } from '../../platform/crypto/fieldCipher'

export const complaintNotFound = () => new ApiError('NOT_FOUND', '没有找到这件投诉，请核对查询码和手机号后四位')

/** A clock a few minutes ahead on the phone is not a lie about when something happened. */
const CLOCK_SKEW_MS = 5 * 60_000

/**
 * POST /api/v1/complaints. One transaction: the complaint with its tracking number, its
 * first timeline entry and its photos commit together, or nothing is stored.
 */
export async function fileComplaint(db: Database, keyRing: KeyRing, viewer: Viewer, body: ComplaintCreateBody, now: Date = new Date()): Promise<ComplaintCreated> {
  if (Date.parse(body.occurredAt) > now.getTime() + CLOCK_SKEW_MS) {
    throw new ApiError('VALIDATION', '发生时间不能晚于现在', { 'body.occurredAt': '发生时间不能晚于现在' })
  }
  const deadlines = deadlinesFrom(body.category, now)
  return db.transaction(async (tx) => {
    const where = await complaintTarget(tx, body)
    const id = crypto.randomUUID()
    const trackingNo = await insertWithFreshTrackingNo(tx, keyRing, now, (no) => ({
      id,
      trackingNo: no,
      userId: viewer.userId,
      ...where,
      category: body.category,
      urgent: urgencyOf(body.category) === 'urgent',
      description: body.description,
      occurredAt: body.occurredAt,
      anonymous: body.anonymous,
      contactPhone: body.contactPhone,
      acceptBy: deadlines.acceptBy,
      dueBy: deadlines.dueBy,
    }))
    await insertEvent(tx, id, 'submitted', null, viewer.userId)
    await claimAttachments(tx, viewer.userId, id, body.attachments ?? [])
    return { trackingNo, status: 'submitted' as const, acceptBy: isoTime(deadlines.acceptBy), dueBy: isoTime(deadlines.dueBy) }
  })
}

type Target = Pick<NewComplaint, 'institutionId' | 'institutionName' | 'institutionAddress' | 'listed' | 'districtCode'>

/** The listed institution, or the unlisted one with the district whose regulators get it. */
async function complaintTarget(tx: Queryable, body: ComplaintCreateBody): Promise<Target> {
  if (body.institutionId !== undefined) {
    const institution = await findInstitutionForComplaint(tx, body.institutionId)
    if (!institution) throw new ApiError('NOT_FOUND', '没有找到这家机构；如果它不在列表里，请按"未收录机构"填写名称和地址')
    return { institutionId: institution.id, institutionName: institution.name, institutionAddress: institution.address, listed: true, districtCode: institution.district_code }
  }
  const unlisted = body.unlistedInstitution!
  const districtCode = await findDistrictCode(tx, unlisted.district)
  if (districtCode === null) {
    throw new ApiError('VALIDATION', '请选择机构所在的区县', { 'body.unlistedInstitution.district': '没有这个区县，请从列表中选择' })
  }
  return { institutionId: null, institutionName: unlisted.name, institutionAddress: unlisted.address, listed: false, districtCode }
}

/** A collision of two random numbers is a one-in-a-billion event a day; draw again. */
async function insertWithFreshTrackingNo(tx: Transaction, keyRing: KeyRing, now: Date, complaint: (trackingNo: string) => NewComplaint): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const trackingNo = newTrackingNo(now)
    if (await insertComplaint(tx, keyRing, complaint(trackingNo))) return trackingNo
  }
  throw new Error('could not draw an unused tracking number')
}

/** GET /api/v1/me/complaints: newest first, paged by offset (server/platform/http/paging.ts). */
export async function myComplaints(db: Queryable, photos: AttachmentUrlSigner, viewer: Viewer, cursor: string | undefined, limit: number, now: Date = new Date()) {
  const offset = offsetOf(cursor)
  const rows = await findComplaintsOfUser(db, viewer.userId, limit + 1, offset)
  const page = rows.slice(0, limit)
  const events = await findEvents(db, page.map((r) => r.id))
  const items = await Promise.all(page.map((row) => toComplaint(db, photos, row, 'owner', now, events)))
  return { items, nextCursor: rows.length > limit ? offsetCursorAt(offset + limit) : null }
}

/** The owner's complaint by tracking number; anyone else's is a 404. */
async function ownComplaint(db: Queryable, viewer: Viewer, trackingNo: string, forUpdate = false): Promise<ComplaintRow> {
  const row = await findComplaintByTrackingNo(db, trackingNo, forUpdate)
  if (!row || row.user_id !== viewer.userId) throw complaintNotFound()
  return row
}

export async function getOwnComplaint(db: Queryable, photos: AttachmentUrlSigner, viewer: Viewer, trackingNo: string, now: Date = new Date()): Promise<Complaint | null> {
  const row = await findComplaintByTrackingNo(db, trackingNo)
  if (!row || row.user_id !== viewer.userId) return null
  return toComplaint(db, photos, row, 'owner', now)
}

/** 满意度评价, once, after the answer. */
export async function giveFeedback(db: Database, photos: AttachmentUrlSigner, viewer: Viewer, trackingNo: string, body: ComplaintFeedbackBody, now: Date = new Date()): Promise<Complaint> {
  return db.transaction(async (tx) => {
    const row = await ownComplaint(tx, viewer, trackingNo, true)
    if (!canGiveFeedback(feedbackState(row))) {
      throw new ApiError('CONFLICT', row.status === 'resolved' ? '您已经评价过这次办理结果' : '投诉办结后才能评价')
    }
    await saveFeedback(tx, row.id, body.satisfied, body.comment ?? null)
    return toComplaint(tx, photos, (await findComplaintByTrackingNo(tx, trackingNo))!, 'owner', now)
  })
}

/** 申请复核: within 15 days of the answer, once; it goes back to the regulator with a new deadline. */
export async function requestReexamination(db: Database, photos: AttachmentUrlSigner, viewer: Viewer, trackingNo: string, body: ComplaintReexaminationBody, now: Date = new Date()): Promise<Complaint> {
  return db.transaction(async (tx) => {
    const row = await ownComplaint(tx, viewer, trackingNo, true)
    const refusal = reexaminationRefusal(feedbackState(row), now)
    if (refusal !== null) throw new ApiError('CONFLICT', refusal)
    const deadlines = deadlinesFrom(row.category, now)
    await changeComplaintStatus(
      tx,
      row,
      { status: 'reexamination_requested', dueBy: deadlines.dueBy, reexaminationRequestedAt: now },
      body.reason,
      viewer.userId,
      now,
    )
    return toComplaint(tx, photos, (await findComplaintByTrackingNo(tx, trackingNo))!, 'owner', now)
  })
}
