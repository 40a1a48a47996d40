import { inShanghai } from '@domain/shanghaiTime'
import { SlotSchema } from '@domain/slot'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { bookingBody, insertSlotRow, postBooking, seedInstitutions, slotBooked } from '@test/support/bookingFixtures'

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString()

describe.each(TEST_BACKENDS)('staff routes on %s', (backend) => {
  let t: TestApp
  let staff: TestSession
  let otherStaff: TestSession

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-s' }, { id: 'inst-x' }])
    staff = await signInStaff(t, 'inst-s')
    otherStaff = await signInStaff(t, 'inst-x')
  })
  afterAll(() => t.close())

  async function book(slotId: string) {
    const parent = await signInParent(t.app)
    const child = await addChild(t.app, parent)
    const answer = await postBooking(t.app, parent, bookingBody(slotId, child.id))
    expect(answer.status).toBe(201)
    return { parent, id: (answer.body as { id: string }).id }
  }

  const staffPost = (who: TestSession, url: string, body?: unknown) => requestJson(t.app, 'POST', url, body, who.headers)

  describe('slots', () => {
    it('publishes a slot that parents then see', async () => {
      const created = await staffPost(staff, '/api/v1/staff/slots', { kind: 'trial', startsAt: inHours(30), endsAt: inHours(33), capacity: 6 })
      expect(created.status).toBe(201)
      const slot = SlotSchema.parse(created.body)
      expect(slot).toMatchObject({ kind: 'trial', title: '试托', capacity: 6, remaining: 6, status: 'open', institutionId: 'inst-s' })
      const listed = await requestJson(t.app, 'GET', '/api/v1/institutions/inst-s/slots')
      expect((listed.body as { items: { id: string }[] }).items.map((s) => s.id)).toContain(slot.id)
      const mine = await requestJson(t.app, 'GET', '/api/v1/staff/slots', undefined, staff.headers)
      expect((mine.body as { items: { id: string }[] }).items.map((s) => s.id)).toContain(slot.id)
      const theirs = await requestJson(t.app, 'GET', '/api/v1/staff/slots', undefined, otherStaff.headers)
      expect((theirs.body as { items: { id: string }[] }).items.map((s) => s.id)).not.toContain(slot.id)
    })

    it('refuses a slot in the past or ending before it starts', async () => {
      expect((await staffPost(staff, '/api/v1/staff/slots', { kind: 'visit', startsAt: inHours(-1), endsAt: inHours(1), capacity: 3 })).status).toBe(400)
      expect((await staffPost(staff, '/api/v1/staff/slots', { kind: 'visit', startsAt: inHours(3), endsAt: inHours(2), capacity: 3 })).status).toBe(400)
    })

    it('edits a slot, but never below the places taken (409)', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s', capacity: 5 })
      await book(slotId)
      await book(slotId)
      const patch = (body: unknown, who = staff) => requestJson(t.app, 'PATCH', `/api/v1/staff/slots/${slotId}`, body, who.headers)
      expect(await patch({ capacity: 1 })).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } })
      expect(await patch({ capacity: 2, title: '春季开放日' })).toMatchObject({ status: 200, body: { capacity: 2, remaining: 0, title: '春季开放日' } })
      expect((await patch({ capacity: 9 }, otherStaff)).status).toBe(404)
      expect(await slotBooked(t.db, slotId)).toEqual({ booked: 2, capacity: 2, holding: 2 })
    })

    it('tells each booked family when a slot’s time changes, once per new time, and nobody for a capacity change', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s', capacity: 5 })
      const a = await book(slotId)
      const b = await book(slotId)
      const notices = async () =>
        (await t.db.query<{ user_id: string; payload: { note?: string } }>(
          `select user_id, payload from notification_outbox where kind = 'booking_status' and subject_id = any($1::text[]) order by id`,
          [[a.id, b.id]],
        )).rows
      const before = (await notices()).length
      expect((await requestJson(t.app, 'PATCH', `/api/v1/staff/slots/${slotId}`, { capacity: 6 }, staff.headers)).status).toBe(200)
      expect(await notices()).toHaveLength(before)
      const moved = { startsAt: inHours(72), endsAt: inHours(74) }
      expect((await requestJson(t.app, 'PATCH', `/api/v1/staff/slots/${slotId}`, moved, staff.headers)).status).toBe(200)
      const after = (await notices()).slice(before)
      expect(after.map((n) => n.user_id).sort()).toEqual([a.parent.userId, b.parent.userId].sort())
      expect(after.every((n) => n.payload.note?.startsWith('时间改为'))).toBe(true)
      // The same time again is no new change; another staff member's PATCH is a 404.
      expect((await requestJson(t.app, 'PATCH', `/api/v1/staff/slots/${slotId}`, moved, staff.headers)).status).toBe(200)
      expect(await notices()).toHaveLength(before + 2)
      expect((await requestJson(t.app, 'PATCH', `/api/v1/staff/slots/${slotId}`, { startsAt: inHours(80), endsAt: inHours(81) }, otherStaff.headers)).status).toBe(404)
    })

    it('publishes a slot every week at the same Beijing time, all or none', async () => {
      // A Wednesday 09:30 Beijing time a few weeks ahead (inside the planning window, docs/api.md "Bad input").
      const first = inShanghai().add(3, 'week').day(3).hour(9).minute(30).second(0).millisecond(0)
      const at = (weeks: number, hour = 9, minute = 30) => first.add(weeks, 'week').hour(hour).minute(minute).format('YYYY-MM-DDTHH:mm:ssZ')
      const startsAt = at(0)
      const created = await staffPost(staff, '/api/v1/staff/slots/weekly', { kind: 'lecture', title: '家长课堂', startsAt, endsAt: at(0, 11, 0), capacity: 20, weeks: 4 })
      expect(created.status).toBe(201)
      const items = (created.body as { items: { startsAt: string; institutionId: string }[] }).items
      expect(items.map((slot) => slot.startsAt)).toEqual([at(0), at(1), at(2), at(3)])
      expect(items.every((slot) => slot.institutionId === 'inst-s')).toBe(true)
      const tooMany = await staffPost(staff, '/api/v1/staff/slots/weekly', { kind: 'visit', startsAt, endsAt: at(0, 10, 0), capacity: 2, weeks: 13 })
      expect(tooMany).toMatchObject({ status: 400, body: { error: { fields: { 'body.weeks': '最多连续 12 周' } } } })
    })

    it('keeps a weekly slot’s end after its start to the millisecond (never a 500 from the database)', async () => {
      const start = inShanghai().add(1, 'day')
      const created = await staffPost(staff, '/api/v1/staff/slots/weekly', { kind: 'visit', startsAt: start.toISOString(), endsAt: start.add(5, 'ms').toISOString(), capacity: 2, weeks: 2 })
      expect(created.status).toBe(201)
    })

    it.each(['hourly', 'temporary'] as const)('publishes weekly %s care sessions that parents see, book, and hear about when edited or cancelled', async (kind) => {
      const first = inShanghai().add(2, 'week').day(2).hour(14).minute(0).second(0).millisecond(0)
      const at = (weeks: number, hour: number) => first.add(weeks, 'week').hour(hour).format('YYYY-MM-DDTHH:mm:ssZ')
      const created = await staffPost(staff, '/api/v1/staff/slots/weekly', { kind, startsAt: at(0, 14), endsAt: at(0, 17), capacity: 1, weeks: 3 })
      expect(created.status).toBe(201)
      const sessions = (created.body as { items: { id: string; kind: string; title: string }[] }).items
      expect(sessions).toHaveLength(3)
      expect(sessions[0]).toMatchObject({ kind, title: kind === 'hourly' ? '计时托' : '临时托' })
      const listed = await requestJson(t.app, 'GET', `/api/v1/institutions/inst-s/slots?kind=${kind}`)
      expect((listed.body as { items: { id: string }[] }).items.map((slot) => slot.id)).toEqual(expect.arrayContaining(sessions.map((slot) => slot.id)))
      const booked = await book(sessions[0].id)
      // One place: the same capacity guard as every other kind.
      const parent = await signInParent(t.app)
      const child = await addChild(t.app, parent)
      expect(await postBooking(t.app, parent, bookingBody(sessions[0].id, child.id))).toMatchObject({ status: 409, body: { error: { code: 'SLOT_FULL' } } })
      const moved = await requestJson(t.app, 'PATCH', `/api/v1/staff/slots/${sessions[0].id}`, { startsAt: at(0, 15), endsAt: at(0, 18) }, staff.headers)
      expect(moved.status).toBe(200)
      expect((await staffPost(staff, `/api/v1/staff/slots/${sessions[0].id}/cancel`)).status).toBe(200)
      const notices = await t.db.query<{ user_id: string }>(`select user_id from notification_outbox where subject_id = $1`, [booked.id])
      expect(notices.rows.length).toBeGreaterThanOrEqual(2)
      expect(notices.rows.every((row) => row.user_id === booked.parent.userId)).toBe(true)
    })

    it('cancels a slot, its bookings and queues a notice to each family', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s', capacity: 5 })
      const a = await book(slotId)
      const b = await book(slotId)
      expect((await staffPost(otherStaff, `/api/v1/staff/slots/${slotId}/cancel`)).status).toBe(404)
      const cancelled = await staffPost(staff, `/api/v1/staff/slots/${slotId}/cancel`)
      expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', remaining: 0 } })
      expect(await slotBooked(t.db, slotId)).toMatchObject({ booked: 0, holding: 0 })
      for (const x of [a, b]) {
        const mine = await requestJson(t.app, 'GET', `/api/v1/bookings/${x.id}`, undefined, x.parent.headers)
        expect(mine.body).toMatchObject({ status: 'cancelled' })
      }
      const notices = await t.db.query<{ user_id: string }>(`select user_id from notification_outbox where kind = 'booking_status' and subject_id = any($1::text[])`, [
        [a.id, b.id],
      ])
      expect(notices.rows.map((r) => r.user_id).sort()).toEqual([a.parent.userId, b.parent.userId].sort())
      expect((await staffPost(staff, `/api/v1/staff/slots/${slotId}/cancel`)).status).toBe(409)
    })
  })

  describe('bookings', () => {
    it('lists the institution’s bookings with phones masked', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s' })
      const { id } = await book(slotId)
      const answer = await requestJson(t.app, 'GET', `/api/v1/staff/bookings?slotId=${slotId}`, undefined, staff.headers)
      expect((answer.body as { items: unknown[] }).items).toEqual([expect.objectContaining({ id, contactPhone: '138****5678' })])
      const theirs = await requestJson(t.app, 'GET', `/api/v1/staff/bookings?slotId=${slotId}`, undefined, otherStaff.headers)
      expect((theirs.body as { items: unknown[] }).items).toEqual([])
    })

    it('confirms a pending booking once, and tells the parent', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s', requiresConfirmation: true })
      const { id, parent } = await book(slotId)
      expect((await staffPost(otherStaff, `/api/v1/staff/bookings/${id}/confirm`)).status).toBe(404)
      expect(await staffPost(staff, `/api/v1/staff/bookings/${id}/confirm`)).toMatchObject({ status: 200, body: { status: 'confirmed' } })
      expect((await staffPost(staff, `/api/v1/staff/bookings/${id}/confirm`)).status).toBe(409)
      const notice = await t.db.query(`select payload from notification_outbox where subject_id = $1 and user_id = $2`, [id, parent.userId])
      expect(notice.rows[0]).toMatchObject({ payload: { status: '已确认' } })
      expect((await slotBooked(t.db, slotId)).booked).toBe(1)
    })

    it('declines a pending booking and frees its place', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s', requiresConfirmation: true, capacity: 1 })
      const { id } = await book(slotId)
      expect(await staffPost(staff, `/api/v1/staff/bookings/${id}/decline`)).toMatchObject({ status: 200, body: { status: 'declined' } })
      expect(await slotBooked(t.db, slotId)).toEqual({ booked: 0, capacity: 1, holding: 0 })
    })

    it('declines with a reason the parent reads on the booking and in the notice', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s', requiresConfirmation: true, capacity: 2 })
      const { id, parent } = await book(slotId)
      const reason = '当天试托名额已满，欢迎预约下周'
      expect(await staffPost(staff, `/api/v1/staff/bookings/${id}/decline`, { reason })).toMatchObject({ status: 200, body: { status: 'declined', declineReason: reason } })
      const mine = await requestJson(t.app, 'GET', `/api/v1/bookings/${id}`, undefined, parent.headers)
      expect(mine.body).toMatchObject({ status: 'declined', declineReason: reason })
      const notice = await t.db.query<{ payload: { note?: string } }>(`select payload from notification_outbox where subject_id = $1 and dedupe_key = 'declined'`, [id])
      expect(notice.rows[0].payload.note).toBe('当天试托名额已满，欢迎预约下周')
      expect((await staffPost(staff, `/api/v1/staff/bookings/${id}/decline`, { reason: '长'.repeat(101) })).status).toBe(400)
    })

    it('marks attendance after the slot starts, keeping the place', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s' })
      const a = await book(slotId)
      const b = await book(slotId)
      expect((await staffPost(staff, `/api/v1/staff/bookings/${a.id}/attend`)).status).toBe(409)
      await t.db.query(`update slots set starts_at = now() - interval '10 minutes' where id = $1`, [slotId])
      expect(await staffPost(staff, `/api/v1/staff/bookings/${a.id}/attend`)).toMatchObject({ status: 200, body: { status: 'attended' } })
      expect(await staffPost(staff, `/api/v1/staff/bookings/${b.id}/no-show`)).toMatchObject({ status: 200, body: { status: 'no_show' } })
      expect((await staffPost(otherStaff, `/api/v1/staff/bookings/${b.id}/attend`)).status).toBe(404)
      expect(await slotBooked(t.db, slotId)).toMatchObject({ booked: 2, holding: 2 })
    })

    it('forbids parents the staff routes and hides other institutions’ bookings', async () => {
      const slotId = await insertSlotRow(t.db, { institutionId: 'inst-s' })
      const { id, parent } = await book(slotId)
      expect((await staffPost(parent, `/api/v1/staff/bookings/${id}/confirm`)).status).toBe(403)
      expect((await staffPost(parent, '/api/v1/staff/slots', { kind: 'visit', startsAt: inHours(3), endsAt: inHours(4), capacity: 3 })).status).toBe(403)
      for (const action of ['confirm', 'decline', 'attend', 'no-show']) {
        expect((await staffPost(otherStaff, `/api/v1/staff/bookings/${id}/${action}`)).status).toBe(404)
      }
      expect((await requestJson(t.app, 'GET', `/api/v1/bookings/${id}`, undefined, otherStaff.headers)).status).toBe(404)
    })
  })
})
