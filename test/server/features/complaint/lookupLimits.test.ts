import { performance } from 'node:perf_hooks'
import { YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { signInParent, TestSession } from '@test/support/session'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { fileComplaint } from './complaintFixtures'

/*
 * 马上查 cannot be brute-forced: wrong digits are a 404 like a missing number, the
 * limits per IP and per tracking number engage, and the two 404s take the same time.
 */

const lookUp = (t: TestApp, trackingNo: string, digits: string, ip = '127.0.0.1') =>
  t.app.inject({ method: 'GET', url: `/api/v1/complaints/${trackingNo}?phoneLast4=${digits}`, remoteAddress: ip })

const wrongDigits = (i: number) => String(1000 + (i % 9000)).padStart(4, '0') // the right digits are 0987

describe.each(TEST_BACKENDS)('complaint lookup limits on %s', (backend) => {
  describe('with the default per-IP limit', () => {
    let t: TestApp
    let parent: TestSession
    beforeAll(async () => {
      t = await openTestApp(backend)
      await seedInstitutions(t.db, [{ id: 'inst-c', districtCode: YUBEI.code }])
      parent = await signInParent(t.app)
    })
    afterAll(() => t.close())

    it('answers 1,000 wrong guesses with 404 until the limits answer 429, never 200', async () => {
      const filed = await fileComplaint(t.app, parent)
      const statuses: number[] = []
      for (let i = 0; i < 1000; i++) {
        // Spread over 100 addresses so the per-number limit, not the per-IP one, has to stop it.
        statuses.push((await lookUp(t, filed.trackingNo, wrongDigits(i), `10.0.${Math.floor(i / 10) % 100}.1`)).statusCode)
      }
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404))
      expect(new Set(statuses)).toEqual(new Set([404, 429]))
      expect(statuses.filter((s) => s === 404)).toHaveLength(10)
      // The right digits are locked out for the window too; the signed-in owner is not.
      expect((await lookUp(t, filed.trackingNo, '0987', '10.9.9.9')).statusCode).toBe(429)
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/complaints/${filed.trackingNo}`, headers: parent.headers })).statusCode).toBe(200)
    })

    it('limits one address trying many numbers', async () => {
      const statuses: number[] = []
      for (let i = 0; i < 100; i++) statuses.push((await lookUp(t, `TS20260101-${'ABCDEFGHJK'[i % 10]}${'ABCDEFGHJK'[Math.floor(i / 10)]}2345`, '0987', '10.77.0.1')).statusCode)
      expect(statuses.slice(0, 60)).toEqual(Array(60).fill(404))
      expect(statuses.slice(60)).toEqual(Array(40).fill(429))
    })
  })

  describe('timing', () => {
    let t: TestApp
    beforeAll(async () => {
      t = await openTestApp(backend, { config: { complaintLookupRateLimitPerMinute: 100_000 } })
      await seedInstitutions(t.db, [{ id: 'inst-c', districtCode: YUBEI.code }])
    })
    afterAll(() => t.close())

    it('takes no measurably different time for a wrong proof and a missing number', async () => {
      const parent = await signInParent(t.app)
      const numbers: string[] = []
      for (let i = 0; i < 30; i++) numbers.push((await fileComplaint(t.app, parent)).trackingNo)
      // Well-formed numbers that were never issued, each used once (under the per-number limit).
      const A = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
      const missing = (round: number, i: number) => `TS20260101-${A[round]}${A[i]}ZZZZ`
      const wrong: number[] = []
      const absent: number[] = []
      const time = async (no: string, into: number[]) => {
        const start = performance.now()
        const r = await lookUp(t, no, '1234')
        into.push(performance.now() - start)
        expect(r.statusCode).toBe(404)
      }
      // Warm up, then interleave so drift in the machine's load hits both alike.
      for (let i = 0; i < 20; i++) await time(missing(31, i), [])
      for (let round = 0; round < 8; round++) {
        for (let i = 0; i < numbers.length; i++) {
          await time(numbers[i], wrong)
          await time(missing(round, i), absent)
        }
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
      const ratio = median(wrong) / median(absent)
      // 240 samples each; the medians agree within the noise of an in-process request.
      expect(ratio).toBeGreaterThan(0.8)
      expect(ratio).toBeLessThan(1.25)
    })
  })
})
