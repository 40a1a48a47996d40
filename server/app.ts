import Fastify, { FastifyInstance, LogController } from 'fastify'
import { serializerCompiler, validatorCompiler, ZodTypeProvider } from 'fastify-type-provider-zod'
import { Config } from './config'
import { Database } from './platform/db/database'
import { clientErrorHandler, frameworkErrorHandler, installErrorHandling } from './platform/http/errorHandler'
import { loggerOptions } from './platform/http/logRedaction'
import { installOpenApi } from './platform/http/openApi'
import { installStaticApp } from './platform/http/staticApp'
import { installCompression } from './platform/http/compression'
import { installRateLimit } from './platform/http/rateLimit'
import { describeNotificationRound, NotificationJobs } from './features/notifications/notificationJobs'
import { installSecurityHeaders } from './platform/http/securityHeaders'
import { purgeExpiredRateLimits } from './platform/http/rateLimit'
import { purgeOldIdempotencyKeys } from './platform/http/idempotentRequest'
import { describeRetentionRound, RetentionJob } from './platform/jobs/retention'
import { purgeEndedSessions } from './features/accounts/sessions'
import { purgeOldLookupWindows } from './features/complaint/complaintLookup'
import { authRoutes } from './features/accounts/authRoutes'
import { bookingRoutes } from './features/booking/bookingRoutes'
import { childRoutes } from './features/booking/childRoutes'
import { complaintRoutes } from './features/complaint/complaintRoutes'
import { contentRoutes } from './features/content/contentRoutes'
import { districtRoutes } from './features/find/districtRoutes'
import { districtGlanceRoutes } from './features/find/districtGlanceRoutes'
import { enrollmentRoutes } from './features/booking/enrollmentRoutes'
import { healthRoutes } from './platform/http/healthRoutes'
import { institutionRoutes } from './features/find/institutionRoutes'
import { institutionFactsRoutes } from './features/find/institutionFactsRoutes'
import { premisesPhotoRoutes } from './features/find/premisesPhotoRoutes'
import { filingListRoutes } from './features/find/filingImport/filingListRoutes'
import { lectureRoutes } from './features/content/lectureRoutes'
import { meRoutes } from './features/accounts/meRoutes'
import { accountDataRoutes } from './features/accounts/accountDataRoutes'
import { staffAccessRoutes } from './features/accounts/staffAccessRoutes'
import { desktopLoginRoutes } from './features/accounts/desktopLoginRoutes'
import { openApiRoutes } from './platform/http/openApiRoutes'
import { policyRoutes } from './features/policy/policyRoutes'
import { feeTermsRoutes } from './features/fees/feeTermsRoutes'
import { voucherRoutes } from './features/vouchers/voucherRoutes'
import { savedSearchRoutes } from './features/alerts/savedSearchRoutes'
import { openDayWatchRoutes } from './features/alerts/openDayWatchRoutes'
import { describeAlertRound, SearchAlertJob } from './features/alerts/alertJob'
import { loadPolicies } from './features/policy/policies'
import { reviewRoutes } from './features/complaint/reviewRoutes'
import { slotRoutes } from './features/booking/slotRoutes'
import { staffRoutes } from './features/booking/staffBookingRoutes'
import { staffComplaintRoutes } from './features/complaint/staffComplaintRoutes'
import { oversightRoutes } from './features/oversight/oversightRoutes'
import { rectificationRoutes } from './features/oversight/rectificationRoutes'
import { uploadRoutes } from './features/complaint/uploadRoutes'
import { LiveSearchIndex } from './features/find/searchIndex/liveSearchIndex'
import { AttachmentRetention } from './features/complaint/attachmentRetention'
import { AttachmentStore } from './platform/storage/attachmentStore'
import { createAttachmentStore } from './platform/storage/createAttachmentStore'
import { AttachmentUrlSigner } from './platform/storage/signedAttachmentUrl'
import { JobsRunner } from './platform/jobs/jobsRunner'
import { describeStaleReminderRound, remindStaleVacancies } from './features/find/staleVacancyReminders'
import { KeyRing } from './platform/crypto/fieldCipher'
import { createWechatClient, WechatClient } from './platform/wechat/wechatClient'

