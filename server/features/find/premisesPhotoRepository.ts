import { PhotoType } from '../../platform/storage/cleanPhoto'
import { Queryable } from '../../platform/db/database'

/** SQL of the 环境照片 (031_premises_photos.sql); premisesPhotos.ts says when each runs. */

export interface PremisesPhotoRow {
  id: string
  storage_key: string
  content_type: PhotoType
}

export async function listPremisesPhotos(db: Queryable, institutionId: string): Promise<PremisesPhotoRow[]> {
  const result = await db.query<PremisesPhotoRow>(
    `select id, storage_key, content_type from institution_photos where institution_id = $1 order by position, created_at`,
    [institutionId],
  )
  return result.rows
}

export async function findPremisesPhoto(db: Queryable, institutionId: string, photoId: string): Promise<PremisesPhotoRow | undefined> {
  const result = await db.query<PremisesPhotoRow>(
    `select id, storage_key, content_type from institution_photos where institution_id = $1 and id = $2`,
    [institutionId, photoId],
  )
  return result.rows[0]
}

/** Locks the institution's row, so two uploads at once cannot both take the ninth place. */
export async function lockInstitution(tx: Queryable, institutionId: string): Promise<boolean> {
  return (await tx.query(`select 1 from institutions where id = $1 for update`, [institutionId])).rows.length > 0
}

export async function insertPremisesPhoto(
  tx: Queryable,
  photo: { id: string; institutionId: string; storageKey: string; contentType: PhotoType; byteSize: number; width: number; height: number; uploadedBy: string },
): Promise<void> {
  await tx.query(
    `insert into institution_photos (id, institution_id, storage_key, content_type, byte_size, width, height, position, uploaded_by)
     values ($1, $2, $3, $4, $5, $6, $7, (select coalesce(max(position), -1) + 1 from institution_photos where institution_id = $2), $8)`,
    [photo.id, photo.institutionId, photo.storageKey, photo.contentType, photo.byteSize, photo.width, photo.height, photo.uploadedBy],
  )
}

export async function deletePremisesPhoto(tx: Queryable, institutionId: string, photoId: string): Promise<PremisesPhotoRow | undefined> {
  const result = await tx.query<PremisesPhotoRow>(
    `delete from institution_photos where institution_id = $1 and id = $2 returning id, storage_key, content_type`,
    [institutionId, photoId],
  )
  return result.rows[0]
}

export async function setPremisesPhotoOrder(tx: Queryable, institutionId: string, photoIds: string[]): Promise<void> {
  await tx.query(
    `update institution_photos p set position = o.position - 1
     from unnest($2::text[]) with ordinality as o(id, position)
     where p.institution_id = $1 and p.id = o.id`,
    [institutionId, photoIds],
  )
}

/**
 * Sets institutions.photos (the public URLs the detail page reads, in order) and stamps
 * when parents' view of the premises last changed.
 */
export async function publishPremisesPhotos(tx: Queryable, institutionId: string, urls: string[], now: Date): Promise<void> {
  await tx.query(`update institutions set photos = $2::jsonb, photos_updated_at = $3, updated_at = now() where id = $1`, [
    institutionId,
    JSON.stringify(urls),
    now.toISOString(),
  ])
}

export async function countPremisesPhotos(tx: Queryable, institutionId: string): Promise<number> {
  const result = await tx.query<{ count: number }>(`select count(*)::int as count from institution_photos where institution_id = $1`, [institutionId])
  return result.rows[0]?.count ?? 0
}
