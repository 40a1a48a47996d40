import { ConfigError, loadConfig } from '../../server/config'

/** Production must bring its phone-number keys (DATA_ENCRYPTION_KEYS, "id:base64" of 32 bytes). */
const PRODUCTION_KEYS = { DATA_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}` }

describe('loadConfig: sign-in, WeChat and notification settings', () => {
  it('has defaults that make the demo work without WeChat', () => {
    const config = loadConfig({}, '/srv')
    expect(config).toMatchObject({
      demoLogin: true,
      sessionTtlDays: 30,
      notifyIntervalMs: 10_000,
      trustProxy: false,
      signInRateLimitPerMinute: 20,
      wechatTemplates: { visit_reminder: expect.any(String), booking_status: expect.any(String), enrollment_status: expect.any(String) },
    })
    expect(config.wechatApiBase).toBeUndefined()
    expect(config.wechatAppSecret).toBeUndefined()
  })

  it('reads the WeChat app, templates, session lifetime, interval and proxy trust', () => {
    const config = loadConfig({
      WECHAT_APP_ID: 'wx123',
      WECHAT_APP_SECRET: 's3cret',
      WECHAT_TEMPLATE_VISIT_REMINDER: 'tpl-visit',
      SESSION_TTL_DAYS: '7',
      NOTIFY_INTERVAL_MS: '0',
      TRUST_PROXY: 'on',
    })
    expect(config).toMatchObject({ wechatAppId: 'wx123', wechatAppSecret: 's3cret', sessionTtlDays: 7, notifyIntervalMs: 0, trustProxy: true })
    expect(config.wechatTemplates.visit_reminder).toBe('tpl-visit')
  })

  it('requires the WeChat app id and secret in production unless WECHAT_API_BASE points elsewhere', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WECHAT_APP_SECRET/)
    expect(() => loadConfig({ NODE_ENV: 'production', WECHAT_APP_ID: 'wx123' })).toThrow(ConfigError)
    expect(loadConfig({ NODE_ENV: 'production', WECHAT_APP_ID: 'wx123', WECHAT_APP_SECRET: 's', ...PRODUCTION_KEYS }).demoLogin).toBe(false)
    expect(() => loadConfig({ NODE_ENV: 'production', WECHAT_API_BASE: 'http://127.0.0.1:9999', ...PRODUCTION_KEYS })).not.toThrow()
  })

  it('refuses to start in production without the keys that encrypt phone numbers, naming the variable', () => {
    const wechat = { WECHAT_APP_ID: 'wx123', WECHAT_APP_SECRET: 's' }
    for (const nodeEnv of ['production', 'staging', 'prod']) {
      expect(() => loadConfig({ NODE_ENV: nodeEnv, ...wechat })).toThrow(ConfigError)
      expect(() => loadConfig({ NODE_ENV: nodeEnv, ...wechat })).toThrow(/DATA_ENCRYPTION_KEYS/)
      expect(loadConfig({ NODE_ENV: nodeEnv, ...wechat, ...PRODUCTION_KEYS }).encryptionKeys?.map((k) => k.id)).toEqual(['k1'])
    }
    // A developer's machine needs none: main.ts makes a key file in the data folder.
    expect(loadConfig({ NODE_ENV: 'development' }).encryptionKeys).toBeUndefined()
    expect(loadConfig({ NODE_ENV: 'test' }).encryptionKeys).toBeUndefined()
  })

  it('names bad values', () => {
    expect(() => loadConfig({ SESSION_TTL_DAYS: '0' })).toThrow(/SESSION_TTL_DAYS/)
    expect(() => loadConfig({ TRUST_PROXY: 'maybe' })).toThrow(/TRUST_PROXY/)
  })
})
