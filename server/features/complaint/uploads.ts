import crypto from 'node:crypto'
import { Database } from '../../platform/db/database'
import { attachmentIdsOfReports, claimReportAttachments, findAttachment, insertAttachment } from './attachmentRepository'
import { Queryable } from '../../platform/db/database'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { AttachmentStore } from '../../platform/storage/attachmentStore'
import { cleanPhoto, PhotoType } from '../../platform/storage/cleanPhoto'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'

/**
 * Uploads not yet claimed by a complaint a user may have from the last day: enough for a
 * few attempts at a six-photo complaint, too few to use us as free photo storage.
 */
export const MAX_PENDING_UPLOADS_PER_DAY = 30

function randomToken(): string {
  return crypto.randomBytes(18).toString('base64url')
}

/**
 * Stores a cleaned photo and records it as the viewer's unclaimed upload. The file is
 * written before its row: a crash in between leaves an unreferenced file (never a row
 * pointing at nothing), and the id is random, so it cannot be guessed into a complaint.
 */
export async function uploadPhoto(db: Database, store: AttachmentStore, viewer: Viewer, original: Buffer): Promise<{ id: string }> {
  const pending = await db.query<{ count: number }>(
    `select count(*)::int as count from attachments
     where user_id = $1 and claimed_at is null and created_at > now() - interval '1 day'`,
    [viewer.userId],
  )
  if ((pending.rows[0]?.count ?? 0) >= MAX_PENDING_UPLOADS_PER_DAY) {
    throw new ApiError('RATE_LIMITED', '今天上传的照片太多了，请先提交投诉或明天再试')
  }
  const photo = await cleanPhoto(original)
  const id = `att_${randomToken()}`
  const storageKey = `photos/${randomToken()}.${photo.extension}`
  await store.put(storageKey, photo.bytes, photo.contentType)
  try {
    await insertAttachment(db, {
      id,
      userId: viewer.userId,
      storageKey,
      contentType: photo.contentType,
      byteSize: photo.bytes.length,
      width: photo.width,
      height: photo.height,
    })
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined)
    throw error
  }
  return { id }
}

export interface AttachmentFile {
  bytes: Buffer
  contentType: PhotoType
  /** Seconds the signed URL has left: the most a browser may cache it. */
  maxAgeSeconds: number
}

/**
 * The photo behind a signed URL. The signature is checked before the database is asked,
 * so without one nobody learns whether an id exists; an expired but genuine link says so
 * (the page should fetch the complaint again for fresh links).
 */
export async function readAttachment(
  db: Database,
  store: AttachmentStore,
  photos: AttachmentUrlSigner,
  id: string,
  expires: number,
  sig: string,
  now: Date = new Date(),
): Promise<AttachmentFile> {
  const farFuture = new Date(0)
  if (!photos.verify(id, expires, sig, farFuture)) throw new ApiError('NOT_FOUND', '照片不存在或链接无效')
  if (!photos.verify(id, expires, sig, now)) throw new ApiError('FORBIDDEN', '照片链接已过期，请刷新页面后再看')
  const row = await findAttachment(db, id)
  const bytes = row ? await store.get(row.storage_key) : null
  if (!row || !bytes) throw new ApiError('NOT_FOUND', '照片已按保存期限删除')
  return { bytes, contentType: row.content_type, maxAgeSeconds: Math.max(0, expires - Math.floor(now.getTime() / 1000)) }
}

/**
 * The photos of a rectification report (oversight feature) live in the same private store
 * as complaint photos: claimed from the reporter's own uploads in the report's transaction.
 */
export function claimRectificationPhotos(tx: Queryable, userId: string, reportId: string, attachmentIds: string[]): Promise<void> {
  return claimReportAttachments(tx, userId, reportId, attachmentIds)
}

/** Signed, short-lived links to each report's photos. */
export async function rectificationPhotoLinks(
  db: Queryable,
  photos: AttachmentUrlSigner,
  reportIds: string[],
  now: Date,
): Promise<Map<string, { id: string; url: string }[]>> {
  const ids = await attachmentIdsOfReports(db, reportIds)
  return new Map([...ids].map(([reportId, list]) => [reportId, list.map((id) => ({ id, url: photos.url(id, now) }))]))
}
