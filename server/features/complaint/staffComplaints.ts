import { ComplaintStatus, StaffComplaint } from '@domain/complaint'
import { nextStatus, StaffAction } from '@domain/complaintRules'
import { Database, Queryable } from '../../platform/db/database'
import { ComplaintRow, findComplaintByTrackingNo, findDistrictQueue, findEvents, insertAuditEntry, StatusChange } from './complaintRepository'
import { ApiError } from '../../platform/http/apiError'
import { offsetCursorAt, offsetOf } from '../../platform/http/paging'
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
