import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Database } from '../db/database'

/** GET /healthz: 200 {"ok": true} once the database answers (docs/api.md, Running). */
export function healthRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      { schema: { hide: true, response: { 200: z.object({ ok: z.literal(true) }) } } },
      async () => {
        await db.query('select 1')
        return { ok: true as const }
      },
    )
  }
}
