import { Complaint } from '@domain/complaint'
import { Database, Queryable, Transaction } from '../../platform/db/database'
import { AttachmentStore } from '../../platform/storage/attachmentStore'
import { Viewer } from '../accounts/authentication'
import { myComplaints } from './complaints'
import { bumpSearchIndexVersion } from '../find/searchIndexVersion'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'

/*
 * The complaint side of 注销账号 (accounts/accountDeletion.ts, PIPL art. 47):
 * - complaints stay with the regulator, whose duty to handle them outlives the
 *   account, but anonymised: no user, no contact number, marked anonymous;
 * - reviews are removed and each institution's rating recomputed without them;
 * - photos (complaint evidence included) are deleted from storage and their rows.
 * And the parent's copy of it all (PIPL art. 45).
 */

export async function anonymiseComplaintsOf(tx: Queryable, userId: string): Promise<number> {
  const result = await tx.query(`update complaints set user_id = null, contact_phone = null, anonymous = true where user_id = $1`, [userId])
  return result.rowCount
}

/** Deletes the user's reviews (replies go with them) and takes them out of the institutions' ratings. */
export async function removeReviewsOf(tx: Transaction, userId: string): Promise<number> {
  const reviews = await tx.query<{ id: string; institution_id: string; overall: number }>(
    `select id, institution_id, overall from reviews where user_id = $1 order by institution_id`,
    [userId],
  )
  for (const review of reviews.rows) {
    // The same lock order as posting a review: the institution row first.
    await tx.query(`select 1 from institutions where id = $1 for update`, [review.institution_id])
    await tx.query(`update institutions set rating_sum = rating_sum - $2, rating_count = rating_count - 1 where id = $1`, [review.institution_id, review.overall])
    await tx.query(`delete from review_replies where review_id = $1`, [review.id])
    await tx.query(`delete from reviews where id = $1`, [review.id])
  }
  // Ratings are part of search (sort by rating): every server's index reloads.
  if (reviews.rows.length > 0) await bumpSearchIndexVersion(tx)
  return reviews.rows.length
}

/** Deletes every photo the user uploaded: the file first, then its row (a crash in between is retried by the next call). */
export async function purgePhotosOf(db: Database, store: AttachmentStore, userId: string): Promise<number> {
  const photos = await db.query<{ id: string; storage_key: string }>(`select id, storage_key from attachments where user_id = $1`, [userId])
  for (const photo of photos.rows) {
    await store.delete(photo.storage_key)
    await db.query(`delete from attachments where id = $1`, [photo.id])
  }
  return photos.rows.length
}

export interface ComplaintCopy {
  complaints: Complaint[]
  reviews: { institutionId: string; overall: number; text: string | null; createdAt: string }[]
  photos: { id: string; contentType: string; uploadedAt: string }[]
}

export async function complaintCopyOf(db: Database, photoLinks: AttachmentUrlSigner, viewer: Viewer): Promise<ComplaintCopy> {
  const complaints: Complaint[] = []
  for (let cursor: string | undefined = undefined; ; ) {
    const page: { items: Complaint[]; nextCursor: string | null } = await myComplaints(db, photoLinks, viewer, cursor, 100)
    complaints.push(...page.items)
    if (page.nextCursor === null) break
    cursor = page.nextCursor
  }
  const reviews = await db.query<{ institution_id: string; overall: number; text: string | null; created_at: Date }>(
    `select institution_id, overall, text, created_at from reviews where user_id = $1 order by created_at`,
    [viewer.userId],
  )
  const photos = await db.query<{ id: string; content_type: string; created_at: Date }>(
    `select id, content_type, created_at from attachments where user_id = $1 order by created_at`,
    [viewer.userId],
  )
  return {
    complaints,
    reviews: reviews.rows.map((r) => ({ institutionId: r.institution_id, overall: r.overall, text: r.text, createdAt: new Date(r.created_at).toISOString() })),
    photos: photos.rows.map((p) => ({ id: p.id, contentType: p.content_type, uploadedAt: new Date(p.created_at).toISOString() })),
  }
}
