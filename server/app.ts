import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Fastify, { FastifyInstance, LogController } from 'fastify'
import { serializerCompiler, validatorCompiler, ZodTypeProvider } from 'fastify-type-provider-zod'
import { Config } from './config'
import { Database } from './platform/db/database'
import { installErrorHandling } from './platform/http/errorHandler'
import { installOpenApi } from './platform/http/openApi'
import { installStaticApp } from './platform/http/staticApp'
import { installRateLimit } from './platform/http/rateLimit'
import { NotificationJobs } from './features/notifications/notificationJobs'
import { DEMO_TEMPLATES } from './features/notifications/templates'
import { authRoutes } from './features/accounts/authRoutes'
import { bookingRoutes } from './features/booking/bookingRoutes'
import { childRoutes } from './features/booking/childRoutes'
import { complaintRoutes } from './features/complaint/complaintRoutes'
import { contentRoutes } from './features/content/contentRoutes'
import { districtRoutes } from './features/find/districtRoutes'
import { enrollmentRoutes } from './features/booking/enrollmentRoutes'
import { healthRoutes } from './platform/http/healthRoutes'
import { institutionRoutes } from './features/find/institutionRoutes'
import { lectureRoutes } from './features/content/lectureRoutes'
import { meRoutes } from './features/accounts/meRoutes'
import { openApiRoutes } from './platform/http/openApiRoutes'
import { reviewRoutes } from './features/complaint/reviewRoutes'
import { slotRoutes } from './features/booking/slotRoutes'
import { staffRoutes } from './features/booking/staffBookingRoutes'
import { staffComplaintRoutes } from './features/complaint/staffComplaintRoutes'
import { uploadRoutes } from './features/complaint/uploadRoutes'
import { LiveSearchIndex } from './features/find/searchIndex/liveSearchIndex'
import { AttachmentRetention } from './features/complaint/attachmentRetention'
import { AttachmentStore, createAttachmentStore } from './platform/storage/attachmentStore'
import { setAttachmentUrlSecret } from './platform/storage/signedAttachmentUrl'
import { createWechatClient, WechatClient } from './platform/wechat/wechatClient'

export interface AppDependencies {
  /** Without searchIndexRefreshMs (tests) the search index loads only when refresh() is called. */
  config: Pick<Config, 'h5Dist' | 'logLevel'> & Partial<Omit<Config, 'h5Dist' | 'logLevel'>>
  db: Database
}

/** What buildApp assumes for settings a (test) config leaves out: the safe side. */
const APP_DEFAULTS = {
  demoLogin: false,
  sessionTtlDays: 30,
  trustProxy: false,
  signInRateLimitPerMinute: 20,
  complaintRateLimitPerMinute: 10,
  complaintLookupRateLimitPerMinute: 60,
} as const

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-memory search read model (server/features/find/searchIndex/); exposed so tests can refresh it. */
    searchIndex: LiveSearchIndex
    /** The WeChat server API adapters (server/platform/wechat/), pointed at config.wechatApiBase. */
    wechat: WechatClient
    /** Visit reminders and the subscribe-message sender; tests call runOnce(). */
    notifications: NotificationJobs
    /** Private storage of complaint photos (local folder or S3-compatible bucket). */
    attachmentStore: AttachmentStore
    /** Deletes complaint photos past ATTACHMENT_RETENTION_DAYS; tests call runOnce(). */
    attachmentRetention: AttachmentRetention
  }
}

/** JSON bodies are small forms; anything bigger is a mistake or an attack. */
const BODY_LIMIT_BYTES = 256 * 1024

/**
 * The whole HTTP application, without listening: main.ts listens, tests inject.
 */
