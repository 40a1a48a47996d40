import crypto from 'node:crypto'
import fc from 'fast-check'
import { z } from 'zod'
import { BookingCreateBodySchema } from '@domain/booking'
import { EnrollmentCreateBodySchema } from '@domain/enrollment'
import { SlotCreateBodySchema, SlotUpdateBodySchema } from '@domain/slot'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { bookingBody, bookingTableCounts, insertSlotRow, monthFromNow, postBooking, seedInstitutions } from '@test/support/bookingFixtures'

/*
 * Every booking route answers a malformed body with 400 VALIDATION and a field message,
 * and writes nothing: the row counts of every table it could touch stay the same.
 */

const RUNS = Number(process.env.BAD_INPUT_RUNS ?? 40)

/** A value of the wrong kind for any field. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.constant(''),
  fc.constant('   '),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 }),
  fc.string({ minLength: 201, maxLength: 400 }),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2026-13-01T00:00:00+08:00', '明天上午', '1381234567', '+8613812345678', '0000-00', '2026-1'),
)

/** A valid body broken in one to three ways: fields dropped, replaced or added; or not an object at all. */
function malformed(valid: Record<string, unknown>, schema: z.ZodType): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid)
  const broken = fc
    .array(
      fc.oneof(
        fc.record({ op: fc.constant('drop' as const), key: fc.constantFrom(...keys) }),
        fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...keys), value: wrongValue }),
      ),
      { minLength: 1, maxLength: 3 },
    )
    .map((edits) => {
      const body: Record<string, unknown> = { ...valid }
      for (const edit of edits) {
        if (edit.op === 'drop') delete body[edit.key]
        else body[edit.key] = edit.value
      }
      return body as unknown
    })
  const notAnObject = fc.oneof(fc.constant([]), fc.constant('slot'), fc.integer(), fc.constant(null), fc.array(fc.jsonValue(), { maxLength: 2 }))
  return fc.oneof(broken, notAnObject).filter((body) => !schema.safeParse(body).success)
}

describe.each(TEST_BACKENDS)('booking routes refuse malformed bodies on %s', (backend) => {
  let t: TestApp
  let parent: TestSession
  let staff: TestSession
  let childId: string
  let slotId: string
  let bookingId: string
  const runs = backend === 'pglite' ? RUNS : Math.ceil(RUNS / 2)

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-p', capacity: 10, enrolled: 10 }])
    parent = await signInParent(t.app)
    staff = await signInStaff(t, 'inst-p')
    childId = (await addChild(t.app, parent)).id
    slotId = await insertSlotRow(t.db, { institutionId: 'inst-p', capacity: 5 })
    bookingId = ((await postBooking(t.app, parent, bookingBody(slotId, childId))).body as { id: string }).id
    // An application on file, so a refused one is seen not to disturb it.
    await requestJson(
      t.app,
      'POST',
      '/api/v1/enrollments',
      { institutionId: 'inst-p', childId, careMode: 'full_day', startMonth: monthFromNow(1), contactPhone: '13812345678' },
      parent.headers,
    )
  })
  afterAll(() => t.close())

  async function expectRefusedWithoutWrites(send: () => Promise<{ status: number; body: unknown }>): Promise<void> {
    const before = await bookingTableCounts(t.db)
    const answer = await send()
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({ error: { code: 'VALIDATION', message: expect.any(String) } })
    expect(await bookingTableCounts(t.db)).toEqual(before)
  }

  it('POST /bookings', async () => {
    const valid = bookingBody(slotId, childId, { note: '备注' })
    await fc.assert(
      fc.asyncProperty(malformed(valid, BookingCreateBodySchema), async (body) => {
        await expectRefusedWithoutWrites(() => postBooking(t.app, parent, body, crypto.randomUUID()))
      }),
      { numRuns: runs },
    )
  })

  it('POST /bookings/:id/cancel', async () => {
    const bodies = fc.oneof(
      fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.jsonValue(), { minKeys: 1, maxKeys: 3 }),
      fc.constant([]),
      fc.integer(),
      fc.constant('cancel'),
    )
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        await expectRefusedWithoutWrites(() => requestJson(t.app, 'POST', `/api/v1/bookings/${bookingId}/cancel`, body, parent.headers))
      }),
      { numRuns: runs },
    )
    expect((await requestJson(t.app, 'GET', `/api/v1/bookings/${bookingId}`, undefined, parent.headers)).body).toMatchObject({ status: 'confirmed' })
  })

  it('POST /enrollments', async () => {
    const valid = { institutionId: 'inst-p', childId, careMode: 'half_day', startMonth: monthFromNow(2), contactPhone: '13812345678' }
    await fc.assert(
      fc.asyncProperty(malformed(valid, EnrollmentCreateBodySchema), async (body) => {
        await expectRefusedWithoutWrites(() => requestJson(t.app, 'POST', '/api/v1/enrollments', body, parent.headers))
      }),
      { numRuns: runs },
    )
  })

  it('POST /staff/slots', async () => {
    const startsAt = new Date(Date.now() + 86400_000).toISOString()
    const endsAt = new Date(Date.now() + 90000_000).toISOString()
    const valid = { kind: 'open_day', title: '开放日', startsAt, endsAt, capacity: 10, requiresConfirmation: false }
    await fc.assert(
      fc.asyncProperty(malformed(valid, SlotCreateBodySchema), async (body) => {
        await expectRefusedWithoutWrites(() => requestJson(t.app, 'POST', '/api/v1/staff/slots', body, staff.headers))
      }),
      { numRuns: runs },
    )
  })

  it('PATCH /staff/slots/:id', async () => {
    const valid = { title: '新标题', capacity: 8, requiresConfirmation: true }
    const bodies = fc.oneof(malformed(valid, SlotUpdateBodySchema), fc.constant({}))
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        await expectRefusedWithoutWrites(() => requestJson(t.app, 'PATCH', `/api/v1/staff/slots/${slotId}`, body, staff.headers))
      }),
      { numRuns: runs },
    )
  })
})
