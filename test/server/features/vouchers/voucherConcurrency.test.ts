import fs from 'node:fs'
import { FastifyInstance } from 'fastify'
import { buildApp } from '@server/app'
import { tinyH5Dist } from '@test/support/app'
import { requestJson } from '@test/support/session'
import { insertSlotRow, seedInstitutions } from '@test/support/bookingFixtures'
import { createFamilies, createStaff, openPostgresSchema, PostgresSchema } from '@test/support/postgresHarness'
import { statusCounts } from '@test/support/statusCounts'
import { signInRegulator } from '../complaint/complaintFixtures'
import { issueBatch } from './voucherFixtures'
import { testConfig } from '@test/support/testConfig'

/*
 * The 体验券 race proof, like the bookings': only real PostgreSQL runs transactions at once
 * (PGlite has one connection). CI sets TEST_DATABASE_URL.
 */
const url = process.env.TEST_DATABASE_URL
const describeOnPostgres = url ? describe : describe.skip
if (!url) {
  // eslint-disable-next-line no-console
  console.log('voucherConcurrency.test.ts skipped: set TEST_DATABASE_URL to a PostgreSQL database to run the voucher race tests')
}

jest.setTimeout(60_000)

type Answer = Awaited<ReturnType<typeof requestJson>>


describeOnPostgres('体验券 races on real PostgreSQL', () => {
  let pg: PostgresSchema
  let app: FastifyInstance
  let base: string
  let h5Dist: string

  beforeAll(async () => {
    pg = await openPostgresSchema(url!, 40)
    await seedInstitutions(pg.db, [{ id: 'inst-v', affordable: true, ageRange: { minMonths: 6, maxMonths: 36 } }])
    h5Dist = tinyH5Dist()
    app = await buildApp({ config: testConfig({ h5Dist, demoLogin: true }), db: pg.db })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  })
  afterAll(async () => {
    await app?.close()
    await pg?.drop()
    if (h5Dist) fs.rmSync(h5Dist, { recursive: true, force: true })
  })

  it('gives a batch of 50 to exactly 50 of 200 children claiming at once, with no 5xx', async () => {
    const regulator = await signInRegulator({ app, db: pg.db }, '500112')
    const batchId = await issueBatch(base, regulator, { total: 50 })
    const families = await createFamilies(pg.db, 200)
    const answers = await Promise.all(families.map((f) => requestJson(base, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: f.childId }, f.headers)))
    expect(statusCounts(answers)).toEqual({ '201': 50, '409 CONFLICT': 150 })
    const { rows } = await pg.db.query<{ claimed: number; vouchers: number }>(
      `select b.claimed, (select count(*) from vouchers v where v.batch_id = b.id)::int as vouchers from voucher_batches b where b.id = $1`,
      [batchId],
    )
    expect(rows[0]).toEqual({ claimed: 50, vouchers: 50 })
  })

  it('gives one child one voucher when the claim is sent 12 times at once', async () => {
    const regulator = await signInRegulator({ app, db: pg.db }, '500112')
    const batchId = await issueBatch(base, regulator, { total: 50 })
    const [family] = await createFamilies(pg.db, 1)
    const answers = await Promise.all(Array.from({ length: 12 }, () => requestJson(base, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: family.childId }, family.headers)))
    expect(statusCounts(answers)).toEqual({ '201': 1, '409 CONFLICT': 11 })
    const { rows } = await pg.db.query<{ claimed: number }>(`select claimed from voucher_batches where id = $1`, [batchId])
    expect(rows[0].claimed).toBe(1)
  })

  it('redeems a voucher once when 10 check-in desks try at once', async () => {
    const regulator = await signInRegulator({ app, db: pg.db }, '500112')
    const batchId = await issueBatch(base, regulator, { total: 5 })
    const [family] = await createFamilies(pg.db, 1)
    const claim = await requestJson(base, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: family.childId }, family.headers)
    const voucher = claim.body as { id: string; code: string }
    const trial = await insertSlotRow(pg.db, { institutionId: 'inst-v', kind: 'trial' })
    const booked = await requestJson(base, 'POST', `/api/v1/me/vouchers/${voucher.id}/booking`, { slotId: trial, contactName: '王女士', contactPhone: '13812345678' }, family.headers)
    expect(booked.status).toBe(201)
    const desks = await Promise.all(Array.from({ length: 10 }, () => createStaff(pg.db, 'inst-v')))
    const answers = await Promise.all(desks.map((desk) => requestJson(base, 'POST', '/api/v1/staff/vouchers/redeem', { code: voucher.code }, desk.headers)))
    expect(statusCounts(answers)).toEqual({ '200': 1, '409 CONFLICT': 9 })
  })
})
