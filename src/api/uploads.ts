import Taro from '@tarojs/taro'
import { z } from 'zod'
import { sessionToken, signedOutByServer } from '../store/session'
import { ApiError, CLIENT_ERROR_MESSAGES } from './ApiError'
import { API_BASE_URL } from './baseUrl'
import { REQUEST_TIMEOUT_MS } from './client'
import { buildUrl, readResponse, transportError } from './http'

/*
 * POST /api/v1/uploads (multipart, signed in) → 201 {id}: one evidence photo, stored
 * privately by the server, later named by id in a complaint's `attachments`. The server
 * checks the bytes, re-encodes the image and drops EXIF/GPS; the app only sends it.
 */

export const UploadSchema = z.object({ id: z.string() })
export type Upload = z.infer<typeof UploadSchema>

const UPLOAD_PATH = '/api/v1/uploads'
/** Photos are bigger than JSON: a slow 4G upload of a few MB needs more than 15 s. */
const UPLOAD_TIMEOUT_MS = 4 * REQUEST_TIMEOUT_MS

function authHeader(): Record<string, string> {
  const token = sessionToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Mini-program: a temp file path from Taro.chooseMedia, sent with Taro.uploadFile to `path`
 * (complaint evidence here, 环境照片 in premisesPhotos.ts), its answer checked by `schema`.
 */
export async function sendPhotoFile<T>(path: string, schema: z.ZodType<T>, filePath: string): Promise<T> {
  let result: Taro.uploadFile.SuccessCallbackResult
  try {
    result = await Taro.uploadFile({ url: buildUrl(API_BASE_URL, path), filePath, name: 'file', header: authHeader(), timeout: UPLOAD_TIMEOUT_MS })
  } catch (failure) {
    throw transportError(failure)
  }
  if (result.statusCode === 401) signedOutByServer()
  return readResponse(result.statusCode, parseJson(result.data), schema)
}

/** H5: a File from the page's own <input type="file">, sent as multipart with fetch. */
export async function sendPhotoBlob<T>(path: string, schema: z.ZodType<T>, file: Blob, fileName: string): Promise<T> {
  const form = new FormData()
  form.append('file', file, fileName)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS)
  let response: Response
  try {
    response = await fetch(buildUrl(API_BASE_URL, path), { method: 'POST', body: form, headers: authHeader(), signal: controller.signal })
  } catch (failure) {
    throw controller.signal.aborted ? new ApiError('TIMEOUT', CLIENT_ERROR_MESSAGES.TIMEOUT, null) : transportError(failure)
  } finally {
    clearTimeout(timer)
  }
  if (response.status === 401) signedOutByServer()
  return readResponse(response.status, parseJson(await response.text()), schema)
}

/** A complaint photo from the mini-program's chooser. */
export function uploadPhotoFile(filePath: string): Promise<Upload> {
  return sendPhotoFile(UPLOAD_PATH, UploadSchema, filePath)
}

/** A complaint photo from H5's file input. */
export function uploadPhotoBlob(file: Blob, fileName: string): Promise<Upload> {
  return sendPhotoBlob(UPLOAD_PATH, UploadSchema, file, fileName)
}

/**
 * The address an <Image> loads a photo path from (premises photos, complaint and rectification photos' signed
 * links): the same origin on H5, the API's
 * https domain in the mini-program (whose <Image> cannot resolve a bare path).
 */
export function photoAddress(path: string): string {
  return buildUrl(API_BASE_URL, path)
}
