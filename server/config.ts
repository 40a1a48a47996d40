import path from 'node:path'
import { z } from 'zod'
import { DEMO_TEMPLATES, WechatTemplates } from './features/notifications/templateIds'
import { S3Settings } from './platform/storage/s3Settings'
import { EncryptionKey, KeyRing, parseKeyList } from './platform/crypto/fieldCipher'

/*
 * All configuration, read from the environment once and validated at start. The
 * defaults make `npm start` work on a fresh machine: embedded database in ./data,
 * demo sign-in on, the H5 build served from ./dist-h5.
 */

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], { error: '只能是 1/0、true/false、on/off 或 yes/no' })
  .transform((v) => v === '1' || v === 'true' || v === 'on' || v === 'yes')

const ConfigEnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL 必须以 postgres:// 或 postgresql:// 开头' })
    .optional(),
  DEMO_LOGIN: flag.optional(),
  WECHAT_API_BASE: z.url({ error: 'WECHAT_API_BASE 必须是网址' }).optional(),
  WECHAT_APP_ID: z.string().trim().min(1).optional(),
  WECHAT_APP_SECRET: z.string().trim().min(1).optional(),
  WECHAT_TEMPLATE_VISIT_REMINDER: z.string().trim().min(1).default(DEMO_TEMPLATES.visit_reminder),
  WECHAT_TEMPLATE_BOOKING_STATUS: z.string().trim().min(1).default(DEMO_TEMPLATES.booking_status),
  WECHAT_TEMPLATE_ENROLLMENT_STATUS: z.string().trim().min(1).default(DEMO_TEMPLATES.enrollment_status),
  WECHAT_TEMPLATE_COMPLAINT_STATUS: z.string().trim().min(1).default(DEMO_TEMPLATES.complaint_status),
  WECHAT_TEMPLATE_VACANCY_ALERT: z.string().trim().min(1).default(DEMO_TEMPLATES.vacancy_alert),
  WECHAT_TEMPLATE_RECTIFICATION_STATUS: z.string().trim().min(1).default(DEMO_TEMPLATES.rectification_status),
  WECHAT_TEMPLATE_OPEN_DAY_ALERT: z.string().trim().min(1).default(DEMO_TEMPLATES.open_day_alert),
  WECHAT_TEMPLATE_VACANCY_STALE: z.string().trim().min(1).default(DEMO_TEMPLATES.vacancy_stale),
  ALERT_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).default(15_000),
  /** How often stale vacancies are looked for (staleVacancyReminders.ts); 0 = off. */
  STALE_VACANCY_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  NOTIFY_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
  TRUST_PROXY: flag.optional(),
  SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  COMPLAINT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  COMPLAINT_LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  H5_DIST: z.string().min(1).default('./dist-h5'),
  // A person starting the server reads a few lines, not a JSON line per request
  // (issue 12): warnings and errors by default, LOG_LEVEL=info for more.
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  /** LOG_REQUESTS=1: one log line per request and its answer (at info, whatever LOG_LEVEL says). */
  LOG_REQUESTS: flag.optional(),
  SEARCH_INDEX_REFRESH_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
  SEARCH_PAGE_CACHE_SIZE: z.coerce.number().int().min(0).max(100_000).default(500),
  UPLOAD_DIR: z.string().min(1).optional(),
  S3_ENDPOINT: z.url({ error: 'S3_ENDPOINT 必须是网址' }).optional(),
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  ATTACHMENT_URL_SECRET: z.string().min(32, { error: 'ATTACHMENT_URL_SECRET 至少 32 个字符' }).optional(),
  ATTACHMENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  ATTACHMENT_PURGE_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
  DATA_ENCRYPTION_KEYS: z.string().min(1).optional(),
  RETENTION_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(3_600_000),
})

