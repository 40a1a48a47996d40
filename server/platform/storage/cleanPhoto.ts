import sharp from 'sharp'
import { ApiError } from '../http/apiError'

/*
 * A complaint photo is accepted only if it really is a JPEG, PNG or WebP (by its bytes,
 * never by file name or the client's Content-Type), decodes completely, and carries no
 * markup or script; it is then decoded and re-encoded, so what we store has no EXIF,
 * GPS, XMP, ICC comments or smuggled trailing bytes — only pixels.
 */

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024
/** Decompression bombs: a small file that decodes to gigapixels. 50 MP covers any phone. */
const MAX_INPUT_PIXELS = 50_000_000
/** Stored photos are at most this many pixels on the long side: plenty to read a document. */
const MAX_STORED_SIDE = 4096

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp'

export interface CleanPhoto {
  bytes: Buffer
  contentType: PhotoType
  extension: 'jpg' | 'png' | 'webp'
  width: number
  height: number
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** The type the file's first bytes prove, or null (SVG, GIF, HTML, anything else). */
export function sniffPhotoType(bytes: Buffer): PhotoType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png'
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

/*
 * Polyglots: a valid image whose bytes are also HTML or JavaScript (in a PNG text chunk,
 * a JPEG comment, or after the image's end) can run as script if ever served with the
 * wrong type. Re-encoding would drop it anyway, but a file built to carry script is not
 * an honest photo, so it is refused. In compressed pixel data these ASCII strings are
 * vanishingly unlikely (several exact bytes in a row), so real photos are not refused.
 */
const MARKUP = /<\s*(script|html|svg|iframe|object|embed|body|img|\?php)\b|javascript:|onerror\s*=|onload\s*=/i

/** Bytes after PNG's IEND chunk are never part of the image: a sign of a smuggled payload. */
function pngHasTrailingBytes(bytes: Buffer): boolean {
  let offset = 8
  while (offset + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(offset)
    const type = bytes.toString('latin1', offset + 4, offset + 8)
    const end = offset + 12 + length
    if (end > bytes.length) return false // truncated: the decoder refuses it
    if (type === 'IEND') return end < bytes.length
    offset = end
  }
  return false
}

function refuse(message: string): ApiError {
  return new ApiError('VALIDATION', message, { file: message })
}

/** Validates and re-encodes an uploaded photo, or throws 400 VALIDATION saying why. */
export async function cleanPhoto(bytes: Buffer): Promise<CleanPhoto> {
  if (bytes.length === 0) throw refuse('照片是空的，请重新选择')
  if (bytes.length > MAX_PHOTO_BYTES) throw refuse('照片不能超过 10 MB')
  const type = sniffPhotoType(bytes)
  if (type === null) throw refuse('只能上传 JPEG、PNG 或 WebP 格式的照片')
  if (MARKUP.test(bytes.toString('latin1')) || (type === 'image/png' && pngHasTrailingBytes(bytes))) {
    throw refuse('照片文件里含有不属于图片的内容，请换一张照片')
  }
  try {
    // failOn 'warning': a truncated or corrupt file fails instead of decoding half grey.
    // rotate() applies the EXIF orientation first, since the EXIF itself is dropped.
    const image = sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS, pages: 1 })
      .rotate()
      .resize({ width: MAX_STORED_SIDE, height: MAX_STORED_SIDE, fit: 'inside', withoutEnlargement: true })
    // sharp writes no metadata unless asked (keepExif/withMetadata): EXIF and GPS go here.
    const encoded =
      type === 'image/jpeg'
        ? image.jpeg({ quality: 85, mozjpeg: true })
        : type === 'image/png'
          ? image.png({ compressionLevel: 9 })
          : image.webp({ quality: 85 })
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true })
    return {
      bytes: data,
      contentType: type,
      extension: type === 'image/jpeg' ? 'jpg' : type === 'image/png' ? 'png' : 'webp',
      width: info.width,
      height: info.height,
    }
  } catch {
    throw refuse('照片已损坏或不完整，请重新拍摄或选择')
  }
}
