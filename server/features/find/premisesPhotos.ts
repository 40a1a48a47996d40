import crypto from 'node:crypto'
import { factFreshness } from '@domain/institutionFacts'
import { PREMISES_PHOTOS_MAX, PremisesPhotoOrderBody, PremisesPhotos, premisesPhotoPath } from '@domain/premisesPhotos'
import { insertAuditEntry } from '../../platform/db/auditLog'
import { Database, Queryable } from '../../platform/db/database'
import { ApiError } from '../../platform/http/apiError'
import { AttachmentStore } from '../../platform/storage/attachmentStore'
import { cleanPhoto, PhotoType } from '../../platform/storage/cleanPhoto'
import {
  countPremisesPhotos,
  deletePremisesPhoto,
  findPremisesPhoto,
  insertPremisesPhoto,
  listPremisesPhotos,
  lockInstitution,
  publishPremisesPhotos,
  setPremisesPhotoOrder,
} from './premisesPhotoRepository'

/*
 * 环境照片 (issue 9): staff add, remove and reorder photos of their premises; parents see
 * them on the public detail page. Files go through the same cleaning as complaint photos
 * (cleanPhoto: real JPEG/PNG/WebP only, re-encoded, no EXIF/GPS) into the same store,
 * under premises/…; unlike complaint photos they are public (see docs/architecture.md).
 */

/** Same window as fees and hours: the premises change rarely, a year-old photo is still honest. */
const PHOTOS_STALE_DAYS = 365

function randomToken(): string {
  return crypto.randomBytes(18).toString('base64url')
}

async function publish(tx: Queryable, institutionId: string, now: Date): Promise<void> {
  const rows = await listPremisesPhotos(tx, institutionId)
  await publishPremisesPhotos(tx, institutionId, rows.map((row) => premisesPhotoPath(institutionId, row.id)), now)
}

/** GET /api/v1/staff/institution/photos — the photos in order and how old the set is. */
export async function premisesPhotosOf(db: Queryable, institutionId: string, now: Date = new Date()): Promise<PremisesPhotos> {
  const [rows, stamp] = await Promise.all([
    listPremisesPhotos(db, institutionId),
    db.query<{ photos_updated_at: Date | null }>(`select photos_updated_at from institutions where id = $1`, [institutionId]),
  ])
  const at = stamp.rows[0]?.photos_updated_at ?? null
  return {
    photos: rows.map((row) => ({ id: row.id, url: premisesPhotoPath(institutionId, row.id) })),
    freshness: factFreshness('环境照片', at === null ? null : new Date(at).toISOString(), now, PHOTOS_STALE_DAYS),
  }
}

function tooMany(): ApiError {
  const message = `最多 ${PREMISES_PHOTOS_MAX} 张环境照片，请先删除一张再上传`
  return new ApiError('VALIDATION', message, { file: message })
}

/**
 * POST /api/v1/staff/institution/photos. The file is written before its row (a crash in
 * between leaves an unreferenced file, never a row pointing at nothing) and removed again
 * when the row is refused; the ninth-place check runs under the institution's row lock.
 */
