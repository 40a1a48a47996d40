import { PremisesPhotoOrderBody, PremisesPhotos, PremisesPhotosSchema } from '@domain/premisesPhotos'
import { requestJson } from './client'
import { sendPhotoBlob, sendPhotoFile } from './uploads'

/*
 * 环境照片 (docs/api.md): staff keep them under /staff/institution/photos; each answer is
 * the whole list in order with its freshness. Uploads go through uploads.ts, the one
 * multipart sender.
 */

const PATH = '/api/v1/staff/institution/photos'

export function getPremisesPhotos(): Promise<PremisesPhotos> {
  return requestJson('GET', PATH, PremisesPhotosSchema, { auth: true })
}

export function addPremisesPhotoFile(filePath: string): Promise<PremisesPhotos> {
  return sendPhotoFile(PATH, PremisesPhotosSchema, filePath)
}

export function addPremisesPhotoBlob(file: Blob, fileName: string): Promise<PremisesPhotos> {
  return sendPhotoBlob(PATH, PremisesPhotosSchema, file, fileName)
}

export function removePremisesPhoto(photoId: string): Promise<PremisesPhotos> {
  return requestJson('DELETE', `${PATH}/${encodeURIComponent(photoId)}`, PremisesPhotosSchema, { auth: true })
}

export function reorderPremisesPhotos(body: PremisesPhotoOrderBody): Promise<PremisesPhotos> {
  return requestJson('PUT', `${PATH}/order`, PremisesPhotosSchema, { auth: true, body })
}

