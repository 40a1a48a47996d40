import { InvitationSchema, MembershipSchema, MyRolesSchema, NewInvitationSchema } from '@domain/staffAccess'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { requestJson, signInParent, TestSession } from '@test/support/session'
import { acceptInvitation, signInRegulator } from '@test/support/staffAccounts'
import { seedInstitutions } from '@test/support/bookingFixtures'
import { BEIBEI, YUBEI } from '@test/fixtures/institutions'
import { inviteFirstRegulator } from '@server/features/accounts/invitations'
import { runAdminCommand } from '@server/features/accounts/adminCommands'
import { auditEntriesFor } from '@server/platform/db/auditLog'

describe.each(TEST_BACKENDS)('roles by invitation on %s', (backend) => {
  let t: TestApp

  beforeAll(async () => {
    t = await openTestApp(backend)
    await seedInstitutions(t.db, [
      { id: 'inv-yubei', districtCode: YUBEI.code },
      { id: 'inv-beibei', districtCode: BEIBEI.code },
      { id: 'inv-revoked', districtCode: YUBEI.code, filing: { number: 'REVOKED-1', filedOn: '2024-01-01', authority: '渝北区卫生健康委员会', status: 'revoked' } },
    ])
  })
  afterAll(() => t.close())

  const post = (who: TestSession, url: string, body?: unknown) => requestJson(t.app, 'POST', url, body, who.headers)
  const get = (who: TestSession, url: string) => requestJson(t.app, 'GET', url, undefined, who.headers)

  it('walks npm run admin → regulator → institution admin → staff, then revokes, auditing each step', async () => {
    // The console prints a one-time code and a QR code.
    const printed = await runAdminCommand(t.db, ['invite-regulator', '--district', YUBEI.code, '--note', '王科长'])
    const code = /邀请码：([A-Z0-9-]+)/.exec(printed)?.[1]
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
    expect(printed).toContain('72 小时')
    expect(printed.split('\n').filter((line) => /^[█▀▄ ]+$/.test(line)).length).toBeGreaterThan(10)

    const regulator = await signInParent(t.app, '王科长')
    await acceptInvitation(t.app, regulator, code!)
    expect(MyRolesSchema.parse((await get(regulator, '/api/v1/me/roles')).body)).toEqual({
      regulator: { districtCode: YUBEI.code, districtName: '渝北区' },
      institution: null,
    })
    // Single use: a second person with the same code gets nothing.
    const latecomer = await signInParent(t.app)
    expect((await post(latecomer, '/api/v1/invitations/accept', { code })).status).toBe(404)

    const adminInvite = await post(regulator, '/api/v1/staff/invitations', { role: 'institution_admin', institutionId: 'inv-yubei', note: '李园长' })
    expect(adminInvite.status).toBe(201)
    const adminInvitation = NewInvitationSchema.parse(adminInvite.body)
    expect(adminInvitation).toMatchObject({ role: 'institution_admin', institutionId: 'inv-yubei', status: 'pending' })
    expect(adminInvitation.qrText).toContain(adminInvitation.code.replace(/-/g, ''))
    const admin = await signInParent(t.app, '李园长')
    // Typed in lower case with spaces: still the code.
    await acceptInvitation(t.app, admin, adminInvitation.code.toLowerCase().replace(/-/g, ' '))

    const staffInvite = await post(admin, '/api/v1/staff/invitations', { role: 'institution_staff' })
    expect(staffInvite.status).toBe(201)
    const staff = await signInParent(t.app, '张老师')
    await acceptInvitation(t.app, staff, (staffInvite.body as { code: string }).code)
    expect((await get(staff, '/api/v1/staff/bookings')).status).toBe(200)

    const members = (await get(admin, '/api/v1/staff/members')).body as { items: unknown[] }
    const staffMember = members.items.map((m) => MembershipSchema.parse(m)).find((m) => m.userId === staff.userId)
    expect(staffMember).toMatchObject({ role: 'institution_staff', institutionId: 'inv-yubei' })
    expect((await post(admin, `/api/v1/staff/members/${staffMember!.id}/revoke`)).status).toBe(200)
    // Refused at once, on the very next request.
    expect((await get(staff, '/api/v1/staff/bookings')).status).toBe(403)
    expect((await get(staff, '/api/v1/me/roles')).body).toEqual({ regulator: null, institution: null })

    const trail = await auditEntriesFor(t.db, 'membership', staffMember!.id)
    expect(trail.map((e) => e.action)).toEqual(['membership.grant', 'membership.revoke'])
    expect(trail[1].actor_user_id).toBe(admin.userId)
    const created = await t.db.query<{ action: string; actor_user_id: string }>(`select action, actor_user_id from audit_log where action = 'invitation.create' order by id`)
    expect(created.rows[0]).toEqual({ action: 'invitation.create', actor_user_id: 'cli:npm run admin' })
  })

  it('keeps each inviter to their own scope and role', async () => {
    const regulator = await signInRegulator(t, YUBEI.code)
    // Another district's institution reads as absent; a withdrawn filing cannot get an admin.
    expect((await post(regulator, '/api/v1/staff/invitations', { role: 'institution_admin', institutionId: 'inv-beibei' })).status).toBe(404)
    expect((await post(regulator, '/api/v1/staff/invitations', { role: 'institution_admin', institutionId: 'inv-revoked' })).status).toBe(409)
    expect((await post(regulator, '/api/v1/staff/invitations', { role: 'institution_admin' })).status).toBe(400)
    // A regulator does not invite staff; a parent invites no one.
    expect((await post(regulator, '/api/v1/staff/invitations', { role: 'institution_staff' })).status).toBe(403)
    const parent = await signInParent(t.app)
    for (const role of ['regulator', 'institution_admin', 'institution_staff']) {
      expect((await post(parent, '/api/v1/staff/invitations', { role, institutionId: 'inv-yubei' })).status).toBe(403)
    }
    expect((await post(parent, '/api/v1/staff/invitations', { role: 'owner' })).status).toBe(400)
  })

  it('refuses expired, cancelled and malformed codes with clear messages', async () => {
    const old = await inviteFirstRegulator(t.db, YUBEI.code, null, new Date(Date.now() - 73 * 3600_000))
    const person = await signInParent(t.app)
    const expired = await post(person, '/api/v1/invitations/accept', { code: old.code })
    expect(expired.status).toBe(404)
    expect((expired.body as { error: { message: string } }).error.message).toContain('已过期')

    const regulator = await signInRegulator(t, BEIBEI.code)
    const made = NewInvitationSchema.parse((await post(regulator, '/api/v1/staff/invitations', { role: 'regulator' })).body)
    const cancelled = await post(regulator, `/api/v1/staff/invitations/${made.id}/cancel`)
    expect(InvitationSchema.parse(cancelled.body).status).toBe('cancelled')
    expect((await post(person, '/api/v1/invitations/accept', { code: made.code })).status).toBe(404)

    const bad = await post(person, '/api/v1/invitations/accept', { code: 'not-a-code' })
    expect(bad.status).toBe(400)
    expect((bad.body as { error: { fields: Record<string, string> } }).error.fields['body.code']).toContain('12')
    expect((await post(person, '/api/v1/invitations/accept', {})).status).toBe(400)
  })

  it('lets a person hold one district and one institution role at a time', async () => {
    const regulator = await signInRegulator(t, YUBEI.code)
    const again = await inviteFirstRegulator(t.db, BEIBEI.code, null)
    expect((await post(regulator, '/api/v1/invitations/accept', { code: again.code })).status).toBe(409)
  })

  it('does not let a regulator revoke themself or someone outside the district', async () => {
    const yubei = await signInRegulator(t, YUBEI.code)
    const beibei = await signInRegulator(t, BEIBEI.code)
    const members = ((await get(yubei, '/api/v1/staff/members')).body as { items: { id: string; userId: string }[] }).items
    const own = members.find((m) => m.userId === yubei.userId)!
    expect((await post(yubei, `/api/v1/staff/members/${own.id}/revoke`)).status).toBe(409)
    expect((await post(beibei, `/api/v1/staff/members/${own.id}/revoke`)).status).toBe(404)
  })
})

describe('accepting an invitation outside demo mode', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite', { config: { demoLogin: false } })
  })
  afterAll(() => t.close())

  it('needs a person signed in with WeChat', async () => {
    await seedInstitutions(t.db, [{ id: 'inv-wx' }])
    const invitation = await inviteFirstRegulator(t.db, YUBEI.code, null)
    const signedIn = await requestJson(t.app, 'POST', '/api/v1/auth/wechat', { code: 'code-of-wang' })
    expect(signedIn.status).toBe(200)
    const { token } = signedIn.body as { token: string }
    const accepted = await requestJson(t.app, 'POST', '/api/v1/invitations/accept', { code: invitation.code }, { authorization: `Bearer ${token}` })
    expect(accepted.status).toBe(200)
    const roles = await requestJson(t.app, 'GET', '/api/v1/me/roles', undefined, { authorization: `Bearer ${token}` })
    expect((roles.body as { regulator: { districtCode: string } }).regulator.districtCode).toBe(YUBEI.code)
  })
})
