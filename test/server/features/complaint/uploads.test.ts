import net from 'node:net'
import { AddressInfo } from 'node:net'
import exifReader from 'exif-reader'
import sharp from 'sharp'
import { attachmentIdsOfComplaint, claimAttachments } from '@server/features/complaint/attachmentRepository'
import { ApiError } from '@server/platform/http/apiError'
import { startFakeS3, FakeS3 } from '@server/platform/storage/fake/fakeS3Server'
import { SIGNED_URL_TTL_SECONDS } from '@server/platform/storage/signedAttachmentUrl'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { signInParent, TestSession } from '@test/support/session'
import { jpegWithGps, multipartPhoto, plainPng, pngWithScriptChunk, pngWithTrailingJs, SVG, truncatedJpeg } from '@test/support/photoFixtures'

const DAY_MS = 24 * 60 * 60 * 1000

async function upload(t: TestApp, session: TestSession | null, bytes: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') {
  const body = multipartPhoto(bytes, filename, contentType)
  return t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...body.headers, ...(session?.headers ?? {}) }, payload: body.payload })
}

async function uploadedId(t: TestApp, session: TestSession, bytes?: Buffer): Promise<string> {
  const response = await upload(t, session, bytes ?? (await jpegWithGps()))
  expect(response.statusCode).toBe(201)
  return response.json().id
}

async function storageKeyOf(t: TestApp, id: string): Promise<string> {
  return (await t.db.query<{ storage_key: string }>(`select storage_key from attachments where id = $1`, [id])).rows[0].storage_key
}

const count = async (t: TestApp) => (await t.db.query<{ n: number }>(`select count(*)::int as n from attachments`)).rows[0].n

/** Sends raw bytes over a socket and resolves with what the server answers first. */
function rawRequest(port: number, head: string, bodyChunk: Buffer, pauseAfterHeadMs = 50): Promise<{ answer: string; bytesSent: number }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    let answer = ''
    let bytesSent = 0
    const received: Buffer[] = []
    // Whatever happens, the socket does not outlive the test (the app could not close).
    const giveUp = setTimeout(() => socket.destroy(), 15_000)
    let firstBody: NodeJS.Timeout | undefined
    socket.on('close', () => {
      clearTimeout(giveUp)
      clearTimeout(firstBody)
    })
    socket.on('connect', () => {
      // A pause after the headers: a server that judges by them answers before the body.
      socket.write(head, () => {
        firstBody = setTimeout(pump, pauseAfterHeadMs)
      })
      // Keep sending (as a 50 MB upload would) until the server answers or closes. A pause
      // after each chunk lets the answer be read before the server's close resets the
      // connection (a close with unread data in its buffer is a TCP reset, which drops it).
      const pump = () => {
        if (answer !== '' || socket.destroyed || bytesSent >= 50 * 1024 * 1024) return
        bytesSent += bodyChunk.length
        socket.write(bodyChunk, () => setTimeout(pump, 1))
      }
    })
    socket.on('data', (data) => {
      received.push(data)
      answer = Buffer.concat(received).toString('utf8')
      if (answer.includes('\r\n\r\n') && answer.includes('}')) {
        socket.destroy()
        resolve({ answer, bytesSent })
      }
    })
    // The server may close while we are still writing (EPIPE/ECONNRESET): what it answered counts.
    socket.on('error', () => undefined)
    socket.on('close', () => resolve({ answer, bytesSent }))
  })
}

