import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { requireViewer } from '../accounts/authentication'
import { perIpLimit } from '../../platform/http/rateLimit'
import { AttachmentStore } from '../../platform/storage/attachmentStore'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { acceptOnePhoto, readUploadedPhoto, refuseOversizedPhoto } from '../../platform/http/photoUpload'
import { readAttachment, uploadPhoto } from './uploads'
import { safeText } from '@domain/safeText'

const UploadResultSchema = z.object({ id: z.string() })

const AttachmentParamsSchema = z.object({ id: safeText().trim().min(1).max(100, '照片编号太长') })
const AttachmentQuerySchema = z.object({
  expires: z.coerce.number({ error: '链接无效' }).int('链接无效'),
  sig: safeText().min(1, '链接无效').max(200, '链接无效'),
})

/**
 * Complaint photos (issue 4): POST /uploads takes one photo as multipart field `file`
 * (Taro.uploadFile's `name: 'file'`), checks and cleans it, and answers its id for the
 * complaint's `attachments`. GET /attachments/:id serves it only with a signed URL from a
 * complaint view of its owner or handling regulator.
 */
export function uploadRoutes(db: Database, store: AttachmentStore, photos: AttachmentUrlSigner): FastifyPluginAsyncZod {
  return async (app) => {
    // Encapsulated: only these routes accept multipart bodies; the rest of the API stays JSON.
    await acceptOnePhoto(app)

    app.post(
      '/uploads',
      {
        config: perIpLimit(60),
        onRequest: refuseOversizedPhoto,
        schema: {
          summary: '上传投诉照片（JPEG/PNG/WebP，≤10 MB，去除位置等信息）',
          tags: ['complaints'],
          consumes: ['multipart/form-data'],
          response: { 201: UploadResultSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(db, request)
        const bytes = await readUploadedPhoto(request, reply)
        return reply.code(201).send(await uploadPhoto(db, store, viewer, bytes))
      },
    )

    app.get(
      '/attachments/:id',
      {
        schema: {
          summary: '查看投诉照片（限时签名链接）',
          tags: ['complaints'],
          params: AttachmentParamsSchema,
          querystring: AttachmentQuerySchema,
          // The bytes themselves: Fastify sends a Buffer as is, without serializing it.
          response: { 200: z.any().describe('照片（image/jpeg、image/png 或 image/webp）'), 400: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const file = await readAttachment(db, store, photos, request.params.id, request.query.expires, request.query.sig)
        return reply
          .type(file.contentType)
          .header('cache-control', `private, max-age=${file.maxAgeSeconds}`)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('content-disposition', 'inline')
          .header('referrer-policy', 'no-referrer')
          .send(file.bytes)
      },
    )
  }
}
