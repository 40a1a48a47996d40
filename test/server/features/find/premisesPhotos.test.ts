import exifReader from 'exif-reader'
import sharp from 'sharp'
import { PremisesPhotosSchema } from '@domain/premisesPhotos'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { jpegWithGps, multipartPhoto, plainPng, SVG } from '@test/support/photoFixtures'
import { requestJson, signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'

async function upload(t: TestApp, headers: Record<string, string>, bytes: Buffer, filename = 'room.jpg', contentType = 'image/jpeg') {
  const body = multipartPhoto(bytes, filename, contentType)
  return t.app.inject({ method: 'POST', url: '/api/v1/staff/institution/photos', headers: { ...body.headers, ...headers }, payload: body.payload })
}

describe.each(TEST_BACKENDS)('环境照片 kept by staff, public to parents, on %s', (backend) => {
  let t: TestApp
  let staff: TestSession
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'photo-inst' }, { id: 'other-inst' }])
    staff = await signInStaff(t, 'photo-inst')
  })
  afterAll(() => t.close())

  it('stores an uploaded photo without its EXIF/GPS and serves it publicly with a day of caching', async () => {
    const original = await jpegWithGps()
    expect(exifReader((await sharp(original).metadata()).exif!).GPSInfo).toBeDefined()
    const response = await upload(t, staff.headers, original)
    expect(response.statusCode).toBe(201)
    const photos = PremisesPhotosSchema.parse(response.json())
    expect(photos.photos).toHaveLength(1)
    expect(photos.freshness).toMatchObject({ daysAgo: 0, text: '环境照片今天更新' })
    const [photo] = photos.photos
    expect(photo.url).toBe(`/api/v1/institutions/photo-inst/photos/${photo.id}`)

    // No session: anyone may look at the premises.
    const served = await t.app.inject({ method: 'GET', url: photo.url })
    expect(served.statusCode).toBe(200)
    expect(served.headers['content-type']).toBe('image/jpeg')
    expect(served.headers['cache-control']).toBe('public, max-age=86400')
    expect(served.headers['x-content-type-options']).toBe('nosniff')
    const metadata = await sharp(served.rawPayload).metadata()
    expect(metadata).toMatchObject({ format: 'jpeg', width: 120, height: 80 })
    expect(metadata.exif).toBeUndefined()
    expect(served.rawPayload.includes(Buffer.from('AnxinCam'))).toBe(false)

    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/photo-inst')
    expect(detail.body).toMatchObject({ photos: [photo.url], facts: { photosFreshness: { daysAgo: 0, text: '环境照片今天更新' } } })
  })

  it('serves a photo only under its own institution', async () => {
    const { photos } = PremisesPhotosSchema.parse((await requestJson(t.app, 'GET', '/api/v1/staff/institution/photos', undefined, staff.headers)).body)
    const wrong = await t.app.inject({ method: 'GET', url: `/api/v1/institutions/other-inst/photos/${photos[0].id}` })
    expect(wrong.statusCode).toBe(404)
    expect(wrong.json().error.message).toBe('这张照片已被机构删除')
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/institutions/photo-inst/photos/..%2Fetc' })
    expect(malformed.statusCode).toBe(400)
  })

  it('refuses what is not a photo with a clear Chinese 400, storing nothing', async () => {
    const before = (await t.db.query<{ n: number }>(`select count(*)::int as n from institution_photos`)).rows[0].n
    const response = await upload(t, staff.headers, SVG, 'x.svg', 'image/svg+xml')
    expect(response.statusCode).toBe(400)
    expect(response.json().error).toMatchObject({ code: 'VALIDATION', message: '只能上传 JPEG、PNG 或 WebP 格式的照片' })
    expect((await t.db.query<{ n: number }>(`select count(*)::int as n from institution_photos`)).rows[0].n).toBe(before)
  })

  it('refuses the tenth photo', async () => {
    const png = await plainPng()
    let count = 1
    while (count < 9) {
      expect((await upload(t, staff.headers, png, 'room.png', 'image/png')).statusCode).toBe(201)
      count += 1
    }
    const tenth = await upload(t, staff.headers, png, 'room.png', 'image/png')
    expect(tenth.statusCode).toBe(400)
    expect(tenth.json().error.message).toBe('最多 9 张环境照片，请先删除一张再上传')
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/photo-inst')
    expect((detail.body as { photos: string[] }).photos).toHaveLength(9)
  })

  it('lets staff reorder the photos, refusing an order that leaves one out', async () => {
    const { photos } = PremisesPhotosSchema.parse((await requestJson(t.app, 'GET', '/api/v1/staff/institution/photos', undefined, staff.headers)).body)
    const reversed = photos.map((p) => p.id).reverse()
    const put = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/photos/order', { photoIds: reversed }, staff.headers)
    expect(put.status).toBe(200)
    expect(PremisesPhotosSchema.parse(put.body).photos.map((p) => p.id)).toEqual(reversed)
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/photo-inst')
    expect((detail.body as { photos: string[] }).photos[0]).toBe(`/api/v1/institutions/photo-inst/photos/${reversed[0]}`)
    const partial = await requestJson(t.app, 'PUT', '/api/v1/staff/institution/photos/order', { photoIds: reversed.slice(1) }, staff.headers)
    expect(partial.status).toBe(400)
  })

  it('removes a photo: gone from the page, the file and the public URL', async () => {
    const { photos } = PremisesPhotosSchema.parse((await requestJson(t.app, 'GET', '/api/v1/staff/institution/photos', undefined, staff.headers)).body)
    const victim = photos[0]
    const key = (await t.db.query<{ storage_key: string }>(`select storage_key from institution_photos where id = $1`, [victim.id])).rows[0].storage_key
    const removed = await requestJson(t.app, 'DELETE', `/api/v1/staff/institution/photos/${victim.id}`, undefined, staff.headers)
    expect(removed.status).toBe(200)
    expect(PremisesPhotosSchema.parse(removed.body).photos.map((p) => p.id)).not.toContain(victim.id)
    expect(await t.app.attachmentStore.get(key)).toBeNull()
    expect((await t.app.inject({ method: 'GET', url: victim.url })).statusCode).toBe(404)
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/photo-inst')
    expect((detail.body as { photos: string[] }).photos).toHaveLength(8)
    const again = await requestJson(t.app, 'DELETE', `/api/v1/staff/institution/photos/${victim.id}`, undefined, staff.headers)
    expect(again.status).toBe(404)
    // Who put it up and who took it down stay on record.
    const audit = await t.db.query<{ action: string; actor_user_id: string }>(
      `select action, actor_user_id from audit_log where subject_kind = 'institution' and subject_id = 'photo-inst' and detail->>'photoId' = $1 order by id`,
      [victim.id],
    )
    expect(audit.rows).toEqual([
      { action: 'premises_photo_added', actor_user_id: staff.userId },
      { action: 'premises_photo_removed', actor_user_id: staff.userId },
    ])
  })

  it('refuses parents and other institutions’ staff', async () => {
    const { photos } = PremisesPhotosSchema.parse((await requestJson(t.app, 'GET', '/api/v1/staff/institution/photos', undefined, staff.headers)).body)
    const parent = await signInParent(t.app, '好奇的家长')
    expect((await upload(t, parent.headers, await plainPng(), 'x.png', 'image/png')).statusCode).toBe(403)
    expect((await requestJson(t.app, 'DELETE', `/api/v1/staff/institution/photos/${photos[0].id}`, undefined, parent.headers)).status).toBe(403)
    // Another institution's staff act on their own institution only: this id is not theirs.
    const outsider = await signInStaff(t, 'other-inst')
    expect((await requestJson(t.app, 'DELETE', `/api/v1/staff/institution/photos/${photos[0].id}`, undefined, outsider.headers)).status).toBe(404)
    expect((await upload(t, {}, await plainPng(), 'x.png', 'image/png')).statusCode).toBe(401)
    const still = await requestJson(t.app, 'GET', '/api/v1/institutions/photo-inst')
    expect((still.body as { photos: string[] }).photos).toHaveLength(8)
  })

  it('lets only one of three uploads racing for the ninth place in, keeping no file of the others', async () => {
    const count = async () => (await t.db.query<{ n: number }>(`select count(*)::int as n from institution_photos where institution_id = 'photo-inst'`)).rows[0].n
    expect(await count()).toBe(8)
    const png = await plainPng()
    const answers = await Promise.all([1, 2, 3].map(() => upload(t, staff.headers, png, 'room.png', 'image/png')))
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 400, 400])
    expect(await count()).toBe(9)
    const detail = await requestJson(t.app, 'GET', '/api/v1/institutions/photo-inst')
    expect((detail.body as { photos: string[] }).photos).toHaveLength(9)
    // Every stored row has its file (a refused upload's file was removed again, not left behind a row).
    const keys = (await t.db.query<{ storage_key: string }>(`select storage_key from institution_photos`)).rows
    for (const { storage_key } of keys) expect(await t.app.attachmentStore.get(storage_key)).not.toBeNull()
  })
})