export interface AppDependencies {
  /** Every setting, made by loadConfig (tests: loadConfig(testEnv), test/support/testConfig.ts). */
  config: Config
  db: Database
  /** Where log lines go instead of stdout (tests read them to check the redaction rule). */
  logStream?: { write(line: string): void }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-memory search read model (server/features/find/searchIndex/); exposed so tests can refresh it. */
    searchIndex: LiveSearchIndex
    /** The WeChat server API adapters (server/platform/wechat/), pointed at config.wechatApiBase. */
    wechat: WechatClient
    /** Visit reminders and the subscribe-message sender; tests call runOnce(). */
    notifications: NotificationJobs
    /** Signs and checks complaint photo links with this server's key (ATTACHMENT_URL_SECRET). */
    attachmentUrls: AttachmentUrlSigner
    /** Private storage of complaint photos (local folder or S3-compatible bucket). */
    attachmentStore: AttachmentStore
    /** Deletes complaint photos past ATTACHMENT_RETENTION_DAYS; tests call runOnce(). */
    attachmentRetention: AttachmentRetention
    /** Purges ended sessions, old idempotency records, lookup counters and rate-limit windows; tests call runOnce(). */
    retention: RetentionJob
    /** Saved-search alerts (new vacancies, new open days); tests call runOnce(). */
    searchAlerts: SearchAlertJob
  }
}

/** JSON bodies are small forms; anything bigger is a mistake or an attack. */
const BODY_LIMIT_BYTES = 256 * 1024

/**
 * The whole HTTP application, without listening: main.ts listens, tests inject.
 */
