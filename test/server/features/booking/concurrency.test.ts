import crypto from 'node:crypto'
import fs from 'node:fs'
import { FastifyInstance } from 'fastify'
import { MAX_OPEN_BOOKINGS_PER_PARENT } from '@domain/bookingRules'
import { buildApp } from '@server/app'
import { tinyH5Dist } from '@test/support/app'
import { startServerProcess, ServerProcess } from '@test/support/serverProcess'
import { requestJson } from '@test/support/session'
import { bookingBody, insertSlotRow, seedInstitutions, slotBooked } from '@test/support/bookingFixtures'
import { createFamilies, createStaff, Family, openPostgresSchema, overbookedSlots, PostgresSchema } from '@test/support/postgresHarness'
import { statusCounts } from '@test/support/statusCounts'
import { testConfig } from '@test/support/testConfig'
import { describeOnPostgres, POSTGRES_URL } from '@test/support/postgresSuite'

/*
 * Races can only be shown on real PostgreSQL: PGlite has one connection and runs
 * transactions one at a time (docs/platform-notes.md). CI sets TEST_DATABASE_URL.
 */
const url = POSTGRES_URL

jest.setTimeout(60_000)

type Answer = Awaited<ReturnType<typeof requestJson>>

function book(base: string, family: Family, slotId: string, key: string = crypto.randomUUID()): Promise<Answer> {
  return requestJson(base, 'POST', '/api/v1/bookings', bookingBody(slotId, family.childId), { ...family.headers, 'idempotency-key': key })
}


