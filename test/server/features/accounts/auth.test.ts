import { SessionSchema } from '@domain/account'
import { buildApp } from '@server/app'
import { upsertDistricts, upsertInstitutions } from '@server/features/find/institutionWriter'
import { institutionRecord, TEST_DISTRICTS } from '@test/fixtures/institutions'
import { openTestApp, TestApp } from '@test/support/app'
import { TEST_BACKENDS } from '@test/support/database'
import { signInParent } from '@test/support/session'
import { signInStaff } from '@test/support/staffAccounts'
import { testConfig } from '@test/support/testConfig'

describe.each(TEST_BACKENDS)('sign-in on %s', (backend) => {
  let t: TestApp

  beforeAll(async () => {
    t = await openTestApp(backend)
    await upsertDistricts(t.db, TEST_DISTRICTS)
    await upsertInstitutions(t.db, [institutionRecord({ id: 'auth-inst' })])
  })
  afterAll(async () => t.close())
  beforeEach(() => t.wechat.reset())

  const wechatSignIn = (code: unknown) => t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code } })
  const me = (authorization?: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: authorization ? { authorization } : {} })

  describe('POST /auth/wechat', () => {
    it('exchanges a wx.login code for our own session token', async () => {
      const response = await wechatSignIn(t.wechat.login('alice'))
      expect(response.statusCode).toBe(200)
      const session = SessionSchema.parse(response.json())
      expect(session.token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
      expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(29 * 24 * 3600_000)
      const account = await me(`Bearer ${session.token}`)
      expect(account.statusCode).toBe(200)
      expect(account.json().user).toMatchObject({ id: session.user.id, wechat: true })
    })

    it('signs the same WeChat user in as the same user every time', async () => {
      const first = (await wechatSignIn(t.wechat.login('bob'))).json()
      const second = (await wechatSignIn(t.wechat.login('bob'))).json()
      const other = (await wechatSignIn(t.wechat.login('carol'))).json()
      expect(second.user.id).toBe(first.user.id)
      expect(second.token).not.toBe(first.token)
      expect(other.user.id).not.toBe(first.user.id)
    })

    it('keeps the session_key on the server: stored, but in no response', async () => {
      const response = await wechatSignIn(t.wechat.login('dave'))
      const { token, user } = response.json()
      const stored = await t.db.query<{ wechat_session_key: string }>(`select wechat_session_key from users where id = $1`, [user.id])
      const sessionKey = stored.rows[0].wechat_session_key
      expect(sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/)
      const answers = [response.body, (await me(`Bearer ${token}`)).body, (await t.app.inject({ method: 'GET', url: '/api/v1/me/children', headers: { authorization: `Bearer ${token}` } })).body]
      for (const body of answers) {
        expect(body).not.toContain(sessionKey)
        expect(body).not.toMatch(/session_?key/i)
      }
    })

    it('answers 401 for an invalid, reused or expired code', async () => {
      expect((await wechatSignIn('invalid-123')).json()).toEqual({ error: { code: 'UNAUTHORIZED', message: expect.stringContaining('重新登录') } })
      const code = t.wechat.login('erin')
      expect((await wechatSignIn(code)).statusCode).toBe(200)
      expect((await wechatSignIn(code)).statusCode).toBe(401)
      const late = t.wechat.login('erin')
      t.wechat.advance(5 * 60 * 1000 + 1000)
      expect((await wechatSignIn(late)).statusCode).toBe(401)
    })

    it('answers 429 RATE_LIMITED when WeChat rate-limits code2Session (45011)', async () => {
      t.wechat.rateLimit(true)
      const response = await wechatSignIn(t.wechat.login('frank'))
      expect(response.statusCode).toBe(429)
      expect(response.json().error.code).toBe('RATE_LIMITED')
    })

    it('refuses a user WeChat flags as high-risk (40226) with 403', async () => {
      expect((await wechatSignIn('risky-grace')).json().error.code).toBe('FORBIDDEN')
    })

    it('answers 400 VALIDATION for a missing or oversized code, creating no user', async () => {
      const before = await t.db.query<{ n: number }>(`select count(*)::int as n from users`)
      for (const payload of [{}, { code: '' }, { code: 'x'.repeat(129) }, { code: 42 }]) {
        const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload })
        expect(response.statusCode).toBe(400)
        expect(response.json().error).toMatchObject({ code: 'VALIDATION', message: expect.any(String), fields: expect.any(Object) })
      }
      const after = await t.db.query<{ n: number }>(`select count(*)::int as n from users`)
      expect(after.rows[0].n).toBe(before.rows[0].n)
    })
  })

  describe('POST /auth/demo', () => {
    it('signs a new parent in with a nickname', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { nickname: '小明妈妈' } })
      expect(response.statusCode).toBe(200)
      expect(SessionSchema.parse(response.json()).user).toMatchObject({ nickname: '小明妈妈', staffInstitutionId: null })
    })

    it('signs staff in as a member of an existing institution', async () => {
      const staff = await signInStaff(t, 'auth-inst')
      expect((await me(staff.headers.authorization)).json().user.staffInstitutionId).toBe('auth-inst')
    })

    it('answers 404 for an institution that does not exist', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { staffInstitutionId: 'no-such-inst' } })
      expect(response.statusCode).toBe(404)
      expect(response.json().error.code).toBe('NOT_FOUND')
    })

    it('answers 400 for a nickname that is too long', async () => {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: { nickname: '很'.repeat(21) } })
      expect(response.statusCode).toBe(400)
      expect(response.json().error.fields['body.nickname']).toContain('20')
    })
  })

  describe('sessions', () => {
    it('answers 401 without a token, with a malformed one, or an unknown one', async () => {
      for (const authorization of [undefined, 'Bearer short', 'Basic abc', `Bearer ${'A'.repeat(43)}`]) {
        const response = await me(authorization)
        expect(response.statusCode).toBe(401)
        expect(response.json().error.code).toBe('UNAUTHORIZED')
      }
    })

    it('signs out: the token stops working at once', async () => {
      const parent = await signInParent(t.app)
      const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/signout', headers: parent.headers })
      expect(out.statusCode).toBe(204)
      expect((await me(parent.headers.authorization)).statusCode).toBe(401)
      expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/signout', headers: parent.headers })).statusCode).toBe(401)
    })

    it('stops accepting a token once it expires', async () => {
      const parent = await signInParent(t.app)
      expect((await me(parent.headers.authorization)).statusCode).toBe(200)
      await t.db.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [parent.userId])
      expect((await me(parent.headers.authorization)).statusCode).toBe(401)
    })
  })
})

