import multipart from '@fastify/multipart'
import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { ApiError } from '../../platform/http/apiError'
import { requireViewer } from '../accounts/authentication'
import { perIpLimit } from '../../platform/http/rateLimit'
import { AttachmentStore } from '../../platform/storage/attachmentStore'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { MAX_PHOTO_BYTES } from '../../platform/storage/cleanPhoto'
import { readAttachment, uploadPhoto } from './uploads'
import { safeText } from '@domain/safeText'

/** Room for the multipart boundaries and part headers around one photo. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

const UploadResultSchema = z.object({ id: z.string() })

const AttachmentParamsSchema = z.object({ id: safeText().trim().min(1).max(100, '照片编号太长') })
const AttachmentQuerySchema = z.object({
  expires: z.coerce.number({ error: '链接无效' }).int('链接无效'),
  sig: safeText().min(1, '链接无效').max(200, '链接无效'),
})

const TOO_LARGE = '照片不能超过 10 MB'

/** Multipart failures (plugin errors) in docs/api.md's words: always a 400 the parent can act on. */
function multipartProblem(error: unknown): ApiError | null {
  const code = (error as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new ApiError('VALIDATION', TOO_LARGE, { file: TOO_LARGE })
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new ApiError('VALIDATION', '请以 multipart/form-data 上传照片', { file: '请以 multipart/form-data 上传照片' })
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new ApiError('VALIDATION', '一次只能上传一张照片', { file: '一次只能上传一张照片' })
  }
  if (typeof code === 'string' && code.startsWith('FST_')) return new ApiError('VALIDATION', '上传的内容格式不正确', { file: '上传的内容格式不正确' })
  return null
}

/**
 * The file part into memory, refused as soon as it passes 10 MB. (The plugin's toBuffer
 * would wait for the end of the part, which a hostile client need never send.)
 */
async function readPhoto(file: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of file) {
    size += chunk.length
    if (size > MAX_PHOTO_BYTES) throw new ApiError('VALIDATION', TOO_LARGE, { file: TOO_LARGE })
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/**
 * Complaint photos (issue 4): POST /uploads takes one photo as multipart field `file`
 * (Taro.uploadFile's `name: 'file'`), checks and cleans it, and answers its id for the
 * complaint's `attachments`. GET /attachments/:id serves it only with a signed URL from a
 * complaint view of its owner or handling regulator.
 */
export function uploadRoutes(db: Database, store: AttachmentStore, photos: AttachmentUrlSigner): FastifyPluginAsyncZod {
  return async (app) => {
    // Encapsulated: only these routes accept multipart bodies; the rest of the API stays JSON.
    await app.register(multipart, {
      // One byte over the limit still arrives, so readPhoto can tell "too large" from "exactly 10 MB".
      limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 20 },
      throwFileSizeLimit: true,
    })

    app.post(
      '/uploads',
      {
        config: perIpLimit(60),
        // A declared length beyond one photo is refused before a byte of the body is read,
        // and the connection closed, so a 50 MB body is never taken in. Bodies without a
        // length (chunked) are cut off by the multipart fileSize limit while streaming.
        onRequest: async (request, reply) => {
          const declared = Number(request.headers['content-length'] ?? 0)
          if (declared > MAX_PHOTO_BYTES + MULTIPART_OVERHEAD_BYTES) {
            reply.header('connection', 'close')
            throw new ApiError('VALIDATION', TOO_LARGE, { file: TOO_LARGE })
          }
        },
        schema: {
          summary: '上传投诉照片（JPEG/PNG/WebP，≤10 MB，去除位置等信息）',
          tags: ['complaints'],
          consumes: ['multipart/form-data'],
          response: { 201: UploadResultSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 429: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(db, request)
        let bytes: Buffer
        try {
          const part = await request.file()
          if (!part) throw new ApiError('VALIDATION', '请选择一张照片', { file: '请选择一张照片' })
          bytes = await readPhoto(part.file)
        } catch (error) {
          const problem = multipartProblem(error) ?? error
          // The rest of a refused body is not read: the connection closes after the answer.
          if (problem instanceof ApiError) reply.header('connection', 'close')
          throw problem
        }
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