describe.each(TEST_BACKENDS)('complaint photo uploads on %s', (backend) => {
  let t: TestApp
  let parent: TestSession
  let other: TestSession

  beforeAll(async () => {
    t = await openTestApp(backend)
    parent = await signInParent(t.app, '投诉的妈妈')
    other = await signInParent(t.app, '别的家长')
  })
  afterAll(async () => t.close())

  /** These tests need real sockets, not inject: the app listens on a free port once. */
  async function listeningPort(): Promise<number> {
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' })
    return (t.app.server.address() as AddressInfo).port
  }

  it('needs sign-in', async () => {
    const response = await upload(t, null, await jpegWithGps())
    expect(response.statusCode).toBe(401)
    expect(response.json().error.code).toBe('UNAUTHORIZED')
  })

  it('stores a real JPEG with GPS in its EXIF without the EXIF, and serves it back through a signed URL', async () => {
    const original = await jpegWithGps()
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo).toBeDefined()
    const id = await uploadedId(t, parent, original)
    expect(id).toMatch(/^att_[A-Za-z0-9_-]{24}$/)

    const stored = await t.app.attachmentStore.get(await storageKeyOf(t, id))
    expect((await sharp(stored!).metadata()).exif).toBeUndefined()

    const served = await t.app.inject({ method: 'GET', url: t.app.attachmentUrls.url(id) })
    expect(served.statusCode).toBe(200)
    expect(served.headers['content-type']).toBe('image/jpeg')
    expect(served.headers['x-content-type-options']).toBe('nosniff')
    expect(served.headers['cache-control']).toMatch(/^private, max-age=\d+$/)
    const metadata = await sharp(served.rawPayload).metadata()
    expect(metadata).toMatchObject({ format: 'jpeg', width: 120, height: 80 })
    expect(metadata.exif).toBeUndefined()
    expect(served.rawPayload.includes(Buffer.from('AnxinCam'))).toBe(false)
  })

  it.each([
    ['a PNG with a script in a text chunk', pngWithScriptChunk, 'evil.png', 'image/png'],
    ['a PNG with JavaScript after its end', pngWithTrailingJs, 'evil.png', 'image/png'],
    ['a truncated JPEG', truncatedJpeg, 'half.jpg', 'image/jpeg'],
    ['an SVG claiming to be a JPEG', async () => SVG, 'photo.jpg', 'image/jpeg'],
    ['an SVG as itself', async () => SVG, 'drawing.svg', 'image/svg+xml'],
  ])('refuses %s with 400 and stores nothing', async (_name, make, filename, contentType) => {
    const before = await count(t)
    const response = await upload(t, parent, await make(), filename, contentType)
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/照片/) })
    expect(await count(t)).toBe(before)
  })

  it('refuses a request that is not a multipart upload, and one without a file', async () => {
    const json = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: parent.headers, payload: { file: 'x' } })
    expect(json.statusCode).toBe(400)
    expect(json.json().error.code).toBe('VALIDATION')
    const boundary = 'xyz'
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { ...parent.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}--\r\n`,
    })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.message).toBe('请选择一张照片')
  })

  it('refuses a 50 MB upload with 400 before taking in its body', async () => {
    const port = await listeningPort()
    const head =
      `POST /api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${parent.headers.authorization}\r\n` +
      `Content-Type: multipart/form-data; boundary=b\r\nContent-Length: ${50 * 1024 * 1024}\r\n\r\n` +
      `--b\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`
    // Up to 5 s for an answer from the headers alone (a busy test machine), then the body would follow.
    const { answer, bytesSent } = await rawRequest(port, head, Buffer.alloc(64 * 1024, 0xff), 5000)
    expect(answer).toMatch(/^HTTP\/1\.1 400/)
    expect(answer).toContain('照片不能超过 10 MB')
    // Answered from the headers alone: not one byte of the body was needed.
    expect(bytesSent).toBe(0)
  })

  it('cuts off a photo over 10 MB sent without a length (chunked) while it streams in', async () => {
    const port = await listeningPort()
    const head =
      `POST /api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${parent.headers.authorization}\r\n` +
      `Content-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n`
    const first = Buffer.from(`--b\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`)
    const chunk = (data: Buffer) => Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')])
    const { answer, bytesSent } = await rawRequest(port, head + chunk(first).toString('latin1'), chunk(Buffer.alloc(64 * 1024, 0xff)))
    expect(answer).toMatch(/^HTTP\/1\.1 400/)
    expect(answer).toContain('照片不能超过 10 MB')
    expect(bytesSent).toBeLessThan(20 * 1024 * 1024)
  })

  it('serves a photo only with a valid, unexpired signature', async () => {
    const id = await uploadedId(t, parent, await plainPng())
    const url = new URL(t.app.attachmentUrls.url(id), 'http://x')
    const get = (query: string) => t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}?${query}` })
    expect((await get(url.searchParams.toString())).headers['content-type']).toBe('image/png')
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${id}` })).statusCode).toBe(400)
    const expires = url.searchParams.get('expires')!
    expect((await get(`expires=${expires}&sig=${'A'.repeat(43)}`)).statusCode).toBe(404)
    // A signature is for one id and one expiry: it opens neither another photo nor a later time.
    const otherId = await uploadedId(t, other, await plainPng())
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/attachments/${otherId}?${url.searchParams}` })).statusCode).toBe(404)
    expect((await get(`expires=${Number(expires) + 3600}&sig=${url.searchParams.get('sig')}`)).statusCode).toBe(404)
    const old = new URL(t.app.attachmentUrls.url(id, new Date(Date.now() - (SIGNED_URL_TTL_SECONDS + 1) * 1000)), 'http://x')
    const expired = await get(old.searchParams.toString())
    expect(expired.statusCode).toBe(403)
    expect(expired.json().error.message).toContain('过期')
  })

  it('lets a complaint claim only its author’s own unused uploads, at most six', async () => {
    const mine = [await uploadedId(t, parent, await plainPng()), await uploadedId(t, parent, await plainPng())]
    const theirs = await uploadedId(t, other, await plainPng())
    const attempt = (userId: string, complaintId: string, ids: string[]) =>
      t.db.transaction((tx) => claimAttachments(tx, userId, complaintId, ids)).then(
        () => null,
        (error: unknown) => error,
      )

    const stolen = await attempt(parent.userId, 'complaint-a', [mine[0], theirs])
    expect(stolen).toBeInstanceOf(ApiError)
    expect((stolen as ApiError).fields).toEqual({ 'body.attachments': expect.any(String) })
    // All or nothing: the parent's own photo was not claimed by the refused complaint.
    expect(await attachmentIdsOfComplaint(t.db, 'complaint-a')).toEqual([])

    expect(await attempt(parent.userId, 'complaint-a', [...mine, mine[0]])).toBeNull()
    expect((await attachmentIdsOfComplaint(t.db, 'complaint-a')).sort()).toEqual([...mine].sort())
    expect(await attempt(parent.userId, 'complaint-b', [mine[0]])).toBeInstanceOf(ApiError)
    expect(await attempt(parent.userId, 'complaint-b', ['att_made-up-id-0000000000'])).toBeInstanceOf(ApiError)
    expect(await attempt(parent.userId, 'complaint-b', ['../../etc/passwd'])).toBeInstanceOf(ApiError)
    const seven = Array.from({ length: 7 }, (_, i) => `att_${'x'.repeat(20)}${i}`)
    expect(((await attempt(parent.userId, 'complaint-b', seven)) as ApiError).message).toBe('照片最多 6 张')
  })

  it('deletes photos past the retention period, and unused uploads after a day', async () => {
    const kept = await uploadedId(t, parent, await plainPng())
    const old = await uploadedId(t, parent, await plainPng())
    const abandoned = await uploadedId(t, parent, await plainPng())
    await t.db.transaction((tx) => claimAttachments(tx, parent.userId, 'complaint-old', [old, kept]))
    await t.db.query(`update attachments set created_at = now() - interval '366 days' where id = $1`, [old])
    await t.db.query(`update attachments set created_at = now() - interval '2 days' where id = $1`, [abandoned])
    const oldKey = await storageKeyOf(t, old)

    const deleted = await t.app.attachmentRetention.runOnce(new Date(Date.now() + 1000))
    expect(deleted).toBeGreaterThanOrEqual(2)
    expect(await attachmentIdsOfComplaint(t.db, 'complaint-old')).toEqual([kept])
    expect(await t.app.attachmentStore.get(oldKey)).toBeNull()
    expect((await t.app.inject({ method: 'GET', url: t.app.attachmentUrls.url(abandoned) })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: t.app.attachmentUrls.url(kept) })).statusCode).toBe(200)
    // Unclaimed uploads younger than a day stay for the form being filled in.
    expect(await t.app.attachmentRetention.runOnce(new Date(Date.now() + DAY_MS / 2))).toBe(0)
  })
})

