import crypto from 'node:crypto'
import { YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { insertSlotRow, postBooking, seedInstitutions } from '@test/support/bookingFixtures'
import { addChild, requestJson, signInParent } from '@test/support/session'

/*
 * Retention (issue 11): the jobs runner purges ended sessions, idempotency records with
 * their stored answers, 马上查 lookup counters and rate-limit windows once they are past
 * their time, and nothing that is still current.
 */

const HOUR = 60 * 60 * 1000

describe('the retention job', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite', { config: { signInRateLimitPerMinute: 1000 } })
    await seedInstitutions(t.db, [{ id: 'inst-r', districtCode: YUBEI.code }])
  })
  afterAll(() => t.close())

  async function count(table: string): Promise<number> {
    return (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0].n
  }

  it('purges what is past its retention and keeps what is current', async () => {
    const stays = await signInParent(t.app)
    const leaves = await signInParent(t.app)
    await requestJson(t.app, 'POST', '/api/v1/auth/signout', undefined, leaves.headers)
    const child = await addChild(t.app, stays)
    const slotId = await insertSlotRow(t.db, { institutionId: 'inst-r' })
    expect((await postBooking(t.app, stays, { slotId, childId: child.id, contactName: '王', contactPhone: '13812345678' }, crypto.randomUUID())).status).toBe(201)
    await requestJson(t.app, 'GET', '/api/v1/complaints/TS20261122-7F3K9Q?phoneLast4=1234')
    expect(await count('idempotency_keys')).toBe(1)
    expect(await count('complaint_lookup_windows')).toBe(1)
    expect(await count('rate_limit_windows')).toBeGreaterThan(0)

    // Nothing is due yet: even the signed-out session ended less than a day ago.
    expect(Object.values(await t.app.retention.runOnce())).toEqual([0, 0, 0, 0])

    // Two days on: the signed-out session, the day-old key and the old counters go.
    const later = new Date(Date.now() + 48 * HOUR)
    const purged = await t.app.retention.runOnce(later)
    expect(purged).toMatchObject({ sessions: 1, 'idempotency records': 1, 'complaint lookup counters': 1 })
    expect(await count('idempotency_keys')).toBe(0)
    expect(await count('complaint_lookup_windows')).toBe(0)
    // The live session still signs in.
    expect((await requestJson(t.app, 'GET', '/api/v1/me', undefined, stays.headers)).status).toBe(200)
  })
})
