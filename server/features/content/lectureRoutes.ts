import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { LectureListQuerySchema, LecturePageSchema } from '@domain/content'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { listLectures } from './lectures'

/** Public: upcoming lectures and parent classes, booked with POST /bookings like open days. */
export function lectureRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/lectures',
      {
        schema: {
          summary: '讲座与家长课堂：按时间，或给出位置时按距离',
          tags: ['content'],
          querystring: LectureListQuerySchema,
          response: { 200: LecturePageSchema, 400: ErrorBodySchema },
        },
      },
      async (request) => listLectures(db, request.query),
    )
  }
}
