import crypto from 'node:crypto'
import { YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { insertSlotRow, postBooking, seedInstitutions, slotBooked } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { plainPng } from '@test/support/photoFixtures'
import { addChild, requestJson, signInParent } from '@test/support/session'
import { complaintBody, signInRegulator } from '../complaint/complaintFixtures'

/*
 * 注销账号 and 个人信息副本 (issue 11): the export holds everything first; deletion
 * removes children, bookings (places freed), sessions and photos, and leaves the
 * complaint with the regulator, anonymised.
 */

describe.each(TEST_BACKENDS)('deleting an account on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-d', districtCode: YUBEI.code }])
  })
  afterAll(() => t.close())

  it('exports the data, then deletes the account, freeing places and keeping the complaint anonymised', async () => {
    const parent = await signInParent(t.app, '要注销的家长')
    const child = await addChild(t.app, parent)
    const slotId = await insertSlotRow(t.db, { institutionId: 'inst-d', capacity: 1 })
    expect((await postBooking(t.app, parent, { slotId, childId: child.id, contactName: '赵女士', contactPhone: '13600001111' }, crypto.randomUUID())).status).toBe(201)
    expect((await slotBooked(t.db, slotId)).booked).toBe(1)
    const upload = await t.app.inject({ method: 'POST', url: '/api/v1/uploads', headers: { ...parent.headers, 'content-type': 'image/png' }, payload: await plainPng() })
    const photoId = upload.statusCode === 201 ? (upload.json() as { id: string }).id : undefined
    const filed = await requestJson(t.app, 'POST', '/api/v1/complaints', complaintBody({ institutionId: 'inst-d', contactPhone: '13600001111', anonymous: false, attachments: photoId ? [photoId] : undefined }), parent.headers)
    expect(filed.status).toBe(201)
    const trackingNo = (filed.body as { trackingNo: string }).trackingNo

    // what the parent asked to be told of
    const saved = await requestJson(t.app, 'POST', '/api/v1/me/saved-searches', { name: '渝北全日托', districtCode: YUBEI.code, careMode: 'full_day' }, parent.headers)
    expect(saved.status).toBe(201)
    const watched = await requestJson(t.app, 'POST', '/api/v1/me/open-day-watches', { institutionId: 'inst-d' }, parent.headers)
    expect(watched.status).toBe(201)

    const exported = await t.app.inject({ url: '/api/v1/me/export', headers: parent.headers })
    expect(exported.statusCode).toBe(200)
    expect(exported.headers['content-disposition']).toMatch(/^attachment; filename="anxin-my-data-/)
    expect(exported.headers['cache-control']).toBe('no-store')
    const copy = exported.json()
    expect(copy.user.nickname).toBe('要注销的家长')
    expect(copy.children.map((c: { id: string }) => c.id)).toEqual([child.id])
    expect(copy.bookings).toHaveLength(1)
    expect(copy.bookings[0].booking.contactPhone).toBe('13600001111')
    expect(copy.complaints.map((c: { trackingNo: string }) => c.trackingNo)).toEqual([trackingNo])
    expect(copy.savedSearches.map((x: { id: string }) => x.id)).toEqual([(saved.body as { id: string }).id])
    expect(copy.openDayWatches.map((x: { institution: { id: string } }) => x.institution.id)).toEqual(['inst-d'])
    expect(copy.alerts).toEqual([])
    expect(copy.vouchers).toEqual([])

    // Not without typing the confirmation.
    expect((await requestJson(t.app, 'DELETE', '/api/v1/me', {}, parent.headers)).status).toBe(400)
    const deleted = await requestJson(t.app, 'DELETE', '/api/v1/me', { confirm: '注销账号' }, parent.headers)
    expect(deleted).toMatchObject({ status: 200, body: { children: 1, complaintsAnonymised: 1 } })

    // Signed out everywhere, nothing left under the user.
    expect((await requestJson(t.app, 'GET', '/api/v1/me', undefined, parent.headers)).status).toBe(401)
    for (const table of ['children', 'bookings', 'enrollments', 'sessions', 'consents', 'attachments', 'idempotency_keys', 'saved_searches', 'open_day_watches', 'users']) {
      const column = table === 'users' ? 'id' : 'user_id'
      const left = await t.db.query(`select 1 from ${table} where ${column} = $1`, [parent.userId])
      expect([table, left.rowCount]).toEqual([table, 0])
    }
    // The place is free again.
    expect((await slotBooked(t.db, slotId)).booked).toBe(0)
    // The complaint is still in the regulator's queue, with no one behind it.
    const regulator = await signInRegulator(t, YUBEI.code)
    const seen = await requestJson(t.app, 'GET', `/api/v1/staff/complaints/${trackingNo}`, undefined, regulator.headers)
    expect(seen.status).toBe(200)
    const row = await t.db.query<{ user_id: string | null; contact_phone: string | null; anonymous: boolean }>(
      `select user_id, contact_phone, anonymous from complaints where tracking_no = $1`,
      [trackingNo],
    )
    expect(row.rows[0]).toEqual({ user_id: null, contact_phone: null, anonymous: true })
    // The regulator can still move it on; nobody is notified.
    expect((await requestJson(t.app, 'POST', `/api/v1/staff/complaints/${trackingNo}/accept`, {}, regulator.headers)).status).toBe(200)
  })
})
