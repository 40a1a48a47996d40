import { PRIVACY_GUIDE_VERSION } from '@domain/account'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { signInParent, TestSession } from '@test/support/session'

describe.each(TEST_BACKENDS)('/api/v1/me on %s', (backend) => {
  let t: TestApp
  let parent: TestSession

  beforeAll(async () => {
    t = await openTestApp(backend)
    parent = await signInParent(t.app, '爸爸')
  })
  afterAll(async () => t.close())

  const me = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: parent.headers })).json()
  const consent = (payload: object, session = parent) => t.app.inject({ method: 'POST', url: '/api/v1/me/consents', headers: session.headers, payload })
  const subscribe = (payload: object, session = parent) => t.app.inject({ method: 'POST', url: '/api/v1/me/subscriptions', headers: session.headers, payload })

  it('shows the signed-in user with no consents or subscriptions yet', async () => {
    expect(await me()).toEqual({
      user: { id: parent.userId, nickname: '爸爸', staffInstitutionId: null, regulatorDistrictCode: null, wechat: false },
      consents: [],
      subscriptions: [],
    })
  })

  describe('POST /me/consents', () => {
    it('records the privacy guide consent with its version and time', async () => {
      const response = await consent({ kind: 'privacy_guide', version: PRIVACY_GUIDE_VERSION })
      expect(response.statusCode).toBe(201)
      expect(response.json().consents).toEqual([{ kind: 'privacy_guide', version: PRIVACY_GUIDE_VERSION, givenAt: expect.stringMatching(/\+08:00$/) }])
    })

    it('keeps the first time when the same version is agreed to again, and adds a new version', async () => {
      const first = (await me()).consents[0]
      await consent({ kind: 'privacy_guide', version: PRIVACY_GUIDE_VERSION })
      await consent({ kind: 'privacy_guide', version: '2099-01-01' })
      const consents = (await me()).consents
      expect(consents).toHaveLength(2)
      expect(consents[0]).toEqual(first)
      expect(consents[1].version).toBe('2099-01-01')
    })

    it.each([
      [{ kind: 'marketing', version: '1' }, 'body.kind', '同意事项不正确'],
      [{ kind: 'privacy_guide' }, 'body.version', undefined],
      [{ kind: 'privacy_guide', version: ' ' }, 'body.version', '缺少版本号'],
      [{ kind: 'privacy_guide', version: 'v'.repeat(41) }, 'body.version', '版本号太长'],
    ])('answers 400 for %j and records nothing', async (payload, field, message) => {
      const before = (await me()).consents
      const response = await consent(payload)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION')
      expect(response.json().error.fields[field]).toEqual(message === undefined ? expect.any(String) : expect.stringContaining(message))
      expect((await me()).consents).toEqual(before)
    })

    it('needs sign-in', async () => {
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/me/consents', payload: { kind: 'privacy_guide', version: '1' } })).statusCode).toBe(401)
    })
  })

  describe('POST /me/subscriptions', () => {
    it('counts one more message per accepted template kind', async () => {
      const response = await subscribe({ kinds: ['visit_reminder', 'booking_status'] })
      expect(response.statusCode).toBe(200)
      expect(response.json().subscriptions).toEqual([
        { kind: 'booking_status', remaining: 1 },
        { kind: 'visit_reminder', remaining: 1 },
      ])
      await subscribe({ kinds: ['visit_reminder', 'visit_reminder'] })
      expect((await me()).subscriptions).toEqual([
        { kind: 'booking_status', remaining: 1 },
        { kind: 'visit_reminder', remaining: 2 },
      ])
    })

    it.each([[{ kinds: [] }], [{ kinds: ['visit_reminder', 'spam'] }], [{ kinds: ['spam'] }], [{}]])('answers 400 for %j and counts nothing', async (payload) => {
      const before = (await me()).subscriptions
      const response = await subscribe(payload)
      expect(response.statusCode).toBe(400)
      expect(response.json().error.code).toBe('VALIDATION')
      expect((await me()).subscriptions).toEqual(before)
    })

    it('counts complaint progress notices too (投诉马上查)', async () => {
      const response = await subscribe({ kinds: ['complaint_status'] })
      expect(response.statusCode).toBe(200)
      expect(response.json().subscriptions).toContainEqual({ kind: 'complaint_status', remaining: 1 })
    })

    it('counts for the signed-in user only', async () => {
      const other = await signInParent(t.app)
      await subscribe({ kinds: ['enrollment_status'] }, other)
      expect((await me()).subscriptions.map((s: { kind: string }) => s.kind)).not.toContain('enrollment_status')
    })
  })
})
