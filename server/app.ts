import Fastify, { FastifyInstance } from 'fastify'
import { serializerCompiler, validatorCompiler, ZodTypeProvider } from 'fastify-type-provider-zod'
import { Config } from './config'
import { Database } from './db/database'
import { installErrorHandling } from './http/errorHandler'
import { installOpenApi } from './http/openApi'
import { installStaticApp } from './http/staticApp'
import { districtRoutes } from './routes/districts'
import { healthRoutes } from './routes/health'
import { institutionRoutes } from './routes/institutions'
import { openApiRoutes } from './routes/openApi'
import { LiveSearchIndex } from './search/liveSearchIndex'

export interface AppDependencies {
  /** Without searchIndexRefreshMs (tests) the search index loads only when refresh() is called. */
  config: Pick<Config, 'h5Dist' | 'logLevel'> & Partial<Pick<Config, 'searchIndexRefreshMs'>>
  db: Database
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The in-memory search read model (server/search/); exposed so tests can refresh it. */
    searchIndex: LiveSearchIndex
  }
}

/** JSON bodies are small forms; anything bigger is a mistake or an attack. */
const BODY_LIMIT_BYTES = 256 * 1024

/**
 * The whole HTTP application, without listening: main.ts listens, tests inject.
 */
export async function buildApp({ config, db }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a load balancer the client address comes from X-Forwarded-For.
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  installErrorHandling(app)
  await installOpenApi(app)

  const searchIndex = new LiveSearchIndex(db, {
    info: (message) => app.log.info(message),
    error: (message, error) => app.log.error({ err: error }, message),
  })
  app.decorate('searchIndex', searchIndex)
  // Loads in the background once listening: start-up and /healthz never wait for it,
  // and searches use SQL until it is loaded.
  const refreshMs = config.searchIndexRefreshMs ?? 0
  if (refreshMs > 0) app.addHook('onListen', async () => searchIndex.start(refreshMs))
  app.addHook('onClose', async () => searchIndex.close())

  await app.register(healthRoutes(db))
  await app.register(
    async (api) => {
      await api.register(openApiRoutes)
      await api.register(institutionRoutes(db, searchIndex))
      await api.register(districtRoutes(db))
    },
    { prefix: '/api/v1' },
  )
  await installStaticApp(app, config.h5Dist)
  await app.ready()
  return app
}
