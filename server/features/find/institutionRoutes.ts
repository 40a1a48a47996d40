import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { InstitutionDetailSchema, InstitutionSummarySchema } from '@domain/institution'
import { pageSchema } from '@domain/page'
import { InstitutionSearchQuerySchema } from '@domain/search'
import { Database } from '../../platform/db/database'
import { bookableIdsReader } from '../booking/bookableIds'
import { getInstitutionDetail } from './institutionDetail'
import { answerSearch } from './institutionSearch'
import { searchPageSerializer } from './searchPageSerializer'
import { LiveSearchIndex } from './searchIndex/liveSearchIndex'
import { safeText } from '@domain/safeText'

const InstitutionIdParamsSchema = z.object({
  id: safeText().trim().min(1, '机构编号不能为空').max(100, '机构编号太长'),
})

const InstitutionPageSchema = pageSchema(InstitutionSummarySchema)

/** Public institution routes: search and detail. */
export function institutionRoutes(db: Database, searchIndex: LiveSearchIndex): FastifyPluginAsyncZod {
  return async (app) => {
    // The 可预约 set, never behind a write (server/features/booking/bookableIds.ts).
    const bookableIds = bookableIdsReader(db)
    app.get(
      '/institutions',
      {
        schema: {
          summary: '搜索已备案的托育机构',
          tags: ['institutions'],
          querystring: InstitutionSearchQuerySchema,
          response: { 200: InstitutionPageSchema, 400: ErrorBodySchema },
        },
        // Summaries validated when loaded, each one's facts written once per snapshot.
        serializerCompiler: searchPageSerializer,
      },
      // The answer, not cards: the 200 serializer above writes it as the page schema says
      // (searchPageSerializer.ts), so its type is the page's only to Fastify's typing.
      async (request) => (await answerSearch(db, request.query, searchIndex, bookableIds)) as unknown as z.infer<typeof InstitutionPageSchema>,
    )

    app.get(
      '/institutions/:id',
      {
        schema: {
          summary: '托育机构详情',
          tags: ['institutions'],
          params: InstitutionIdParamsSchema,
          response: { 200: InstitutionDetailSchema, 404: ErrorBodySchema },
        },
      },
      async (request) => getInstitutionDetail(db, request.params.id),
    )
  }
}
