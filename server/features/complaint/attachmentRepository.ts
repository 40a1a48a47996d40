import { ApiError } from '../../platform/http/apiError'
import { Queryable } from '../../platform/db/database'

/** A complaint carries at most this many photos (the app offers six). */
export const MAX_ATTACHMENTS_PER_COMPLAINT = 6

/** Upload ids are random, so an id alone proves nothing: claims also check the owner. */
const ATTACHMENT_ID = /^att_[A-Za-z0-9_-]{16,64}$/

export interface AttachmentRow {
  id: string
  user_id: string
  complaint_id: string | null
  storage_key: string
  content_type: 'image/jpeg' | 'image/png' | 'image/webp'
  byte_size: number
  width: number
  height: number
  created_at: Date
}

export interface NewAttachment {
  id: string
  userId: string
  storageKey: string
  contentType: AttachmentRow['content_type']
  byteSize: number
  width: number
  height: number
}

export async function insertAttachment(db: Queryable, a: NewAttachment): Promise<void> {
  await db.query(
    `insert into attachments (id, user_id, storage_key, content_type, byte_size, width, height)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [a.id, a.userId, a.storageKey, a.contentType, a.byteSize, a.width, a.height],
  )
}

export async function findAttachment(db: Queryable, id: string): Promise<AttachmentRow | null> {
  if (!ATTACHMENT_ID.test(id)) return null
  const result = await db.query<AttachmentRow>(
    `select id, user_id, complaint_id, storage_key, content_type, byte_size, width, height, created_at
     from attachments where id = $1`,
    [id],
  )
  return result.rows[0] ?? null
}

/**
 * Ties the user's own, not yet used uploads to a complaint, inside the complaint's
 * transaction. Any id that is not this user's unclaimed upload (someone else's, already
 * on another complaint, purged, made up) refuses the whole complaint with 400, and the
 * caller's transaction rolls back, so nothing is half attached.
 */
export function claimAttachments(tx: Queryable, userId: string, complaintId: string, attachmentIds: string[]): Promise<void> {
  return claimFor(tx, userId, 'complaint_id', complaintId, attachmentIds)
}

/** The same claim for the photos of a rectification report (整改完成报告). */
export function claimReportAttachments(tx: Queryable, userId: string, reportId: string, attachmentIds: string[]): Promise<void> {
  return claimFor(tx, userId, 'rectification_report_id', reportId, attachmentIds)
}

async function claimFor(
  tx: Queryable,
  userId: string,
  column: 'complaint_id' | 'rectification_report_id',
  ownerId: string,
  attachmentIds: string[],
): Promise<void> {
  const ids = [...new Set(attachmentIds)]
  if (ids.length === 0) return
  if (ids.length > MAX_ATTACHMENTS_PER_COMPLAINT) {
    throw new ApiError('VALIDATION', `照片最多 ${MAX_ATTACHMENTS_PER_COMPLAINT} 张`, {
      'body.attachments': `照片最多 ${MAX_ATTACHMENTS_PER_COMPLAINT} 张`,
    })
  }
  const invalid = () => new ApiError('VALIDATION', '照片已失效，请重新上传', { 'body.attachments': '照片已失效，请重新上传' })
  if (!ids.every((id) => ATTACHMENT_ID.test(id))) throw invalid()
  const claimed = await tx.query(
    `update attachments set ${column} = $2, claimed_at = now()
     where id = any($3::text[]) and user_id = $1 and claimed_at is null`,
    [userId, ownerId, ids],
  )
  if (claimed.rowCount !== ids.length) throw invalid()
}

/** The photos of each report, in upload order. */
export async function attachmentIdsOfReports(db: Queryable, reportIds: string[]): Promise<Map<string, string[]>> {
  const byReport = new Map<string, string[]>()
  if (reportIds.length === 0) return byReport
  const result = await db.query<{ id: string; rectification_report_id: string }>(
    `select id, rectification_report_id from attachments where rectification_report_id = any($1::text[]) order by created_at, id`,
    [reportIds],
  )
  for (const row of result.rows) byReport.set(row.rectification_report_id, [...(byReport.get(row.rectification_report_id) ?? []), row.id])
  return byReport
}

/** The photos of a complaint in upload order (purged ones are gone). */
export async function attachmentIdsOfComplaint(db: Queryable, complaintId: string): Promise<string[]> {
  const result = await db.query<{ id: string }>(`select id from attachments where complaint_id = $1 order by created_at, id`, [complaintId])
  return result.rows.map((row) => row.id)
}

/**
 * Attachments due for deletion: claimed ones older than the retention period, and
 * uploads never claimed for a complaint or a rectification report after a day (abandoned forms).
 */
export async function expiredAttachments(
  db: Queryable,
  claimedBefore: Date,
  unclaimedBefore: Date,
  limit: number,
): Promise<Pick<AttachmentRow, 'id' | 'storage_key'>[]> {
  const result = await db.query<Pick<AttachmentRow, 'id' | 'storage_key'>>(
    `select id, storage_key from attachments
     where (claimed_at is not null and created_at < $1) or (claimed_at is null and created_at < $2)
     order by created_at limit $3`,
    [claimedBefore, unclaimedBefore, limit],
  )
  return result.rows
}

export async function deleteAttachmentRow(db: Queryable, id: string): Promise<void> {
  await db.query(`delete from attachments where id = $1`, [id])
}