describe('sign-in switches', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite', { config: { demoLogin: false, signInRateLimitPerMinute: 3 } })
  })
  afterAll(async () => t.close())

  it('answers 404 NOT_FOUND for demo sign-in when it is off', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: {} })
    expect(response.statusCode).toBe(404)
    expect(response.json().error.code).toBe('NOT_FOUND')
  })

  it('limits sign-in attempts per client address with 429 RATE_LIMITED', async () => {
    const attempt = (ip: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', remoteAddress: ip, payload: { code: t.wechat.login('henry') } })
    for (let i = 0; i < 3; i++) expect((await attempt('10.0.0.1')).statusCode).toBe(200)
    const limited = await attempt('10.0.0.1')
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: expect.stringMatching(/操作太频繁/) } })
    expect(limited.headers['retry-after']).toBeDefined()
    // Another client is not held back.
    expect((await attempt('10.0.0.2')).statusCode).toBe(200)
  })

  it('does not let a client pick its address with X-Forwarded-For unless TRUST_PROXY is on', async () => {
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/wechat',
      remoteAddress: '10.0.0.1',
      headers: { 'x-forwarded-for': '192.0.2.99' },
      payload: { code: t.wechat.login('henry') },
    })
    expect(forged.statusCode).toBe(429)
  })
})

describe('the OpenAPI document', () => {
  it('describes the sign-in, account and children routes', async () => {
    const t = await openTestApp('pglite')
    try {
      const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json()
      for (const path of ['/api/v1/auth/wechat', '/api/v1/auth/demo', '/api/v1/auth/signout', '/api/v1/me', '/api/v1/me/consents', '/api/v1/me/subscriptions', '/api/v1/me/children', '/api/v1/me/children/{id}']) {
        expect(doc.paths).toHaveProperty([path])
      }
      expect(JSON.stringify(doc.paths['/api/v1/auth/wechat'])).not.toMatch(/session_?key/i)
    } finally {
      await t.close()
    }
  })
})

describe('session lifetime', () => {
  it('follows SESSION_TTL_DAYS', async () => {
    const t = await openTestApp('pglite', { config: { sessionTtlDays: 1 } })
    try {
      const { expiresAt } = (await t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: {} })).json()
      const ttl = Date.parse(expiresAt) - Date.now()
      expect(ttl).toBeGreaterThan(23 * 3600_000)
      expect(ttl).toBeLessThanOrEqual(24 * 3600_000)
    } finally {
      await t.close()
    }
  })

  it('builds with a config that names none of the sign-in settings (demo sign-in off)', async () => {
    const t = await openTestApp('pglite')
    const app = await buildApp({ config: testConfig({ h5Dist: t.h5Dist }), db: t.db })
    try {
      expect((await app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: {} })).statusCode).toBe(404)
    } finally {
      await app.close()
      await t.close()
    }
  })
})