describeOnPostgres('booking races on real PostgreSQL', () => {
  let pg: PostgresSchema
  let app: FastifyInstance
  let base: string
  let h5Dist: string

  beforeAll(async () => {
    pg = await openPostgresSchema(url!, 40)
    await seedInstitutions(pg.db, [{ id: 'race', capacity: 60, enrolled: 50 }])
    h5Dist = tinyH5Dist()
    app = await buildApp({ config: testConfig({ h5Dist }), db: pg.db })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  })
  afterAll(async () => {
    await app?.close()
    await pg?.drop()
    if (h5Dist) fs.rmSync(h5Dist, { recursive: true, force: true })
  })

  it('gives a 10-place slot to exactly 10 of 200 parents booking at once', async () => {
    const slotId = await insertSlotRow(pg.db, { institutionId: 'race', capacity: 10 })
    const families = await createFamilies(pg.db, 200)
    const answers = await Promise.all(families.map((f) => book(base, f, slotId)))
    expect(statusCounts(answers)).toEqual({ '201': 10, '409 SLOT_FULL': 190 })
    const slots = await requestJson(base, 'GET', '/api/v1/institutions/race/slots')
    expect((slots.body as { items: { id: string; remaining: number }[] }).items.find((s) => s.id === slotId)?.remaining).toBe(0)
    expect(await slotBooked(pg.db, slotId)).toEqual({ booked: 10, capacity: 10, holding: 10 })
    expect(await overbookedSlots(pg.db)).toEqual([])
  })

  it.each(['hourly', 'temporary'] as const)('gives a 5-place %s (计时托/临时托) session to exactly 5 of 60 parents booking at once', async (kind) => {
    const slotId = await insertSlotRow(pg.db, { institutionId: 'race', capacity: 5, kind })
    const families = await createFamilies(pg.db, 60)
    const answers = await Promise.all(families.map((f) => book(base, f, slotId)))
    expect(statusCounts(answers)).toEqual({ '201': 5, '409 SLOT_FULL': 55 })
    expect(await slotBooked(pg.db, slotId)).toEqual({ booked: 5, capacity: 5, holding: 5 })
    expect(await overbookedSlots(pg.db)).toEqual([])
  })

  it('books once when one request is sent many times at once with the same key', async () => {
    const slotId = await insertSlotRow(pg.db, { institutionId: 'race', capacity: 10 })
    const [family] = await createFamilies(pg.db, 1)
    const key = crypto.randomUUID()
    const answers = await Promise.all(Array.from({ length: 12 }, () => book(base, family, slotId, key)))
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(answers[0].status).toBe(201)
    expect((await slotBooked(pg.db, slotId)).booked).toBe(1)
  })

  it('keeps the per-parent cap when one parent books many slots at once (and never deadlocks)', async () => {
    const [family] = await createFamilies(pg.db, 1)
    const slots = await Promise.all(Array.from({ length: 8 }, () => insertSlotRow(pg.db, { institutionId: 'race', capacity: 10 })))
    const answers = await Promise.all(slots.map((slotId) => book(base, family, slotId)))
    expect(statusCounts(answers)).toEqual({ '201': MAX_OPEN_BOOKINGS_PER_PARENT, '409 CONFLICT': 8 - MAX_OPEN_BOOKINGS_PER_PARENT })
  })

  it('gives a place freed by a cancellation to at most one of the parents racing for it', async () => {
    const rounds = 15
    const slots = await Promise.all(Array.from({ length: rounds }, () => insertSlotRow(pg.db, { institutionId: 'race', capacity: 1 })))
    const holders = await createFamilies(pg.db, rounds)
    const held = await Promise.all(holders.map((h, i) => book(base, h, slots[i])))
    expect(held.every((a) => a.status === 201)).toBe(true)

    const racers = await createFamilies(pg.db, rounds * 3)
    const outcomes = await Promise.all(
      slots.map(async (slotId, i) => {
        const bookingId = (held[i].body as { id: string }).id
        const [cancel, ...rebooks] = await Promise.all([
          requestJson(base, 'POST', `/api/v1/bookings/${bookingId}/cancel`, undefined, holders[i].headers),
          ...racers.slice(i * 3, i * 3 + 3).map((r) => book(base, r, slotId)),
        ])
        return { cancel, rebooks }
      }),
    )
    for (const { cancel, rebooks } of outcomes) {
      expect(cancel.status).toBe(200)
      expect(rebooks.filter((a) => a.status === 201).length).toBeLessThanOrEqual(1)
      expect(rebooks.every((a) => a.status === 201 || (a.body as { error: { code: string } }).error.code === 'SLOT_FULL')).toBe(true)
    }
    expect(await overbookedSlots(pg.db)).toEqual([])
  })

  it('lets exactly one of two staff members acting on a pending booking at once win', async () => {
    const slotId = await insertSlotRow(pg.db, { institutionId: 'race', capacity: 40, requiresConfirmation: true })
    const families = await createFamilies(pg.db, 30)
    const bookings = await Promise.all(families.map((f) => book(base, f, slotId)))
    const [a, b] = [await createStaff(pg.db, 'race'), await createStaff(pg.db, 'race')]
    const results = await Promise.all(
      bookings.map(async (booking, i) => {
        const id = (booking.body as { id: string }).id
        // Half the bookings: both confirm. The other half: one confirms while the other declines.
        const second = i % 2 === 0 ? 'confirm' : 'decline'
        return Promise.all([
          requestJson(base, 'POST', `/api/v1/staff/bookings/${id}/confirm`, undefined, a.headers),
          requestJson(base, 'POST', `/api/v1/staff/bookings/${id}/${second}`, undefined, b.headers),
        ])
      }),
    )
    for (const pair of results) expect(pair.map((r) => r.status).sort()).toEqual([200, 409])
    const declined = results.filter(([, second]) => second.status === 200 && (second.body as { status: string }).status === 'declined').length
    expect(await slotBooked(pg.db, slotId)).toEqual({ booked: 30 - declined, capacity: 40, holding: 30 - declined })
  })

  it('keeps waitlist positions 1..n without gaps or duplicates through concurrent applications and withdrawals', async () => {
    await pg.db.query(`update institutions set capacity = 60, enrolled = 55 where id = 'race'`)
    const month = new Date(Date.now() + 8 * 3600_000 + 35 * 86400_000).toISOString().slice(0, 7)
    const families = await createFamilies(pg.db, 40)
    const apply = (f: Family) =>
      requestJson(base, 'POST', '/api/v1/enrollments', { institutionId: 'race', childId: f.childId, careMode: 'full_day', startMonth: month, contactPhone: '13700001111' }, f.headers)
    const applied = await Promise.all(families.map(apply))
    expect(applied.every((a) => a.status === 201)).toBe(true)
    const statuses = applied.map((a) => (a.body as { status: string }).status)
    expect(statuses.filter((s) => s === 'submitted')).toHaveLength(5)
    const positions = applied.map((a) => (a.body as { waitlistPosition: number | null }).waitlistPosition).filter((p) => p !== null)
    expect([...positions].sort((x, y) => x! - y!)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1))

    // Two submitted and ten waitlisted applicants withdraw while ten more apply.
    const submittedIdx = statuses.flatMap((s, i) => (s === 'submitted' ? [i] : [])).slice(0, 2)
    const waitlistedIdx = statuses.flatMap((s, i) => (s === 'waitlisted' ? [i] : [])).filter((_, k) => k % 3 === 0).slice(0, 10)
    const latecomers = await createFamilies(pg.db, 10)
    const withdrawals = [...submittedIdx, ...waitlistedIdx].map((i) =>
      requestJson(base, 'POST', `/api/v1/enrollments/${(applied[i].body as { id: string }).id}/withdraw`, undefined, families[i].headers),
    )
    const answers = await Promise.all([...withdrawals, ...latecomers.map(apply)])
    expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true)

    const rows = await pg.db.query<{ status: string; position: number | null }>(
      `select status, case when status = 'waitlisted' then
         (select count(*) from enrollments w where w.institution_id = e.institution_id and w.status = 'waitlisted' and (w.created_at, w.id) <= (e.created_at, e.id))
       end as position
       from enrollments e where institution_id = 'race'`,
    )
    const waiting = rows.rows.filter((r) => r.status === 'waitlisted').map((r) => r.position!)
    expect(rows.rows.filter((r) => r.status === 'submitted')).toHaveLength(5)
    expect(waiting.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 - 12 - 5 }, (_, i) => i + 1))
  })

  describe('with two server processes on one database', () => {
    const servers: ServerProcess[] = []

    const startServer = () => startServerProcess(pg.urlWithSchema, h5Dist)

    beforeAll(async () => {
      servers.push(...(await Promise.all([startServer(), startServer()])))
      for (const s of servers) expect((await requestJson(s.base, 'GET', '/healthz')).body).toEqual({ ok: true })
    })
    afterAll(async () => {
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<number | null>((resolve) => {
              if (s.child.exitCode !== null) return resolve(s.child.exitCode)
              s.child.once('exit', (code) => resolve(code))
              s.child.kill('SIGTERM')
            }),
        ),
      )
    })

    it('still gives a 10-place slot to exactly 10 of 200 parents', async () => {
      const slotId = await insertSlotRow(pg.db, { institutionId: 'race', capacity: 10 })
      const families = await createFamilies(pg.db, 200)
      const answers = await Promise.all(families.map((f, i) => book(servers[i % 2].base, f, slotId)))
      expect(statusCounts(answers)).toEqual({ '201': 10, '409 SLOT_FULL': 190 })
      expect(await slotBooked(pg.db, slotId)).toEqual({ booked: 10, capacity: 10, holding: 10 })
      expect(await overbookedSlots(pg.db)).toEqual([])
    })

    it('stops cleanly on SIGTERM', async () => {
      const codes = await Promise.all(
        servers.map((s) => new Promise<number | null>((resolve) => {
          s.child.once('exit', (code) => resolve(code))
          s.child.kill('SIGTERM')
        })),
      )
      expect(codes).toEqual([0, 0])
    })
  })
})
