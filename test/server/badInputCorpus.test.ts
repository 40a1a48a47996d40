import { OpenAPIV3 } from 'openapi-types'
import { YUBEI } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { generateBadRequests } from '@test/support/badInputCorpus'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { signInRegulator } from './features/complaint/complaintFixtures'

/*
 * The bad-input bar of issue 11: a corpus generated from the OpenAPI document the app
 * serves — every route, every parameter and body field given NUL bytes, lone
 * surrogates, 1 MB strings, years 0/1/9999, negative and huge numbers, __proto__ keys,
 * wrong types and wrong content types — answers no request with a 5xx.
 */

describe.each(TEST_BACKENDS)('the bad-input corpus on %s', (backend) => {
  let t: TestApp
  let parent: TestSession
  let staff: TestSession
  let regulator: TestSession
  let leaving: TestSession
  beforeAll(async () => {
    t = await openTestApp(backend, { config: { complaintLookupRateLimitPerMinute: 1_000_000 } })
    await seedInstitutions(t.db, [{ id: 'inst-c', districtCode: YUBEI.code }])
    parent = await signInParent(t.app, '语料家长')
    staff = await signInStaff(t, 'inst-c')
    regulator = await signInRegulator(t, YUBEI.code)
    leaving = await signInParent(t.app, '退出的家长')
  }, 60_000)
  afterAll(() => t.close())

  function headersFor(path: string): Record<string, string> {
    // The institution's side of a notice is staff's; issuing, verifying and oversight are the regulator's.
    if (path.endsWith('/report')) return staff.headers
    if (path.startsWith('/api/v1/staff/complaints') || path.startsWith('/api/v1/staff/rectifications') || path.startsWith('/api/v1/staff/oversight')) {
      return regulator.headers
    }
    if (path.startsWith('/api/v1/staff/')) return staff.headers
    // Signing out ends the session it is sent with: give it one of its own.
    if (path === '/api/v1/auth/signout') return leaving.headers
    return parent.headers
  }

  it('answers none of its requests with a 5xx', async () => {
    const document = (await t.app.inject({ url: '/api/v1/openapi.json' })).json() as OpenAPIV3.Document
    const requests = generateBadRequests(document, headersFor)
    const routes = new Set(requests.map((r) => r.what.split(':')[0]))
    expect(routes.size).toBeGreaterThanOrEqual(55)
    const failures: string[] = []
    // Every refusal in the API's own shape {error: {code, message}} (API.md).
    const shapes: string[] = []
    for (const request of requests) {
      const response = await t.app.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, payload: request.payload })
      if (response.statusCode >= 500) failures.push(`${response.statusCode} ${request.what}: ${response.body.slice(0, 200)}`)
      else if (response.statusCode >= 400 && !/"error":\{"code":"[A-Z_]+"/.test(response.body)) shapes.push(`${response.statusCode} ${request.what}: ${response.body.slice(0, 200)}`)
    }
    console.log(`bad-input corpus on ${backend}: ${requests.length} requests over ${routes.size} routes, ${failures.length} answered 5xx`)
    expect(failures).toEqual([])
    expect(shapes).toEqual([])
    // No request polluted the prototype of every object.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  }, 180_000)
})