export async function buildApp({ config, db, logStream }: AppDependencies): Promise<FastifyInstance> {
  // Phone numbers at rest (platform/crypto/fieldCipher.ts): this app's own key ring, handed
  // to the routes that store or show them, so two apps in one process never share keys.
  // No keys is a mistake of the caller, not a reason for a throwaway key: data written
  // under one would be unreadable after a restart.
  if (!config.encryptionKeys) {
    throw new Error("buildApp needs config.encryptionKeys: DATA_ENCRYPTION_KEYS, or the data folder's development key (encryptionKeysOf in platform/crypto/keyFile.ts)")
  }
  const keyRing = new KeyRing(config.encryptionKeys)
  const app = Fastify({
    // One redaction rule for every log line (platform/http/logRedaction.ts); request lines
    // only when asked (LOG_REQUESTS=1, README "Running"), then at info level.
    logger: {
      ...loggerOptions(config.logRequests && !['info', 'debug', 'trace'].includes(config.logLevel) ? 'info' : config.logLevel),
      ...(logStream ? { stream: logStream } : {}),
    },
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Refusals from the router and Node's parser in the API's error shape too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // Only behind our own load balancer may X-Forwarded-For name the client (TRUST_PROXY):
    // otherwise anyone could pick the address the sign-in rate limit counts.
    trustProxy: config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)
  await installSecurityHeaders(app, config.h5Dist)
  await installCompression(app)
  await installOpenApi(app)

  const log = {
    info: (message: string) => app.log.info(message),
    error: (message: string, error: unknown) => app.log.error({ err: error }, message),
  }
  // Every background job, started once listening and stopped on close (docs/architecture.md, "Jobs").
  const jobs = new JobsRunner(log)
  app.addHook('onListen', async () => jobs.start())
  app.addHook('onClose', async () => jobs.close())

  // The search read model: loads in the background once listening (start-up and /healthz
  // never wait for it) and re-checks the data's version; searches use SQL until it is loaded.
  const searchIndex = new LiveSearchIndex(db, log, config.searchPageCacheSize)
  app.decorate('searchIndex', searchIndex)
  jobs.add({ name: 'search index', intervalMs: config.searchIndexRefreshMs, runAtStart: true, round: () => searchIndex.refresh(), stop: () => searchIndex.close() })

  const wechat = createWechatClient({ apiBase: config.wechatApiBase, appId: config.wechatAppId, appSecret: config.wechatAppSecret })
  app.decorate('wechat', wechat)

  const notifications = new NotificationJobs(db, wechat, config.wechatTemplates)
  app.decorate('notifications', notifications)
  jobs.add({ name: 'notifications', intervalMs: config.notifyIntervalMs, round: async () => describeNotificationRound(await notifications.runOnce()) })

  // Complaint photos: a private folder or an S3-compatible bucket, links signed with this server's key.
  const attachmentUrls = new AttachmentUrlSigner(config.attachmentUrlSecret)
  app.decorate('attachmentUrls', attachmentUrls)
  if (config.production && config.attachmentUrlSecret === undefined) {
    app.log.warn('ATTACHMENT_URL_SECRET is not set: photo links work only on the server that made them')
  }
  const attachmentStore = createAttachmentStore({ uploadDir: config.uploadDir, s3: config.s3 })
  app.decorate('attachmentStore', attachmentStore)
  const attachmentRetention = new AttachmentRetention(db, attachmentStore, config.attachmentRetentionDays)
  app.decorate('attachmentRetention', attachmentRetention)
  jobs.add({
    name: 'attachments',
    intervalMs: config.attachmentPurgeIntervalMs,
    round: async () => {
      const deleted = await attachmentRetention.runOnce()
      if (deleted > 0) return `${deleted} photos past retention deleted`
    },
    stop: () => attachmentRetention.stop(),
  })

  // Tables that would grow without bound, purged past their retention (PIPL art. 19).
  const retention = new RetentionJob([
    { name: 'sessions', purge: (now) => purgeEndedSessions(db, now) },
    { name: 'idempotency records', purge: (now) => purgeOldIdempotencyKeys(db, now) },
    { name: 'complaint lookup counters', purge: (now) => purgeOldLookupWindows(db, now) },
    { name: 'rate-limit windows', purge: () => purgeExpiredRateLimits(db) },
  ])
  app.decorate('retention', retention)
  jobs.add({ name: 'retention', intervalMs: config.retentionIntervalMs, round: async () => describeRetentionRound(await retention.runOnce()) })

  const searchAlerts = new SearchAlertJob(db)
  app.decorate('searchAlerts', searchAlerts)
  jobs.add({ name: 'search alerts', intervalMs: config.alertIntervalMs, round: async () => describeAlertRound(await searchAlerts.runOnce()) })
  // Issue 9: staff of institutions whose vacancies went unconfirmed for 14 days are reminded.
  jobs.add({ name: 'stale vacancies', intervalMs: config.staleVacancyIntervalMs, round: async () => describeStaleReminderRound(await remindStaleVacancies(db)) })

  await installRateLimit(app, db)
  // 托育政策: reviewed content, checked like the articles; a broken library stops the start.
  const policies = await loadPolicies()
  await app.register(healthRoutes(db))
  await app.register(
    async (api) => {
      await api.register(openApiRoutes)
      await api.register(institutionRoutes(db, searchIndex))
      await api.register(districtRoutes(db))
      await api.register(
        authRoutes(db, wechat, {
          demoLogin: config.demoLogin,
          sessionTtlDays: config.sessionTtlDays,
          signInRateLimitPerMinute: config.signInRateLimitPerMinute,
        }),
      )
      await api.register(meRoutes(db))
      await api.register(accountDataRoutes(db, attachmentStore, attachmentUrls, keyRing))
      await api.register(desktopLoginRoutes(db, { signInRateLimitPerMinute: config.signInRateLimitPerMinute }))
      await api.register(staffAccessRoutes(db, { demoLogin: config.demoLogin }))
      await api.register(childRoutes(db))
      await api.register(slotRoutes(db))
      await api.register(bookingRoutes(db, keyRing))
      await api.register(enrollmentRoutes(db, keyRing))
      await api.register(staffRoutes(db, keyRing))
      await api.register(institutionFactsRoutes(db))
      await api.register(premisesPhotoRoutes(db, attachmentStore))
      await api.register(filingListRoutes(db))
      await api.register(districtGlanceRoutes(db))
      await api.register(
        complaintRoutes(db, {
          filingPerMinute: config.complaintRateLimitPerMinute,
          lookupsPerMinute: config.complaintLookupRateLimitPerMinute,
          photos: attachmentUrls,
          keyRing,
        }),
      )
      await api.register(staffComplaintRoutes(db, attachmentUrls))
      await api.register(oversightRoutes(db, attachmentUrls))
      await api.register(rectificationRoutes(db, attachmentUrls))
      await api.register(contentRoutes(db))
      await api.register(lectureRoutes(db))
      await api.register(uploadRoutes(db, attachmentStore, attachmentUrls))
      await api.register(reviewRoutes(db, wechat))
      await api.register(policyRoutes(db, policies))
      await api.register(feeTermsRoutes(db))
      await api.register(voucherRoutes(db, keyRing))
      await api.register(savedSearchRoutes(db))
      await api.register(openDayWatchRoutes(db))
    },
    { prefix: '/api/v1' },
  )
  await installStaticApp(app, config.h5Dist)
  await app.ready()
  return app
}
