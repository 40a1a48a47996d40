import { z } from 'zod'
import { FreshnessSchema } from './institutionFacts'
import { safeText } from './safeText'

/*
 * 环境照片 — photos of an institution's premises (issue 9), kept by its staff in the
 * 工作台 and shown to every parent on its public page with when they were last changed.
 */

/** Nine fill a 3 × 3 grid on the detail page: enough to show every room, too few to be an album. */
export const PREMISES_PHOTOS_MAX = 9

/** The public path of one premises photo; the id is random, so its bytes never change. */
export function premisesPhotoPath(institutionId: string, photoId: string): string {
  return `/api/v1/institutions/${encodeURIComponent(institutionId)}/photos/${encodeURIComponent(photoId)}`
}

export const PremisesPhotoSchema = z.object({ id: z.string(), url: z.string() })
export type PremisesPhoto = z.infer<typeof PremisesPhotoSchema>

/** What the workbench shows and every change answers: the photos in order and their age. */
export const PremisesPhotosSchema = z.object({
  photos: z.array(PremisesPhotoSchema),
  freshness: FreshnessSchema,
})
export type PremisesPhotos = z.infer<typeof PremisesPhotosSchema>

export const PremisesPhotoParamsSchema = z.object({
  photoId: z.string({ error: '照片编号无效' }).trim().regex(/^pph_[A-Za-z0-9_-]{8,64}$/, '照片编号无效'),
})

export const PublicPremisesPhotoParamsSchema = PremisesPhotoParamsSchema.extend({
  id: safeText({ error: '机构编号无效' }).trim().min(1, '机构编号无效').max(100, '机构编号无效'),
})

/** PUT /staff/institution/photos/order: every current photo id once, in the new order. */
export const PremisesPhotoOrderBodySchema = z.object({
  photoIds: z
    .array(PremisesPhotoParamsSchema.shape.photoId, { error: '请给出照片的新顺序' })
    .min(1, '请给出照片的新顺序')
    .max(PREMISES_PHOTOS_MAX, `最多 ${PREMISES_PHOTOS_MAX} 张照片`)
    .refine((ids) => new Set(ids).size === ids.length, '同一张照片只能出现一次'),
})
export type PremisesPhotoOrderBody = z.infer<typeof PremisesPhotoOrderBodySchema>
