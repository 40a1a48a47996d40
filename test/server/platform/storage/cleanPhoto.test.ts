import exifReader from 'exif-reader'
import sharp from 'sharp'
import { ApiError } from '@server/platform/http/apiError'
import { cleanPhoto, MAX_PHOTO_BYTES, sniffPhotoType } from '@server/platform/storage/cleanPhoto'
import { jpegWithGps, plainPng, plainWebp, pngWithScriptChunk, pngWithTrailingJs, SVG, truncatedJpeg } from '@test/support/photoFixtures'

async function refusal(bytes: Buffer): Promise<ApiError> {
  const error = await cleanPhoto(bytes).then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).status).toBe(400)
  return error as ApiError
}

describe('cleanPhoto', () => {
  it('knows JPEG, PNG and WebP by their first bytes, and nothing else', async () => {
    expect(sniffPhotoType(await jpegWithGps())).toBe('image/jpeg')
    expect(sniffPhotoType(await plainPng())).toBe('image/png')
    expect(sniffPhotoType(await plainWebp())).toBe('image/webp')
    expect(sniffPhotoType(SVG)).toBeNull()
    expect(sniffPhotoType(Buffer.from('GIF89a......'))).toBeNull()
    expect(sniffPhotoType(Buffer.from('<html><body>hi</body></html>'))).toBeNull()
  })

  it('keeps the pixels of a real JPEG but drops its EXIF, camera and GPS position', async () => {
    const original = await jpegWithGps()
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo).toMatchObject({ GPSLatitudeRef: 'N' })
    const clean = await cleanPhoto(original)
    expect(clean).toMatchObject({ contentType: 'image/jpeg', extension: 'jpg', width: 120, height: 80 })
    const metadata = await sharp(clean.bytes).metadata()
    expect(metadata.format).toBe('jpeg')
    expect(metadata.exif).toBeUndefined()
    expect(metadata.xmp).toBeUndefined()
    expect(clean.bytes.includes(Buffer.from('AnxinCam'))).toBe(false)
  })

  it('accepts PNG and WebP and keeps their format', async () => {
    expect((await cleanPhoto(await plainPng())).contentType).toBe('image/png')
    expect((await cleanPhoto(await plainWebp())).contentType).toBe('image/webp')
  })

  it('refuses an SVG, even one named like a photo', async () => {
    expect((await refusal(SVG)).message).toBe('只能上传 JPEG、PNG 或 WebP 格式的照片')
  })

  it('refuses a PNG carrying a script in a text chunk or JavaScript after its end', async () => {
    expect((await refusal(await pngWithScriptChunk())).message).toContain('不属于图片的内容')
    expect((await refusal(await pngWithTrailingJs())).message).toContain('不属于图片的内容')
  })

  it('refuses a truncated JPEG instead of storing half a picture', async () => {
    expect((await refusal(await truncatedJpeg())).message).toContain('损坏或不完整')
  })

  it('refuses an empty file and one over 10 MB', async () => {
    await refusal(Buffer.alloc(0))
    const huge = Buffer.concat([await jpegWithGps(), Buffer.alloc(MAX_PHOTO_BYTES)])
    expect((await refusal(huge)).message).toBe('照片不能超过 10 MB')
  })
})