export async function addPremisesPhoto(
  db: Database,
  store: AttachmentStore,
  staff: { userId: string; staffInstitutionId: string },
  original: Buffer,
  now: Date = new Date(),
): Promise<PremisesPhotos> {
  const institutionId = staff.staffInstitutionId
  // Cheap early answer before decoding; the locked count below is the one that decides.
  if ((await countPremisesPhotos(db, institutionId)) >= PREMISES_PHOTOS_MAX) throw tooMany()
  const photo = await cleanPhoto(original)
  const storageKey = `premises/${randomToken()}.${photo.extension}`
  await store.put(storageKey, photo.bytes, photo.contentType)
  try {
    await db.transaction(async (tx) => {
      if (!(await lockInstitution(tx, institutionId))) throw new ApiError('NOT_FOUND', '没有找到这家机构')
      if ((await countPremisesPhotos(tx, institutionId)) >= PREMISES_PHOTOS_MAX) throw tooMany()
      const photoId = `pph_${randomToken()}`
      await insertPremisesPhoto(tx, {
        id: photoId,
        institutionId,
        storageKey,
        contentType: photo.contentType,
        byteSize: photo.bytes.length,
        width: photo.width,
        height: photo.height,
        uploadedBy: staff.userId,
      })
      // Public content: who put each photo up (and took it down) stays on record after the row is gone.
      await insertAuditEntry(tx, { actorUserId: staff.userId, action: 'premises_photo_added', subjectKind: 'institution', subjectId: institutionId, detail: { photoId } })
      await publish(tx, institutionId, now)
    })
  } catch (error) {
    await store.delete(storageKey).catch(() => undefined)
    throw error
  }
  return premisesPhotosOf(db, institutionId, now)
}

/** DELETE /api/v1/staff/institution/photos/:photoId — the row first, the file after the commit. */
export async function removePremisesPhoto(
  db: Database,
  store: AttachmentStore,
  staff: { userId: string; staffInstitutionId: string },
  photoId: string,
  now: Date = new Date(),
): Promise<PremisesPhotos> {
  const institutionId = staff.staffInstitutionId
  const removed = await db.transaction(async (tx) => {
    if (!(await lockInstitution(tx, institutionId))) throw new ApiError('NOT_FOUND', '没有找到这家机构')
    const row = await deletePremisesPhoto(tx, institutionId, photoId)
    if (!row) throw new ApiError('NOT_FOUND', '没有找到这张照片，它可能已被删除')
    await insertAuditEntry(tx, { actorUserId: staff.userId, action: 'premises_photo_removed', subjectKind: 'institution', subjectId: institutionId, detail: { photoId } })
    await publish(tx, institutionId, now)
    return row
  })
  // A failed file delete leaves an unreachable file (no row serves it), never a broken photo.
  await store.delete(removed.storage_key).catch(() => undefined)
  return premisesPhotosOf(db, institutionId, now)
}

/** PUT /api/v1/staff/institution/photos/order — the first photo is the one parents see first. */
export async function reorderPremisesPhotos(db: Database, institutionId: string, body: PremisesPhotoOrderBody, now: Date = new Date()): Promise<PremisesPhotos> {
  await db.transaction(async (tx) => {
    if (!(await lockInstitution(tx, institutionId))) throw new ApiError('NOT_FOUND', '没有找到这家机构')
    const current = (await listPremisesPhotos(tx, institutionId)).map((row) => row.id)
    // Another institution's photo id (or one already removed) is simply not found here.
    if (body.photoIds.some((id) => !current.includes(id))) throw new ApiError('NOT_FOUND', '没有找到这张照片，它可能已被删除')
    if (current.length !== body.photoIds.length) throw new ApiError('VALIDATION', '新顺序要包含现有的每一张照片，且只出现一次，请刷新后再排', { photoIds: '照片列表已变化，请刷新后再排' })
    await setPremisesPhotoOrder(tx, institutionId, body.photoIds)
    await publish(tx, institutionId, now)
  })
  return premisesPhotosOf(db, institutionId, now)
}

export interface PremisesPhotoFile {
  bytes: Buffer
  contentType: PhotoType
}

/** GET /api/v1/institutions/:id/photos/:photoId — public: anyone may see the premises. */
export async function readPremisesPhoto(db: Queryable, store: AttachmentStore, institutionId: string, photoId: string): Promise<PremisesPhotoFile> {
  const row = await findPremisesPhoto(db, institutionId, photoId)
  const bytes = row ? await store.get(row.storage_key) : null
  if (!row || !bytes) throw new ApiError('NOT_FOUND', '这张照片已被机构删除')
  return { bytes, contentType: row.content_type }
}
