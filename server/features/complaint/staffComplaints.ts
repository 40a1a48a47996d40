import { ComplaintStatus, StaffComplaint } from '@domain/complaint'
import { nextStatus, StaffAction } from '@domain/complaintRules'
import { Database, Queryable } from '../../platform/db/database'
import { ComplaintRow, findComplaintByTrackingNo, findDistrictQueue, findEvents, StatusChange } from './complaintRepository'
import { auditTrailOf, insertAuditEntry } from '../../platform/db/auditLog'
import { AuditEntry, COMPLAINT_AUDIT_LABELS } from '@domain/oversight'
import { Page } from '@domain/page'
import { ApiError } from '../../platform/http/apiError'
import { offsetCursorAt, offsetOf, pageFromList } from '../../platform/http/paging'
import { Viewer } from '../accounts/authentication'
import { changeComplaintStatus } from './complaintChanges'
import { toStaffComplaint } from './complaintViews'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'

/*
 * The district regulator's side (卫健委): the queue of their district, and the four
 * actions. Another district's complaint is a 404, as if it did not exist. Every action
 * is written to the audit log (who, what, when) in the same transaction as the change.
 */

type Regulator = Viewer & { regulatorDistrictCode: string }

const notFound = () => new ApiError('NOT_FOUND', '没有找到这件投诉')

const ACTION_VERBS: Record<StaffAction, string> = { accept: '受理', investigate: '开始调查', resolve: '办结', reject: '不予受理' }

export async function complaintQueue(
  db: Queryable,
  photos: AttachmentUrlSigner,
  regulator: Regulator,
  query: { status?: ComplaintStatus[]; cursor?: string; limit: number },
  now: Date = new Date(),
): Promise<{ items: StaffComplaint[]; nextCursor: string | null }> {
  const offset = offsetOf(query.cursor)
  const rows = await findDistrictQueue(db, regulator.regulatorDistrictCode, query.status ?? null, query.limit + 1, offset)
  const page = rows.slice(0, query.limit)
  const events = await findEvents(db, page.map((r) => r.id))
  const items = await Promise.all(page.map((row) => toStaffComplaint(db, photos, row, now, events)))
  return { items, nextCursor: rows.length > query.limit ? offsetCursorAt(offset + query.limit) : null }
}

async function districtComplaint(db: Queryable, regulator: Regulator, trackingNo: string, forUpdate = false): Promise<ComplaintRow> {
  const row = await findComplaintByTrackingNo(db, trackingNo, forUpdate)
  if (!row || row.district_code !== regulator.regulatorDistrictCode) throw notFound()
  return row
}

export async function staffComplaint(db: Queryable, photos: AttachmentUrlSigner, regulator: Regulator, trackingNo: string, now: Date = new Date()): Promise<StaffComplaint> {
  const row = await districtComplaint(db, regulator, trackingNo)
  await insertAuditEntry(db, { actorUserId: regulator.userId, action: 'complaint.view', subjectKind: 'complaint', subjectId: row.id })
  return toStaffComplaint(db, photos, row, now)
}

/** accept / investigate / resolve (with the result) / reject (with the reason). */
export async function actOnComplaint(
  db: Database,
  photos: AttachmentUrlSigner,
  regulator: Regulator,
  trackingNo: string,
  action: StaffAction,
  note: string | null,
  now: Date = new Date(),
): Promise<StaffComplaint> {
  return db.transaction(async (tx) => {
    const row = await districtComplaint(tx, regulator, trackingNo, true)
    const to = nextStatus(row.status, action)
    if (to === null) throw new ApiError('CONFLICT', `这件投诉当前的状态不能${ACTION_VERBS[action]}，请刷新后再试`)
    const change: StatusChange = { status: to }
    if (to === 'resolved') change.resolvedAt = now
    await changeComplaintStatus(tx, row, change, note, regulator.userId, now)
    await insertAuditEntry(tx, {
      actorUserId: regulator.userId,
      action: `complaint.${action}`,
      subjectKind: 'complaint',
      subjectId: row.id,
      detail: { trackingNo: row.tracking_no, from: row.status, to, note },
    })
    return toStaffComplaint(tx, photos, (await findComplaintByTrackingNo(tx, trackingNo))!, now)
  })
}

/**
 * For a rectification notice issued about a complaint (oversight feature): the complaint
 * of this district and institution, or null. Records on the complaint's audit trail that
 * a notice came of it, in the caller's transaction.
 */
export async function noteRectificationOnComplaint(
  tx: Queryable,
  regulator: Regulator,
  trackingNo: string,
  institutionId: string,
  rectificationId: string,
): Promise<string | null> {
  const row = await findComplaintByTrackingNo(tx, trackingNo)
  if (!row || row.district_code !== regulator.regulatorDistrictCode || row.institution_id !== institutionId) return null
  await insertAuditEntry(tx, {
    actorUserId: regulator.userId,
    action: 'complaint.rectification_issued',
    subjectKind: 'complaint',
    subjectId: row.id,
    detail: { trackingNo, rectificationId },
  })
  return row.id
}

/**
 * GET /staff/complaints/:trackingNo/audit — who did what, when, on one complaint of the
 * regulator's district, oldest first. Actors are named by nickname; the complainant never
 * appears (their filing is not an audited staff action).
 */
export async function complaintAuditTrail(db: Queryable, regulator: Regulator, trackingNo: string, query: { cursor?: string; limit: number }): Promise<Page<AuditEntry>> {
  const row = await districtComplaint(db, regulator, trackingNo)
  const entries = (await auditTrailOf(db, 'complaint', row.id)).map((entry) => {
    const detail = entry.detail as { note?: unknown; reason?: unknown }
    const note = typeof detail.note === 'string' ? detail.note : typeof detail.reason === 'string' ? detail.reason : null
    return {
      at: entry.at.toISOString(),
      action: entry.action,
      actionLabel: COMPLAINT_AUDIT_LABELS[entry.action] ?? entry.action,
      actor: entry.actor_nickname ?? (entry.actor_user_id.startsWith('cli:') ? '系统管理员' : '已注销的用户'),
      note,
    }
  })
  return pageFromList(entries, query.cursor, query.limit, 'audit')
}
