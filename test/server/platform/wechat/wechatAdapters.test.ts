import http from 'node:http'
import { AddressInfo } from 'node:net'
import { FakeWechat, startFakeWechat } from '@server/platform/wechat/fake/fakeWechatServer'
import { WechatError, WechatUnavailableError } from '@server/platform/wechat/wechatApi'
import { createWechatClient, WechatClient } from '@server/platform/wechat/wechatClient'

describe('the WeChat adapters against the fake WeChat server', () => {
  let fake: FakeWechat
  let wechat: WechatClient

  beforeAll(async () => {
    fake = await startFakeWechat({ appId: 'wx-test', appSecret: 'test-secret', riskyWords: ['坏话'] })
  })
  afterAll(async () => fake.close())
  beforeEach(() => {
    fake.reset()
    wechat = createWechatClient({ apiBase: fake.url, appId: 'wx-test', appSecret: 'test-secret' })
  })

  const errcodeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: WechatError) => error.errcode,
    )

  describe('code2Session', () => {
    it('gives the same openid for every code of one user, and a fresh session_key', async () => {
      const first = await wechat.code2Session(fake.login('alice'))
      const second = await wechat.code2Session(fake.login('alice'))
      expect(first.openid).toBe(fake.openidOf('alice'))
      expect(second.openid).toBe(first.openid)
      expect(second.sessionKey).not.toBe(first.sessionKey)
      expect((await wechat.code2Session('bob.1')).openid).toBe(fake.openidOf('bob'))
    })

    it('answers 40029 for an invalid, reused or expired code', async () => {
      expect(await errcodeOf(wechat.code2Session('invalid-abc'))).toBe(40029)
      const code = fake.login('carol')
      await wechat.code2Session(code)
      expect(await errcodeOf(wechat.code2Session(code))).toBe(40029)
      const late = fake.login('carol')
      fake.advance(5 * 60 * 1000 + 1)
      expect(await errcodeOf(wechat.code2Session(late))).toBe(40029)
    })

    it('answers 45011 (transient) when rate limited, and 40226 for a risky user', async () => {
      const limited = await wechat.code2Session('ratelimit-x').catch((error: WechatError) => error)
      expect(limited).toBeInstanceOf(WechatError)
      expect((limited as WechatError).errcode).toBe(45011)
      expect((limited as WechatError).transient).toBe(true)
      fake.rateLimit(true)
      expect(await errcodeOf(wechat.code2Session(fake.login('dave')))).toBe(45011)
      fake.rateLimit(false)
      expect(await errcodeOf(wechat.code2Session('risky-erin'))).toBe(40226)
    })

    it('checks the app’s credentials when configured with them', async () => {
      const wrongSecret = createWechatClient({ apiBase: fake.url, appId: 'wx-test', appSecret: 'nope' })
      expect(await errcodeOf(wrongSecret.code2Session(fake.login('frank')))).toBe(40125)
      const wrongApp = createWechatClient({ apiBase: fake.url, appId: 'wx-other', appSecret: 'test-secret' })
      expect(await errcodeOf(wrongApp.code2Session(fake.login('frank')))).toBe(40013)
    })
  })

  describe('subscribe messages and the access token', () => {
    it('sends messages with one cached access token', async () => {
      const { openid } = await wechat.code2Session(fake.login('grace'))
      await wechat.sendSubscribeMessage({ openid, templateId: 'tpl-1', page: 'pages/me/index', data: { thing1: '你好' } })
      await wechat.sendSubscribeMessage({ openid, templateId: 'tpl-1', data: { thing1: '再见' } })
      expect(fake.accessTokensIssued()).toBe(1)
      expect(fake.sent().map((m) => [m.touser, m.template_id, m.data.thing1.value])).toEqual([
        [openid, 'tpl-1', '你好'],
        [openid, 'tpl-1', '再见'],
      ])
    })

    it('gets a new access token once when WeChat says it expired (42001) or is invalid (40001)', async () => {
      const { openid } = await wechat.code2Session(fake.login('heidi'))
      await wechat.sendSubscribeMessage({ openid, templateId: 'tpl', data: {} })
      fake.expireAccessTokens()
      await wechat.sendSubscribeMessage({ openid, templateId: 'tpl', data: {} })
      expect(fake.accessTokensIssued()).toBe(2)
      fake.reset() // forgets every token: the cached one is now unknown (40001)
      const again = await wechat.code2Session(fake.login('heidi'))
      await wechat.sendSubscribeMessage({ openid: again.openid, templateId: 'tpl', data: {} })
      expect(fake.accessTokensIssued()).toBe(1)
      expect(fake.sent()).toHaveLength(1)
    })

    it('answers 43101 when the user has no acceptance left, and 40003 for an unknown openid', async () => {
      const { openid } = await wechat.code2Session(fake.login('ivan'))
      fake.refuseSubscriptions(openid)
      expect(await errcodeOf(wechat.sendSubscribeMessage({ openid, templateId: 'tpl', data: {} }))).toBe(43101)
      expect(await errcodeOf(wechat.sendSubscribeMessage({ openid: 'o-nobody', templateId: 'tpl', data: {} }))).toBe(40003)
      expect(fake.sent()).toEqual([])
    })
  })

  describe('msgSecCheck', () => {
    it('passes ordinary text and flags text with a configured word as risky', async () => {
      const { openid } = await wechat.code2Session(fake.login('judy'))
      expect(await wechat.msgSecCheck({ openid, content: '老师很耐心', scene: 2 })).toMatchObject({ suggest: 'pass', label: 100 })
      expect(await wechat.msgSecCheck({ openid, content: '这是一句坏话', scene: 2 })).toMatchObject({ suggest: 'risky' })
    })

    it('refuses text over 2,500 characters before calling WeChat', async () => {
      await expect(wechat.msgSecCheck({ openid: 'o', content: '字'.repeat(2501), scene: 2 })).rejects.toThrow(RangeError)
    })
  })

  describe('the fake’s inspection endpoints', () => {
    it('issues login codes and lists sent messages over HTTP', async () => {
      const { code } = (await (await fetch(`${fake.url}/__login?user=kate`, { method: 'POST' })).json()) as { code: string }
      const { openid } = await wechat.code2Session(code)
      expect(openid).toBe(fake.openidOf('kate'))
      await wechat.sendSubscribeMessage({ openid, templateId: 'tpl', data: { thing1: '内容' } })
      const { items } = (await (await fetch(`${fake.url}/__sent`)).json()) as { items: { touser: string }[] }
      expect(items.map((m) => m.touser)).toEqual([openid])
    })
  })
})

describe('the WeChat adapters when WeChat misbehaves', () => {
  let server: http.Server
  let base: string
  let answer: (response: http.ServerResponse) => void

  beforeAll(async () => {
    server = http.createServer((_request, response) => answer(response))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  })

  it('gives up after its timeout when WeChat does not answer', async () => {
    answer = () => undefined
    const wechat = createWechatClient({ apiBase: base, timeoutMs: 200 })
    const started = Date.now()
    await expect(wechat.code2Session('any')).rejects.toBeInstanceOf(WechatUnavailableError)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('treats an answer that is not WeChat’s JSON as unavailable (transient)', async () => {
    answer = (response) => response.writeHead(502).end('<html>Bad Gateway</html>')
    const error = await createWechatClient({ apiBase: base }).code2Session('any').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WechatUnavailableError)
    expect((error as WechatUnavailableError).transient).toBe(true)
  })
})