export async function buildApp({ config, db }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    // Request lines only when asked (LOG_REQUESTS=1, README "Running"); then at info level.
    logger: { level: config.logRequests && !['info', 'debug', 'trace'].includes(config.logLevel) ? 'info' : config.logLevel },
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: BODY_LIMIT_BYTES,
    // Only behind our own load balancer may X-Forwarded-For name the client (TRUST_PROXY):
    // otherwise anyone could pick the address the sign-in rate limit counts.
    trustProxy: config.trustProxy ?? APP_DEFAULTS.trustProxy,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)
  await installOpenApi(app)

  const searchIndex = new LiveSearchIndex(
    db,
    {
      info: (message) => app.log.info(message),
      error: (message, error) => app.log.error({ err: error }, message),
    },
    config.searchPageCacheSize,
  )
  app.decorate('searchIndex', searchIndex)
  // Loads in the background once listening: start-up and /healthz never wait for it,
  // and searches use SQL until it is loaded.
  const refreshMs = config.searchIndexRefreshMs ?? 0
  if (refreshMs > 0) app.addHook('onListen', async () => searchIndex.start(refreshMs))
  app.addHook('onClose', async () => searchIndex.close())

  const wechat = createWechatClient({ apiBase: config.wechatApiBase, appId: config.wechatAppId, appSecret: config.wechatAppSecret })
  app.decorate('wechat', wechat)

  const notifications = new NotificationJobs(db, wechat, config.wechatTemplates ?? DEMO_TEMPLATES, {
    info: (message) => app.log.info(message),
    error: (message, error) => app.log.error({ err: error }, message),
  })
  app.decorate('notifications', notifications)
  // Like the search index: runs only once listening (NOTIFY_INTERVAL_MS, 0 = off), stops on close.
  const notifyMs = config.notifyIntervalMs ?? 0
  if (notifyMs > 0) app.addHook('onListen', async () => notifications.start(notifyMs))
  app.addHook('onClose', async () => notifications.close())

  // Complaint photos. A test config without uploadDir gets a throwaway folder, never ./data.
  setAttachmentUrlSecret(config.attachmentUrlSecret)
  if (config.nodeEnv === 'production' && config.attachmentUrlSecret === undefined) {
    app.log.warn('ATTACHMENT_URL_SECRET is not set: photo links work only on the server that made them')
  }
  const throwawayUploadDir = config.uploadDir === undefined && config.s3 === undefined ? fs.mkdtempSync(path.join(os.tmpdir(), 'anxin-uploads-')) : undefined
  if (throwawayUploadDir) app.addHook('onClose', async () => fs.rmSync(throwawayUploadDir, { recursive: true, force: true }))
  const attachmentStore = createAttachmentStore({ uploadDir: config.uploadDir ?? throwawayUploadDir ?? '', s3: config.s3 })
  app.decorate('attachmentStore', attachmentStore)
  const attachmentRetention = new AttachmentRetention(db, attachmentStore, config.attachmentRetentionDays ?? 365, {
    info: (message) => app.log.info(message),
    error: (message, error) => app.log.error({ err: error }, message),
  })
  app.decorate('attachmentRetention', attachmentRetention)
  const purgeMs = config.attachmentPurgeIntervalMs ?? 0
  if (purgeMs > 0) app.addHook('onListen', async () => attachmentRetention.start(purgeMs))
  app.addHook('onClose', async () => attachmentRetention.close())

  await installRateLimit(app)
  await app.register(healthRoutes(db))
  await app.register(
    async (api) => {
      await api.register(openApiRoutes)
      await api.register(institutionRoutes(db, searchIndex))
      await api.register(districtRoutes(db))
      await api.register(
        authRoutes(db, wechat, {
          demoLogin: config.demoLogin ?? APP_DEFAULTS.demoLogin,
          sessionTtlDays: config.sessionTtlDays ?? APP_DEFAULTS.sessionTtlDays,
          signInRateLimitPerMinute: config.signInRateLimitPerMinute ?? APP_DEFAULTS.signInRateLimitPerMinute,
        }),
      )
      await api.register(meRoutes(db))
      await api.register(childRoutes(db))
      await api.register(slotRoutes(db))
      await api.register(bookingRoutes(db))
      await api.register(enrollmentRoutes(db))
      await api.register(staffRoutes(db))
      await api.register(
        complaintRoutes(db, {
          filingPerMinute: config.complaintRateLimitPerMinute ?? APP_DEFAULTS.complaintRateLimitPerMinute,
          lookupsPerMinute: config.complaintLookupRateLimitPerMinute ?? APP_DEFAULTS.complaintLookupRateLimitPerMinute,
        }),
      )
      await api.register(staffComplaintRoutes(db))
      await api.register(contentRoutes(db))
      await api.register(lectureRoutes(db))
      await api.register(uploadRoutes(db, attachmentStore))
      await api.register(reviewRoutes(db, wechat))
    },
    { prefix: '/api/v1' },
  )
  await installStaticApp(app, config.h5Dist)
  await app.ready()
  return app
}
