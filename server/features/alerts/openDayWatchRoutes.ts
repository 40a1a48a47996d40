import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { OpenDayWatchBodySchema, OpenDayWatchSchema } from '@domain/openDayWatch'
import { safeText } from '@domain/safeText'
import { Database } from '../../platform/db/database'
import { requireViewer } from '../accounts/authentication'
import { cancelOpenDayWatch, myOpenDayWatches, watchOpenDays } from './openDayWatches'
import { errorResponses } from '../../platform/http/errorResponses'

const IdParamsSchema = z.object({ id: safeText().trim().min(1, '编号不能为空').max(100, '编号太长') })
const errors = errorResponses(400, 401, 404, 409)
// At most MAX_OPEN_DAY_WATCHES: one page, like the saved searches.
const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.null() })

/** 订阅开放日提醒 (signed in); its alerts are listed by GET /me/alerts. */
export function openDayWatchRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/me/open-day-watches',
      {
        schema: {
          summary: '订阅一个机构的开放日提醒：发布开放日或参观时告诉我（重复订阅返回已有的订阅）',
          tags: ['alerts'],
          body: OpenDayWatchBodySchema,
          response: { 200: OpenDayWatchSchema, 201: OpenDayWatchSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { watch, created } = await watchOpenDays(db, await requireViewer(db, request), request.body.institutionId)
        return reply.code(created ? 201 : 200).send(watch)
      },
    )
    app.get(
      '/me/open-day-watches',
      { schema: { summary: '我订阅的开放日提醒', tags: ['alerts'], response: { 200: page(OpenDayWatchSchema), ...errors } } },
      async (request) => myOpenDayWatches(db, await requireViewer(db, request)),
    )
    app.delete(
      '/me/open-day-watches/:id',
      { schema: { summary: '取消一个开放日提醒', tags: ['alerts'], params: IdParamsSchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await cancelOpenDayWatch(db, await requireViewer(db, request), request.params.id)
        return reply.code(204).send(null)
      },
    )
  }
}
