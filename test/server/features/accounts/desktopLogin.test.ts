import { LoginTicketSchema } from '@domain/staffAccess'
import { SessionSchema } from '@domain/account'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'

describe.each(TEST_BACKENDS)('扫码登录 of the desktop workbench on %s', (backend) => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [{ id: 'desk-inst' }])
  })
  afterAll(() => t.close())

  const newTicket = async () => LoginTicketSchema.parse((await requestJson(t.app, 'POST', '/api/v1/auth/desktop-tickets')).body)
  const collect = (ticketId: string, pollSecret: string) => requestJson(t.app, 'POST', `/api/v1/auth/desktop-tickets/${ticketId}/collect`, { pollSecret })

  it('gives the desktop the phone person’s session, for 8 hours, once, and the phone can end it', async () => {
    const staff = await signInStaff(t, 'desk-inst')
    const ticket = await newTicket()
    expect(ticket.qrText).toContain(ticket.ticketId)
    expect(ticket.qrText).not.toContain(ticket.pollSecret)
    expect((await collect(ticket.ticketId, ticket.pollSecret)).status).toBe(202)

    expect((await requestJson(t.app, 'POST', `/api/v1/auth/desktop-tickets/${ticket.ticketId}/confirm`, undefined, staff.headers)).status).toBe(204)
    const collected = await collect(ticket.ticketId, ticket.pollSecret)
    expect(collected.status).toBe(200)
    const session = SessionSchema.parse(collected.body)
    expect(session.user).toMatchObject({ id: staff.userId, staffInstitutionId: 'desk-inst' })
    const hours = (Date.parse(session.expiresAt) - Date.now()) / 3600_000
    expect(hours).toBeGreaterThan(7.9)
    expect(hours).toBeLessThanOrEqual(8)
    const desktop = { authorization: `Bearer ${session.token}` }
    expect((await requestJson(t.app, 'GET', '/api/v1/staff/bookings', undefined, desktop)).status).toBe(200)
    // Only once.
    expect((await collect(ticket.ticketId, ticket.pollSecret)).status).toBe(404)

    const listed = (await requestJson(t.app, 'GET', '/api/v1/me/desktop-sessions', undefined, staff.headers)).body as { items: { id: string }[] }
    expect(listed.items).toHaveLength(1)
    expect((await requestJson(t.app, 'POST', `/api/v1/me/desktop-sessions/${listed.items[0].id}/end`, undefined, staff.headers)).status).toBe(204)
    expect((await requestJson(t.app, 'GET', '/api/v1/staff/bookings', undefined, desktop)).status).toBe(401)
  })

  it('needs the poll secret, a person with a role, and a live ticket', async () => {
    const ticket = await newTicket()
    expect((await collect(ticket.ticketId, 'x'.repeat(43))).status).toBe(404)
    const parent = await signInParent(t.app)
    expect((await requestJson(t.app, 'POST', `/api/v1/auth/desktop-tickets/${ticket.ticketId}/confirm`, undefined, parent.headers)).status).toBe(403)
    expect((await requestJson(t.app, 'POST', `/api/v1/auth/desktop-tickets/${ticket.ticketId}/confirm`)).status).toBe(401)
    await t.db.query(`update login_tickets set expires_at = now() - interval '1 second' where id = $1`, [ticket.ticketId])
    const staff = await signInStaff(t, 'desk-inst')
    expect((await requestJson(t.app, 'POST', `/api/v1/auth/desktop-tickets/${ticket.ticketId}/confirm`, undefined, staff.headers)).status).toBe(404)
    expect((await collect(ticket.ticketId, ticket.pollSecret)).status).toBe(404)
    expect((await requestJson(t.app, 'POST', '/api/v1/auth/desktop-tickets/bad!/confirm', undefined, staff.headers)).status).toBe(400)
  })
})
