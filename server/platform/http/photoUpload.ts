import multipart from '@fastify/multipart'
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ApiError } from './apiError'
import { MAX_PHOTO_BYTES } from '../storage/cleanPhoto'

/*
 * Receiving one photo as multipart field `file` (Taro.uploadFile's `name: 'file'`), shared
 * by every route that takes a photo (complaint evidence, premises photos). Knows no
 * feature: it only turns a request into bytes, or a 400 the person can act on.
 */

/** Room for the multipart boundaries and part headers around one photo. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024

export const PHOTO_TOO_LARGE = '照片不能超过 10 MB'

/** Registers multipart on an encapsulated plugin: only its routes accept multipart bodies. */
export async function acceptOnePhoto(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    // One byte over the limit still arrives, so readPhoto can tell "too large" from "exactly 10 MB".
    limits: { fileSize: MAX_PHOTO_BYTES + 1, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 20 },
    throwFileSizeLimit: true,
  })
}

/**
 * onRequest hook: a declared length beyond one photo is refused before a byte of the body
 * is read, and the connection closed, so a 50 MB body is never taken in. Bodies without a
 * length (chunked) are cut off by the multipart fileSize limit while streaming.
 */
export async function refuseOversizedPhoto(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > MAX_PHOTO_BYTES + MULTIPART_OVERHEAD_BYTES) {
    reply.header('connection', 'close')
    throw new ApiError('VALIDATION', PHOTO_TOO_LARGE, { file: PHOTO_TOO_LARGE })
  }
}

/** Multipart failures (plugin errors) in docs/api.md's words: always a 400 the person can act on. */
function multipartProblem(error: unknown): ApiError | null {
  const code = (error as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new ApiError('VALIDATION', PHOTO_TOO_LARGE, { file: PHOTO_TOO_LARGE })
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
async function readBytes(file: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of file) {
    size += chunk.length
    if (size > MAX_PHOTO_BYTES) throw new ApiError('VALIDATION', PHOTO_TOO_LARGE, { file: PHOTO_TOO_LARGE })
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}

/** The uploaded photo's bytes (not yet checked: cleanPhoto does that), or a 400. */
export async function readUploadedPhoto(request: FastifyRequest, reply: FastifyReply): Promise<Buffer> {
  try {
    const part = await request.file()
    if (!part) throw new ApiError('VALIDATION', '请选择一张照片', { file: '请选择一张照片' })
    return await readBytes(part.file)
  } catch (error) {
    const problem = multipartProblem(error) ?? error
    // The rest of a refused body is not read: the connection closes after the answer.
    if (problem instanceof ApiError) reply.header('connection', 'close')
    throw problem
  }
}
