import http from 'node:http'
import { AddressInfo } from 'node:net'
import { openTestApp, TestApp } from '@test/support/app'
import { signInParent } from '@test/support/session'

/*
 * HTTP hardening (issue 11): security headers with a CSP the H5 app runs under,
 * no-store on personal answers, the API's error shape where Node or Fastify refuse a
 * request early, one sign-in allowance per client, and an unreachable WeChat as 503.
 */

describe('HTTP hardening', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await openTestApp('pglite', { config: { signInRateLimitPerMinute: 4 } })
  })
  afterAll(() => t.close())

  it('sends the app helmet\'s set, with a CSP that allows the inline sizing script by hash only', async () => {
    const helmetSet = {
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
      'origin-agent-cluster': '?1',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-dns-prefetch-control': 'off',
      'x-download-options': 'noopen',
      'x-frame-options': 'SAMEORIGIN',
      'x-permitted-cross-domain-policies': 'none',
      'x-xss-protection': '0',
    }
    for (const url of ['/', '/healthz']) {
      const response = await t.app.inject({ url })
      expect(response.headers).toMatchObject(helmetSet)
      const csp = String(response.headers['content-security-policy'])
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/)
      expect(csp).not.toContain("'unsafe-eval'")
      expect(response.headers['cache-control']).not.toBe('no-store')
    }
  })

  it('sends every API answer (a search, an error, a 404) the JSON set: nothing may run or frame it, nothing may store it', async () => {
    const apiSet = {
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cache-control': 'no-store',
    }
    for (const url of ['/api/v1/institutions?lat=29.6&lng=106.5', '/api/v1/institutions?lat=x', '/api/v1/no-such-route', '/api/v1/districts']) {
      const response = await t.app.inject({ url })
      expect(response.headers).toMatchObject(apiSet)
      // helmet's document-only headers are not sent where no document is.
      expect(response.headers['origin-agent-cluster']).toBeUndefined()
      expect(response.headers['x-download-options']).toBeUndefined()
    }
  })

  it('marks personal answers no-store', async () => {
    const parent = await signInParent(t.app)
    for (const url of ['/api/v1/me', '/api/v1/me/children', '/api/v1/me/bookings']) {
      const response = await t.app.inject({ url, headers: parent.headers })
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toBe('no-store')
    }
  })

  it('answers oversized headers with 431 in the API error shape', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as AddressInfo
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request({ port, host: '127.0.0.1', path: '/api/v1/districts', headers: { 'x-big': 'x'.repeat(64 * 1024) } }, (response) => {
        let body = ''
        response.on('data', (chunk: Buffer) => (body += chunk.toString()))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      })
      request.on('error', reject)
      request.end()
    })
    expect(answer.status).toBe(431)
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'VALIDATION', message: '请求头太大' } })
  })

  it('answers a malformed URL with 400 in the API error shape', async () => {
    const response = await t.app.inject({ url: '/api/v1/institutions/%E4%B' })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toEqual({ error: { code: 'VALIDATION', message: '网址中有无法识别的字符' } })
  })

  it('counts demo and WeChat sign-in against one allowance per client', async () => {
    const from = { remoteAddress: '10.9.9.9' }
    const demo = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/demo', payload: {}, ...from })
    const wechat = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: t.wechat.login('ivy') }, ...from })
    expect((await demo()).statusCode).toBe(200)
    expect((await wechat()).statusCode).toBe(200)
    expect((await demo()).statusCode).toBe(200)
    expect((await wechat()).statusCode).toBe(200)
    expect((await demo()).statusCode).toBe(429)
    expect((await wechat()).statusCode).toBe(429)
  })
})

describe('WeChat unreachable', () => {
  let t: TestApp
  beforeAll(async () => {
    // Nothing listens on the discard port.
    t = await openTestApp('pglite', { config: { wechatApiBase: 'http://127.0.0.1:9' } })
  })
  afterAll(() => t.close())

  it('answers WeChat sign-in with 503 UNAVAILABLE and a message, not 500', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/wechat', payload: { code: 'any-code' } })
    expect(response.statusCode).toBe(503)
    expect(response.json()).toEqual({ error: { code: 'UNAVAILABLE', message: '微信登录暂时不可用，请稍后再试' } })
  })
})
