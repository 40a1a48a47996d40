import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { PremisesPhotoOrderBodySchema, PremisesPhotoParamsSchema, PremisesPhotosSchema, PublicPremisesPhotoParamsSchema } from '@domain/premisesPhotos'
import { Database } from '../../platform/db/database'
import { acceptOnePhoto, readUploadedPhoto, refuseOversizedPhoto } from '../../platform/http/photoUpload'
import { perIpLimit } from '../../platform/http/rateLimit'
import { AttachmentStore } from '../../platform/storage/attachmentStore'
import { requireInstitutionStaff } from '../accounts/authentication'
import { addPremisesPhoto, premisesPhotosOf, readPremisesPhoto, removePremisesPhoto, reorderPremisesPhotos } from './premisesPhotos'
import { errorResponses } from '../../platform/http/errorResponses'

const errors = errorResponses(400, 401, 403, 404)

/*
 * A day, not a year: ids are random and a photo's bytes never change, but a photo staff
 * removed (say one showing a child by mistake) should leave browser and proxy caches soon.
 */
const PUBLIC_PHOTO_MAX_AGE_SECONDS = 24 * 60 * 60

/** 环境照片 (premisesPhotos.ts): staff keep them in the 工作台; anyone may see them. */
export function premisesPhotoRoutes(db: Database, store: AttachmentStore): FastifyPluginAsyncZod {
  return async (app) => {
    // Encapsulated: only these routes accept multipart bodies; the rest of the API stays JSON.
    await acceptOnePhoto(app)

    app.get(
      '/staff/institution/photos',
      { schema: { summary: '本机构的环境照片（含更新时间）', tags: ['staff'], response: { 200: PremisesPhotosSchema, ...errors } } },
      async (request) => premisesPhotosOf(db, (await requireInstitutionStaff(db, request)).staffInstitutionId),
    )
    app.post(
      '/staff/institution/photos',
      {
        config: perIpLimit(60),
        onRequest: refuseOversizedPhoto,
        schema: {
          summary: '上传一张环境照片（JPEG/PNG/WebP，≤10 MB，最多 9 张，去除位置等信息）',
          tags: ['staff'],
          consumes: ['multipart/form-data'],
          response: { 201: PremisesPhotosSchema, ...errors, 429: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const staff = await requireInstitutionStaff(db, request)
        const bytes = await readUploadedPhoto(request, reply)
        return reply.code(201).send(await addPremisesPhoto(db, store, staff, bytes))
      },
    )
    app.delete(
      '/staff/institution/photos/:photoId',
      { schema: { summary: '删除一张环境照片', tags: ['staff'], params: PremisesPhotoParamsSchema, response: { 200: PremisesPhotosSchema, ...errors } } },
      async (request) => removePremisesPhoto(db, store, await requireInstitutionStaff(db, request), request.params.photoId),
    )
    app.put(
      '/staff/institution/photos/order',
      { schema: { summary: '调整环境照片的顺序', tags: ['staff'], body: PremisesPhotoOrderBodySchema, response: { 200: PremisesPhotosSchema, ...errors } } },
      async (request) => reorderPremisesPhotos(db, (await requireInstitutionStaff(db, request)).staffInstitutionId, request.body),
    )
    app.get(
      '/institutions/:id/photos/:photoId',
      {
        schema: {
          summary: '机构的环境照片（公开）',
          tags: ['institutions'],
          params: PublicPremisesPhotoParamsSchema,
          // The bytes themselves: Fastify sends a Buffer as is, without serializing it.
          response: { 200: z.any().describe('照片（image/jpeg、image/png 或 image/webp）'), 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const file = await readPremisesPhoto(db, store, request.params.id, request.params.photoId)
        return reply
          .type(file.contentType)
          .header('cache-control', `public, max-age=${PUBLIC_PHOTO_MAX_AGE_SECONDS}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('content-disposition', 'inline')
          .send(file.bytes)
      },
    )
  }
}
