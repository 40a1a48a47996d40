import { ConfigError, loadConfig } from '@server/config'

/*
 * Issue 9: demo mode (demo sign-in, 演示账号, the fake WeChat server) fails closed.
 * Only exactly NODE_ENV=development or test is a developer's machine.
 */

const PRODUCTION_LIKE = ['production', 'Production', 'PRODUCTION', 'prod', 'staging', 'live', 'productoin', ' production', 'dev', 'Development', 'TEST']
const REAL_WECHAT = { WECHAT_APP_ID: 'wx0123456789abcdef', WECHAT_APP_SECRET: 'a-real-looking-secret' }
/** Production also needs its phone-number keys (server/config.ts); they play no part in demo mode. */
const PRODUCTION_KEYS = { DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` }

describe('demo mode and the fake WeChat server fail closed', () => {
  it.each(PRODUCTION_LIKE)('keeps demo mode off with NODE_ENV=%j, and refuses to start when it is asked for', (nodeEnv) => {
    const config = loadConfig({ NODE_ENV: nodeEnv, ...REAL_WECHAT, ...PRODUCTION_KEYS })
    expect({ demoLogin: config.demoLogin, fakeWechat: config.fakeWechat }).toEqual({ demoLogin: false, fakeWechat: false })
    for (const on of ['1', 'true', 'on', 'yes']) {
      expect(() => loadConfig({ NODE_ENV: nodeEnv, DEMO_LOGIN: on, ...REAL_WECHAT })).toThrow(ConfigError)
      expect(() => loadConfig({ NODE_ENV: nodeEnv, DEMO_LOGIN: on, WECHAT_API_BASE: 'http://127.0.0.1:9' })).toThrow(/DEMO_LOGIN/)
    }
  })

  it('refuses to start in demo mode with real WeChat credentials, even in development', () => {
    for (const nodeEnv of ['development', 'test', undefined]) {
      expect(() => loadConfig({ NODE_ENV: nodeEnv, DEMO_LOGIN: '1', ...REAL_WECHAT })).toThrow(/WECHAT_APP_ID/)
      expect(() => loadConfig({ NODE_ENV: nodeEnv, DEMO_LOGIN: '1', WECHAT_APP_SECRET: 'x' })).toThrow(ConfigError)
      // Credentials without asking for demo mode: it stays off, and so does the fake WeChat server.
      expect(loadConfig({ NODE_ENV: nodeEnv, ...REAL_WECHAT, ...PRODUCTION_KEYS })).toMatchObject({ demoLogin: false, fakeWechat: false })
    }
  })

  it('is on in the embedded demo setup and when asked for on a developer machine', () => {
    expect(loadConfig({})).toMatchObject({ demoLogin: true, fakeWechat: true })
    expect(loadConfig({ NODE_ENV: 'test', DEMO_LOGIN: '1' })).toMatchObject({ demoLogin: true, fakeWechat: true })
    expect(loadConfig({ NODE_ENV: 'development', DEMO_LOGIN: '1', WECHAT_API_BASE: 'http://127.0.0.1:9' })).toMatchObject({ demoLogin: true, fakeWechat: false })
  })

  it('is off with a real database unless asked for, and off when told so', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/anxin' }).demoLogin).toBe(false)
    expect(loadConfig({ DATABASE_URL: 'postgres://db/anxin', DEMO_LOGIN: '1' }).demoLogin).toBe(true)
    expect(loadConfig({ DEMO_LOGIN: '0' })).toMatchObject({ demoLogin: false, fakeWechat: false })
  })
})
