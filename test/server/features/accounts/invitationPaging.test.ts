import { InvitationSchema, MembershipSchema } from '@domain/staffAccess'
import { openTestApp, TestApp } from '@test/support/app'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { TEST_BACKENDS } from '@test/support/database'
import { walkPages } from '@test/support/pageWalk'
import { requestJson, TestSession } from '@test/support/session'
import { signInInstitutionAdmin, signInRegulator } from '@test/support/staffAccounts'

const YUBEI = '500112'
const INSTITUTIONS = Array.from({ length: 9 }, (_, i) => `inst-role-${i + 1}`)

/*
 * The workbench's invitations and members lists page through the one paging helper: more
 * than a page of each, read page by page, gives every row once.
 */
describe.each(TEST_BACKENDS)('invitations and members page on %s', (backend) => {
  let t: TestApp
  let regulator: TestSession

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, INSTITUTIONS.map((id) => ({ id, districtCode: YUBEI })))
    regulator = await signInRegulator(t, YUBEI)
  })
  afterAll(() => t.close())

  it('pages the invitations newest first, each once, even when they share an instant', async () => {
    const ids: string[] = []
    for (const institutionId of INSTITUTIONS) {
      const answer = await requestJson(t.app, 'POST', '/api/v1/staff/invitations', { role: 'institution_admin', institutionId }, regulator.headers)
      expect(answer.status).toBe(201)
      ids.push((answer.body as { id: string }).id)
    }
    await t.db.query(`update invitations set created_at = '2026-11-22T08:00:00.000003Z' where id = any($1::text[])`, [ids.slice(0, 6)])
    const walk = await walkPages(t.app, '/api/v1/staff/invitations', 4, regulator.headers)
    const seen = walk.items.map((item) => InvitationSchema.parse(item).id).filter((id) => ids.includes(id))
    expect(seen.sort()).toEqual([...ids].sort())
    expect(new Set(walk.items.map((item) => InvitationSchema.parse(item).id)).size).toBe(walk.items.length)
  })

  it('pages the members of a district, each once, in the order of one full read', async () => {
    for (const institutionId of INSTITUTIONS) await signInInstitutionAdmin(t, institutionId, `园长${institutionId}`)
    const whole = await walkPages(t.app, '/api/v1/staff/members', 50, regulator.headers)
    expect(whole.pages).toBe(1)
    const paged = await walkPages(t.app, '/api/v1/staff/members', 4, regulator.headers)
    const members = paged.items.map((item) => MembershipSchema.parse(item))
    expect(members.length).toBeGreaterThanOrEqual(INSTITUTIONS.length + 1)
    expect(paged.pages).toBe(Math.ceil(members.length / 4))
    expect(members.map((m) => m.id)).toEqual(whole.items.map((m) => (m as { id: string }).id))
    expect(new Set(members.map((m) => m.id)).size).toBe(members.length)
  })
})
