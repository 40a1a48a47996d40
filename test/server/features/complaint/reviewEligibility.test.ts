import { ReviewEligibilitySchema } from '@domain/review'
import { openTestApp, TestApp } from '@test/support/app'
import { requestJson, signInParent, TestSession } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { parentWhoBooked } from './reviewFixtures'

/* May I review? asked before the form (issue 12), by the same rule the post applies. */
describe('GET /institutions/:id/reviews/eligibility', () => {
  let t: TestApp
  let staff: TestSession

  beforeAll(async () => {
    t = await openTestApp('pglite')
    await seedInstitutions(t.db, [{ id: 'inst-e' }])
    staff = await signInStaff(t, 'inst-e')
  })
  afterAll(() => t.close())

  const ask = (session: TestSession | null, id = 'inst-e') =>
    requestJson(t.app, 'GET', `/api/v1/institutions/${id}/reviews/eligibility`, undefined, session ? session.headers : {})

  it('tells a parent who has not visited why not, before any score is given', async () => {
    const stranger = await signInParent(t.app)
    const answer = await ask(stranger)
    expect(answer.status).toBe(200)
    expect(ReviewEligibilitySchema.parse(answer.body)).toEqual({ mayReview: false, reason: expect.stringContaining('参观') })
  })

  it('says yes to a parent whose visit staff marked attended', async () => {
    const visitor = await parentWhoBooked(t, 'inst-e', staff)
    expect(ReviewEligibilitySchema.parse((await ask(visitor)).body)).toEqual({ mayReview: true, reason: null })
  })

  it('asks for sign-in (401) and answers 404 for an unknown institution', async () => {
    expect((await ask(null)).status).toBe(401)
    expect((await ask(await signInParent(t.app), 'no-such-place')).status).toBe(404)
  })
})
