import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { InstitutionDetailSchema, InstitutionSummarySchema } from '@domain/institution'
import { pageSchema } from '@domain/page'
import { InstitutionSearchQuerySchema } from '@domain/search'
import { Database } from '../../platform/db/database'
import { bookableIdsReader } from '../booking/bookableIds'
import { getInstitutionDetail } from './institutionDetail'
import { searchWithBookable } from './institutionSearch'
import { searchPageSerializer } from './searchPageSerializer'
import { LiveSearchIndex } from './searchIndex/liveSearchIndex'
import { safeText } from '@domain/safeText'

const InstitutionIdParamsSchema = z.object({
  id: safeText().trim().min(1, '机构编号不能为空').max(100, '机构编号太长'),
})

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
          response: { 200: pageSchema(InstitutionSummarySchema), 400: ErrorBodySchema },
        },
        // Cards of summaries validated when loaded, each one's facts written once per snapshot.
        serializerCompiler: searchPageSerializer,
      },
      async (request) => searchWithBookable(db, request.query, searchIndex, bookableIds),
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
