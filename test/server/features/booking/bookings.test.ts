import crypto from 'node:crypto'
import { BookingSchema } from '@domain/booking'
import { MAX_OPEN_BOOKINGS_PER_PARENT } from '@domain/bookingRules'
import { MyBookingsSchema } from '@domain/myBookings'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { bookingBody, insertSlotRow, postBooking, seedInstitutions, slotBooked } from '@test/support/bookingFixtures'

describe.each(TEST_BACKENDS)('bookings on %s', (backend) => {
  let t: TestApp
  let parent: TestSession
  let childId: string

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-a', name: '（演示数据）甲托育园' }, { id: 'inst-b' }])
  })
  afterAll(() => t.close())
  beforeEach(async () => {
    parent = await signInParent(t.app)
    childId = (await addChild(t.app, parent)).id
  })

  describe('GET /institutions/:id/slots', () => {
    it('lists open future slots with the places remaining, soonest first', async () => {
      const later = await insertSlotRow(t.db, { institutionId: 'inst-b', startsInHours: 72, capacity: 5, booked: 2 })
      const sooner = await insertSlotRow(t.db, { institutionId: 'inst-b', startsInHours: 24, kind: 'visit' })
      await insertSlotRow(t.db, { institutionId: 'inst-b', startsInHours: -1 })
      await insertSlotRow(t.db, { institutionId: 'inst-b', status: 'cancelled' })
      await insertSlotRow(t.db, { institutionId: 'inst-b', startsInHours: 24 * 90 })
      const answer = await requestJson(t.app, 'GET', '/api/v1/institutions/inst-b/slots')
      expect(answer.status).toBe(200)
      const { items } = answer.body as { items: { id: string; remaining: number; kind: string; startsAt: string }[] }
      expect(items.map((s) => s.id)).toEqual([sooner, later])
      expect(items[1]).toMatchObject({ remaining: 3, capacity: 5, kind: 'open_day' })
      expect(items[0].startsAt).toMatch(/\+08:00$/)
      expect((answer.body as { host: unknown }).host).toMatchObject({ id: 'inst-b', ageRange: { minMonths: expect.any(Number) } })
    })

    it('filters by kind and window', async () => {
      const answer = await requestJson(t.app, 'GET', '/api/v1/institutions/inst-b/slots?kind=visit')
      expect((answer.body as { items: { kind: string }[] }).items.every((s) => s.kind === 'visit')).toBe(true)
      const bad = await requestJson(t.app, 'GET', '/api/v1/institutions/inst-b/slots?from=2026-05-01T00:00:00%2B08:00&to=2026-04-01T00:00:00%2B08:00')
      expect(bad.status).toBe(400)
      expect(await requestJson(t.app, 'GET', '/api/v1/institutions/inst-b/slots?kind=party')).toMatchObject({ status: 400 })
    })

    it('answers 404 for an unknown institution', async () => {
      expect((await requestJson(t.app, 'GET', '/api/v1/institutions/nope/slots')).status).toBe(404)
    })

    it('shows a summary of open slots on the institution page', async () => {
      const answer = await requestJson(t.app, 'GET', '/api/v1/institutions/inst-b')
      const openSlots = (answer.body as { openSlots: { total: number; byKind: { kind: string; count: number }[]; next: unknown[] } }).openSlots
      expect(openSlots.total).toBe(2)
      expect(openSlots.byKind).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'visit', count: 1 })]))
      expect(openSlots.next).toHaveLength(2)
    })
  })

  describe('POST /bookings', () => {
    it('books a place and answers 201 in the contract shape', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const answer = await postBooking(t.app, parent, bookingBody(slotId, childId, { note: '想看看午睡室' }))
      expect(answer.status).toBe(201)
      const booking = BookingSchema.parse(answer.body)
      expect(booking).toMatchObject({
        status: 'confirmed',
        institution: { id: 'inst-a', name: '（演示数据）甲托育园' },
        child: { id: childId, nickname: '小宝' },
        contactPhone: '13812345678',
        note: '想看看午睡室',
      })
      expect(booking.slot).toMatchObject({ id: slotId, remaining: 9 })
      expect(booking.code).toMatch(/^[2-9A-Z]{8}$/)
      expect(await slotBooked(t.db, slotId)).toEqual({ booked: 1, capacity: 10, holding: 1 })
    })

    it('makes the booking pending when the slot asks for confirmation', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a', requiresConfirmation: true })
      const answer = await postBooking(t.app, parent, bookingBody(slotId, childId))
      expect(answer.body).toMatchObject({ status: 'pending' })
      expect((await slotBooked(t.db, slotId)).booked).toBe(1)
    })

    it('answers the first answer again for the same key and body, booking once', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const key = crypto.randomUUID()
      const first = await postBooking(t.app, parent, bookingBody(slotId, childId), key)
      const again = await postBooking(t.app, parent, { ...bookingBody(slotId, childId), contactName: '  王女士 ' }, key)
      expect(again).toEqual(first)
      expect((await slotBooked(t.db, slotId)).booked).toBe(1)
    })

    it('keeps a refusal as the answer to its key too', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a', capacity: 1, booked: 1 })
      const key = crypto.randomUUID()
      const first = await postBooking(t.app, parent, bookingBody(slotId, childId), key)
      expect(first).toMatchObject({ status: 409, body: { error: { code: 'SLOT_FULL', message: '这个时段已约满，请选择其他时间' } } })
      await t.db.query('update slots set booked = 0 where id = $1', [slotId])
      expect(await postBooking(t.app, parent, bookingBody(slotId, childId), key)).toEqual(first)
      expect((await postBooking(t.app, parent, bookingBody(slotId, childId))).status).toBe(201)
    })

    it('answers 422 CONFLICT when a key is reused with a different body', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const key = crypto.randomUUID()
      await postBooking(t.app, parent, bookingBody(slotId, childId), key)
      const reused = await postBooking(t.app, parent, bookingBody(slotId, childId, { note: '另一份' }), key)
      expect(reused).toMatchObject({ status: 422, body: { error: { code: 'CONFLICT' } } })
    })

    it('scopes keys per parent: another parent may use the same key', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const other = await signInParent(t.app)
      const otherChild = await addChild(t.app, other)
      const key = crypto.randomUUID()
      expect((await postBooking(t.app, parent, bookingBody(slotId, childId), key)).status).toBe(201)
      expect((await postBooking(t.app, other, bookingBody(slotId, otherChild.id), key)).status).toBe(201)
    })

    it('requires an Idempotency-Key', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const answer = await requestJson(t.app, 'POST', '/api/v1/bookings', bookingBody(slotId, childId), parent.headers)
      expect(answer).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION', fields: { 'headers.idempotency-key': expect.any(String) } } } })
    })

    it('requires sign-in', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const answer = await requestJson(t.app, 'POST', '/api/v1/bookings', bookingBody(slotId, childId), { 'idempotency-key': crypto.randomUUID() })
      expect(answer.status).toBe(401)
    })

    it('refuses a full slot with SLOT_FULL', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a', capacity: 2, booked: 2 })
      expect(await postBooking(t.app, parent, bookingBody(slotId, childId))).toMatchObject({ status: 409, body: { error: { code: 'SLOT_FULL' } } })
    })

    it('refuses a slot that started or was cancelled with a clear CONFLICT', async () => {
      const started = await insertSlotRow(t.db, { institutionId: 'inst-a', startsInHours: -0.5 })
      const cancelled = await insertSlotRow(t.db, { institutionId: 'inst-a', status: 'cancelled' })
      const a = await postBooking(t.app, parent, bookingBody(started, childId))
      const b = await postBooking(t.app, parent, bookingBody(cancelled, childId))
      expect(a).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: expect.stringContaining('已经开始') } } })
      expect(b).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: expect.stringContaining('取消') } } })
    })

    it('refuses a child outside the age range with AGE_NOT_ACCEPTED', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const baby = await addChild(t.app, parent, { nickname: '小小宝', birthDate: new Date(Date.now() - 60 * 86400_000).toISOString().slice(0, 10) })
      const answer = await postBooking(t.app, parent, bookingBody(slotId, baby.id))
      expect(answer).toMatchObject({ status: 422, body: { error: { code: 'AGE_NOT_ACCEPTED' } } })
      expect((await slotBooked(t.db, slotId)).booked).toBe(0)
    })

    it('takes an unborn child to a lecture but not to an open day', async () => {
      const due = new Date(Date.now() + 60 * 86400_000).toISOString().slice(0, 10)
      const unborn = await addChild(t.app, parent, { nickname: '豆豆', dueDate: due })
      const lecture = await insertSlotRow(t.db, { institutionId: 'inst-a', kind: 'lecture' })
      const openDay = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      expect((await postBooking(t.app, parent, bookingBody(lecture, unborn.id))).status).toBe(201)
      expect((await postBooking(t.app, parent, bookingBody(openDay, unborn.id))).status).toBe(422)
    })

    it('answers 404 for another parent’s child and for an unknown slot', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const other = await signInParent(t.app)
      expect((await postBooking(t.app, other, bookingBody(slotId, childId))).status).toBe(404)
      expect((await postBooking(t.app, parent, bookingBody('slot-nope', childId))).status).toBe(404)
      expect((await slotBooked(t.db, slotId)).booked).toBe(0)
    })

    it('allows one active booking per child and slot', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      expect((await postBooking(t.app, parent, bookingBody(slotId, childId))).status).toBe(201)
      expect(await postBooking(t.app, parent, bookingBody(slotId, childId))).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } })
      expect((await slotBooked(t.db, slotId)).booked).toBe(1)
    })

    it(`caps a parent at ${MAX_OPEN_BOOKINGS_PER_PARENT} open upcoming bookings`, async () => {
      for (let i = 0; i < MAX_OPEN_BOOKINGS_PER_PARENT; i++) {
        const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
        expect((await postBooking(t.app, parent, bookingBody(slotId, childId))).status).toBe(201)
      }
      const one = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const answer = await postBooking(t.app, parent, bookingBody(one, childId))
      expect(answer).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT', message: expect.stringContaining('最多') } } })
    })
  })

  describe('GET /bookings/:id and cancel', () => {
    it('shows the parent their own booking, and 404 to anyone else', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const { id } = (await postBooking(t.app, parent, bookingBody(slotId, childId))).body as { id: string }
      expect((await requestJson(t.app, 'GET', `/api/v1/bookings/${id}`, undefined, parent.headers)).status).toBe(200)
      const other = await signInParent(t.app)
      expect((await requestJson(t.app, 'GET', `/api/v1/bookings/${id}`, undefined, other.headers)).status).toBe(404)
      expect((await requestJson(t.app, 'POST', `/api/v1/bookings/${id}/cancel`, undefined, other.headers)).status).toBe(404)
    })

    it('cancels before the start and frees the place at once', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a', capacity: 1 })
      const { id } = (await postBooking(t.app, parent, bookingBody(slotId, childId))).body as { id: string }
      const cancelled = await requestJson(t.app, 'POST', `/api/v1/bookings/${id}/cancel`, undefined, parent.headers)
      expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', slot: { remaining: 1 } } })
      expect(await slotBooked(t.db, slotId)).toEqual({ booked: 0, capacity: 1, holding: 0 })
      const again = await requestJson(t.app, 'POST', `/api/v1/bookings/${id}/cancel`, undefined, parent.headers)
      expect(again).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } })
      expect((await slotBooked(t.db, slotId)).booked).toBe(0)
    })

    it('refuses to cancel once the slot has started', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a' })
      const { id } = (await postBooking(t.app, parent, bookingBody(slotId, childId))).body as { id: string }
      await t.db.query(`update slots set starts_at = now() - interval '1 minute' where id = $1`, [slotId])
      expect((await requestJson(t.app, 'POST', `/api/v1/bookings/${id}/cancel`, undefined, parent.headers)).status).toBe(409)
    })
  })

  describe('GET /me/bookings', () => {
    it('lists upcoming bookings soonest first, then open applications, then the past', async () => {
      const later = await insertSlotRow(t.db, { institutionId: 'inst-a', startsInHours: 96 })
      const sooner = await insertSlotRow(t.db, { institutionId: 'inst-a', startsInHours: 24 })
      const gone = await insertSlotRow(t.db, { institutionId: 'inst-a', startsInHours: 30 })
      const laterId = ((await postBooking(t.app, parent, bookingBody(later, childId))).body as { id: string }).id
      const soonerId = ((await postBooking(t.app, parent, bookingBody(sooner, childId))).body as { id: string }).id
      const goneId = ((await postBooking(t.app, parent, bookingBody(gone, childId))).body as { id: string }).id
      await requestJson(t.app, 'POST', `/api/v1/bookings/${goneId}/cancel`, undefined, parent.headers)
      await t.db.query(`update institutions set capacity = 100 where id = 'inst-a'`)
      const month = new Date(Date.now() + 8 * 3600_000 + 40 * 86400_000).toISOString().slice(0, 7)
      const enrollment = await requestJson(
        t.app,
        'POST',
        '/api/v1/enrollments',
        { institutionId: 'inst-a', childId, careMode: 'full_day', startMonth: month, contactPhone: '13812345678' },
        parent.headers,
      )
      expect(enrollment.status).toBe(201)

      const answer = await requestJson(t.app, 'GET', '/api/v1/me/bookings', undefined, parent.headers)
      expect(answer.status).toBe(200)
      const { items } = MyBookingsSchema.parse(answer.body)
      const ids = items.map((item) => (item.type === 'booking' ? item.booking.id : item.enrollment.id))
      expect(ids).toEqual([soonerId, laterId, (enrollment.body as { id: string }).id, goneId])
      const other = await signInParent(t.app)
      expect((await requestJson(t.app, 'GET', '/api/v1/me/bookings', undefined, other.headers)).body).toEqual({ items: [], nextCursor: null })
    })
  })

  describe('deleting a child', () => {
    it('cancels its bookings, frees their places and keeps an anonymous record for the institution', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-a', capacity: 1 })
      const { id } = (await postBooking(t.app, parent, bookingBody(slotId, childId))).body as { id: string }
      const deleted = await requestJson(t.app, 'DELETE', `/api/v1/me/children/${childId}`, undefined, parent.headers)
      expect(deleted.status).toBe(204)
      expect(await slotBooked(t.db, slotId)).toEqual({ booked: 0, capacity: 1, holding: 0 })
      const row = await t.db.query<{ child_id: string | null; child_nickname: string; status: string }>(
        'select child_id, child_nickname, status from bookings where id = $1',
        [id],
      )
      expect(row.rows[0]).toEqual({ child_id: null, child_nickname: '已删除的孩子', status: 'cancelled' })
      const keys = await t.db.query(`select 1 from idempotency_keys where response::text like '%小宝%' and user_id = $1`, [parent.userId])
      expect(keys.rowCount).toBe(0)
    })
  })
})