describe.each(TEST_BACKENDS)('complaint photos in S3-compatible storage on %s', (backend) => {
  let s3: FakeS3
  let t: TestApp
  let parent: TestSession

  beforeAll(async () => {
    s3 = await startFakeS3()
    t = await openTestApp(backend, {
      config: {
        s3: { endpoint: s3.url, bucket: s3.bucket, region: s3.region, accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
        attachmentRetentionDays: 30,
      },
    })
    parent = await signInParent(t.app)
  })
  afterAll(async () => {
    await t.close()
    await s3.close()
  })

  it('puts the cleaned photo in the bucket, serves it from there and purges it there', async () => {
    const id = await uploadedId(t, parent)
    const key = await storageKeyOf(t, id)
    const object = s3.objects.get(key)!
    expect(object.contentType).toBe('image/jpeg')
    expect((await sharp(object.bytes).metadata()).exif).toBeUndefined()

    const served = await t.app.inject({ method: 'GET', url: t.app.attachmentUrls.url(id) })
    expect(served.statusCode).toBe(200)
    expect(served.rawPayload.equals(object.bytes)).toBe(true)

    await t.db.transaction((tx) => claimAttachments(tx, parent.userId, 'complaint-s3', [id]))
    await t.db.query(`update attachments set created_at = now() - interval '31 days' where id = $1`, [id])
    expect(await t.app.attachmentRetention.runOnce()).toBe(1)
    expect(s3.objects.has(key)).toBe(false)
    expect(s3.refused()).toBe(0)
  })
})