export interface Config {
  nodeEnv: string
  /** Anything but NODE_ENV development/test counts as production (a typo never opens dev behaviour). */
  production: boolean
  port: number
  host: string
  /** Absolute path of the embedded database's folder (used only without databaseUrl). */
  dataDir: string
  databaseUrl?: string
  /** Demo mode: demo sign-in and the named 演示账号 (see demoModeFrom). */
  demoLogin: boolean
  /** Whether main.ts starts the fake WeChat server: only in demo mode without WECHAT_API_BASE. */
  fakeWechat: boolean
  /** Where the WeChat adapters call; unset means WeChat itself (main.ts starts the fake outside production). */
  wechatApiBase?: string
  wechatAppId?: string
  /** The AppSecret: only from the environment, never in the repo or a response. */
  wechatAppSecret?: string
  /** Subscribe-message template id per notification kind (from the 公众平台 console). */
  wechatTemplates: WechatTemplates
  /** How long a session token stays valid. */
  sessionTtlDays: number
  /** How often (ms) the notification sender and visit-reminder jobs run; 0 turns them off. */
  notifyIntervalMs: number
  /** How often the saved-search alert job looks for new vacancies and open days (≤ 60 s: the issue's one-minute bar); 0 = off. */
  alertIntervalMs: number
  staleVacancyIntervalMs: number
  /** Whether X-Forwarded-For is believed: only behind a proxy we run (rate limits go by client IP). */
  trustProxy: boolean
  /** Sign-in requests allowed per client IP and minute. */
  signInRateLimitPerMinute: number
  /** Complaints filed per client IP and minute. */
  complaintRateLimitPerMinute: number
  /** 马上查 lookups per client IP and minute (each tracking number has its own limit too). */
  complaintLookupRateLimitPerMinute: number
  /** Absolute path of the H5 build served at /. */
  h5Dist: string
  logLevel: z.infer<typeof ConfigEnvSchema>['LOG_LEVEL']
  /** Log every request (LOG_REQUESTS=1); off by default. */
  logRequests: boolean
  /**
   * How often (ms) each server checks whether the institution data changed and its
   * in-memory search index must be rebuilt (server/features/find/searchIndex/). 0 turns the background
   * index off: searches use SQL until something calls refresh().
   */
  searchIndexRefreshMs: number
  /**
   * Search pages each server keeps per index snapshot (server/features/find/searchIndex/pageCache.ts), so a
   * repeated search is answered without searching; 0 turns the cache off.
   */
  searchPageCacheSize: number
  /** Where complaint photos are kept (server/platform/storage/): a private local folder unless s3 is set. */
  uploadDir: string
  /** An S3-compatible bucket for complaint photos instead of uploadDir (S3_ENDPOINT and friends). */
  s3?: S3Settings
  /** HMAC key of the short-lived attachment URLs; the same on every server. Unset: random per process. */
  attachmentUrlSecret?: string
  /** Complaint photos are deleted this many days after upload. */
  attachmentRetentionDays: number
  /** How often (ms) the photo retention job runs; 0 turns it off. */
  attachmentPurgeIntervalMs: number
  /**
   * Keys encrypting phone numbers at rest (DATA_ENCRYPTION_KEYS "id:base64,…", the first
   * current). Required in production (loadConfig refuses to start without); unset
   * elsewhere, main.ts uses a key file in the data folder.
   */
  encryptionKeys?: EncryptionKey[]
  /** How often (ms) expired sessions, idempotency records and counters are purged; 0 turns it off. */
  retentionIntervalMs: number
}



export class ConfigError extends Error {}

const DEVELOPER_NODE_ENVS = ['development', 'test']

/**
 * Demo mode (demo sign-in, 演示账号, the fake WeChat server) fails closed
 * (docs/platform-notes.md "Production must fail closed"). DEMO_LOGIN=1 asks for it and is
 * refused at start in production or with real WeChat credentials. Unset, it is on only in
 * API.md's embedded demo setup: a developer NODE_ENV, no DATABASE_URL, no WeChat app.
 */
