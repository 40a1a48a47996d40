import { VoucherBatchReportSchema, VoucherBatchSchema, VoucherSchema } from '@domain/voucher'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { walkPages } from '@test/support/pageWalk'
import { addChild, requestJson, signInParent, TestSession } from '@test/support/session'
import { signInRegulator } from '@test/support/staffAccounts'
import { daysFromToday, issueBatch } from './voucherFixtures'

const YUBEI = '500112'
const BATCHES = 13

/*
 * The 体验券 lists page through the one paging helper (docs/api.md "Paging"): a district
 * with more batches than a page, and a parent with more vouchers than a page, read page by
 * page, give every row exactly once. Rows share timestamps and end dates on purpose, so
 * only the id tie-break keeps pages from skipping or repeating.
 */
describe.each(TEST_BACKENDS)('体验券 lists page on %s', (backend) => {
  let t: TestApp
  let regulator: TestSession
  let batchIds: string[]

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'inst-page', affordable: true }])
    regulator = await signInRegulator(t, YUBEI)
    batchIds = []
    for (let i = 0; i < BATCHES; i += 1) {
      // three end dates, so many batches end on the same day
      batchIds.push(await issueBatch(t.app, regulator, { title: `体验券第 ${i + 1} 批`, institutionIds: ['inst-page'], validUntil: daysFromToday(10 + (i % 3)) }))
    }
    // two creation instants shared by all batches (microseconds apart)
    await t.db.query(`update voucher_batches set created_at = case when id < $1 then '2026-11-20T08:00:00.000001Z'::timestamptz else '2026-11-20T08:00:00.000002Z'::timestamptz end`, [batchIds[5]])
  })
  afterAll(() => t.close())

  it('pages the open batches soonest ending first, each batch once', async () => {
    const walk = await walkPages(t.app, `/api/v1/voucher-batches?districtCode=${YUBEI}`, 4)
    const batches = walk.items.map((item) => VoucherBatchSchema.parse(item))
    expect(walk.pages).toBe(Math.ceil(BATCHES / 4))
    expect(batches.map((b) => b.id).sort()).toEqual([...batchIds].sort())
    const ends = batches.map((b) => b.validUntil)
    expect(ends).toEqual([...ends].sort())
  })

  it('pages the regulator\'s batch reports newest first, each batch once', async () => {
    const walk = await walkPages(t.app, '/api/v1/regulator/voucher-batches', 5, regulator.headers)
    const reports = walk.items.map((item) => VoucherBatchReportSchema.parse(item))
    expect(walk.pages).toBe(Math.ceil(BATCHES / 5))
    expect(new Set(reports.map((r) => r.id)).size).toBe(BATCHES)
    expect(reports.map((r) => r.id).sort()).toEqual([...batchIds].sort())
  })

  it('pages a parent\'s vouchers, each voucher once', async () => {
    const parent = await signInParent(t.app)
    const child = await addChild(t.app, parent)
    for (const batchId of batchIds) {
      const claim = await requestJson(t.app, 'POST', `/api/v1/voucher-batches/${batchId}/claims`, { childId: child.id }, parent.headers)
      expect(claim.status).toBe(201)
    }
    await t.db.query(`update vouchers set claimed_at = '2026-11-21T09:30:00.000007Z' where user_id = (select user_id from vouchers where child_id = $1 limit 1)`, [child.id])
    const walk = await walkPages(t.app, '/api/v1/me/vouchers', 3, parent.headers)
    const vouchers = walk.items.map((item) => VoucherSchema.parse(item))
    expect(walk.pages).toBe(Math.ceil(BATCHES / 3))
    expect(vouchers.map((v) => v.batch.id).sort()).toEqual([...batchIds].sort())
  })

  it('refuses a cursor it did not issue, and a limit over 50, with a 400', async () => {
    const forged = await requestJson(t.app, 'GET', `/api/v1/voucher-batches?cursor=${Buffer.from(JSON.stringify({ day: '2026-02-30', id: 'x' })).toString('base64url')}`)
    expect(forged.status).toBe(400)
    const anotherList = await requestJson(t.app, 'GET', `/api/v1/regulator/voucher-batches?cursor=${Buffer.from(JSON.stringify({ day: '2026-02-03', id: 'x' })).toString('base64url')}`, undefined, regulator.headers)
    expect(anotherList.status).toBe(400)
    expect((await requestJson(t.app, 'GET', '/api/v1/voucher-batches?limit=51')).status).toBe(400)
  })
})
