import { ConfigError, loadConfig } from '@server/config'

describe('loadConfig: complaint photo storage', () => {
  it('keeps photos in a private folder under DATA_DIR for one year by default', () => {
    const config = loadConfig({ DATA_DIR: './var' }, '/srv')
    expect(config).toMatchObject({ uploadDir: '/srv/var/uploads', attachmentRetentionDays: 365, attachmentPurgeIntervalMs: 3_600_000 })
    expect(config.s3).toBeUndefined()
    expect(config.attachmentUrlSecret).toBeUndefined()
  })

  it('reads an S3-compatible bucket, the URL secret and the retention period', () => {
    const config = loadConfig(
      {
        UPLOAD_DIR: '/photos',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_BUCKET: 'complaints',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        ATTACHMENT_URL_SECRET: 'x'.repeat(32),
        ATTACHMENT_RETENTION_DAYS: '180',
      },
      '/srv',
    )
    expect(config).toMatchObject({
      uploadDir: '/photos',
      s3: { endpoint: 'http://127.0.0.1:9000', bucket: 'complaints', region: 'us-east-1', accessKeyId: 'key', secretAccessKey: 'secret' },
      attachmentUrlSecret: 'x'.repeat(32),
      attachmentRetentionDays: 180,
    })
  })

  it('refuses half an S3 setting, a short URL secret and a retention of zero days', () => {
    expect(() => loadConfig({ S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'complaints' })).toThrow(ConfigError)
    expect(() => loadConfig({ ATTACHMENT_URL_SECRET: 'short' })).toThrow(/ATTACHMENT_URL_SECRET/)
    expect(() => loadConfig({ ATTACHMENT_RETENTION_DAYS: '0' })).toThrow(/ATTACHMENT_RETENTION_DAYS/)
  })
})