function demoModeFrom(e: z.infer<typeof ConfigEnvSchema>, production: boolean): boolean {
  const realWechat = e.WECHAT_APP_ID !== undefined || e.WECHAT_APP_SECRET !== undefined
  if (e.DEMO_LOGIN === true) {
    if (production) throw new ConfigError(`配置有误 / invalid configuration: NODE_ENV=${e.NODE_ENV} 时不能开启 DEMO_LOGIN（演示模式只用于 development 或 test）`)
    if (realWechat) throw new ConfigError('配置有误 / invalid configuration: 设置了 WECHAT_APP_ID/WECHAT_APP_SECRET 时不能开启 DEMO_LOGIN（演示模式会让任何人以演示账号登录）')
    return true
  }
  if (e.DEMO_LOGIN === false) return false
  return !production && !realWechat && e.DATABASE_URL === undefined
}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  // An empty variable (FOO= in a shell or .env) means "not set", not "set to nothing".
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = ConfigEnvSchema.safeParse(present)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')
    throw new ConfigError(`配置有误 / invalid configuration: ${problems}`)
  }
  const e = parsed.data
  // Only exactly "development" or "test" is a developer's machine: "Production", "prod",
  // "staging" or a typo are all treated as production, so a slip never opens demo mode.
  const production = !DEVELOPER_NODE_ENVS.includes(e.NODE_ENV)
  const demoLogin = demoModeFrom(e, production)
  // Real WeChat sign-in needs the app's id and secret; outside production the fake
  // WeChat server (server/platform/wechat/fake/) needs neither.
  if (production && e.WECHAT_API_BASE === undefined && (e.WECHAT_APP_ID === undefined || e.WECHAT_APP_SECRET === undefined)) {
    throw new ConfigError('配置有误 / invalid configuration: WECHAT_APP_ID 和 WECHAT_APP_SECRET 在生产环境必须设置')
  }
  const s3Given = [e.S3_ENDPOINT, e.S3_BUCKET, e.S3_ACCESS_KEY_ID, e.S3_SECRET_ACCESS_KEY].filter((v) => v !== undefined).length
  if (s3Given > 0 && s3Given < 4) {
    throw new ConfigError('配置有误 / invalid configuration: S3_ENDPOINT、S3_BUCKET、S3_ACCESS_KEY_ID 和 S3_SECRET_ACCESS_KEY 要么都设置，要么都不设置')
  }
  let encryptionKeys: EncryptionKey[] | undefined
  if (e.DATA_ENCRYPTION_KEYS !== undefined) {
    try {
      encryptionKeys = parseKeyList(e.DATA_ENCRYPTION_KEYS)
      new KeyRing(encryptionKeys)
    } catch (error) {
      throw new ConfigError(`配置有误 / invalid configuration: DATA_ENCRYPTION_KEYS: ${(error as Error).message}`)
    }
  }
  // Phone numbers are encrypted at rest: production brings its own keys (fail closed);
  // elsewhere main.ts makes a key file in the data folder once and says so in the log.
  if (production && encryptionKeys === undefined) {
    throw new ConfigError('配置有误 / invalid configuration: DATA_ENCRYPTION_KEYS 在生产环境必须设置（手机号加密）')
  }
  return {
    nodeEnv: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demoLogin,
    // The fake WeChat server answers every code with a made-up person: demo mode only.
    fakeWechat: demoLogin && e.WECHAT_API_BASE === undefined,
    wechatApiBase: e.WECHAT_API_BASE,
    wechatAppId: e.WECHAT_APP_ID,
    wechatAppSecret: e.WECHAT_APP_SECRET,
    wechatTemplates: {
      visit_reminder: e.WECHAT_TEMPLATE_VISIT_REMINDER,
      booking_status: e.WECHAT_TEMPLATE_BOOKING_STATUS,
      enrollment_status: e.WECHAT_TEMPLATE_ENROLLMENT_STATUS,
      complaint_status: e.WECHAT_TEMPLATE_COMPLAINT_STATUS,
      vacancy_alert: e.WECHAT_TEMPLATE_VACANCY_ALERT,
      rectification_status: e.WECHAT_TEMPLATE_RECTIFICATION_STATUS,
      open_day_alert: e.WECHAT_TEMPLATE_OPEN_DAY_ALERT,
      vacancy_stale: e.WECHAT_TEMPLATE_VACANCY_STALE,
    },
    alertIntervalMs: e.ALERT_INTERVAL_MS,
    staleVacancyIntervalMs: e.STALE_VACANCY_INTERVAL_MS,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    notifyIntervalMs: e.NOTIFY_INTERVAL_MS,
    trustProxy: e.TRUST_PROXY ?? false,
    signInRateLimitPerMinute: e.SIGN_IN_RATE_LIMIT_PER_MINUTE,
    complaintRateLimitPerMinute: e.COMPLAINT_RATE_LIMIT_PER_MINUTE,
    complaintLookupRateLimitPerMinute: e.COMPLAINT_LOOKUP_RATE_LIMIT_PER_MINUTE,
    h5Dist: path.resolve(cwd, e.H5_DIST),
    logLevel: e.LOG_LEVEL,
    logRequests: e.LOG_REQUESTS ?? false,
    searchIndexRefreshMs: e.SEARCH_INDEX_REFRESH_MS,
    searchPageCacheSize: e.SEARCH_PAGE_CACHE_SIZE,
    uploadDir: path.resolve(cwd, e.UPLOAD_DIR ?? path.join(e.DATA_DIR, 'uploads')),
    s3:
      e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? { endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
        : undefined,
    attachmentUrlSecret: e.ATTACHMENT_URL_SECRET,
    attachmentRetentionDays: e.ATTACHMENT_RETENTION_DAYS,
    attachmentPurgeIntervalMs: e.ATTACHMENT_PURGE_INTERVAL_MS,
    encryptionKeys,
    retentionIntervalMs: e.RETENTION_INTERVAL_MS,
  }
}
