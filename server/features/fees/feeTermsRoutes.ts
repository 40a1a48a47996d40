import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { FeeTermsBodySchema, FeeTermsSchema } from '@domain/feeTerms'
import { Database } from '../../platform/db/database'
import { requireInstitutionStaff } from '../accounts/authentication'
import { publicFeeTerms, setFeeTerms } from './feeTerms'
import { safeText } from '@domain/safeText'
import { errorResponses } from '../../platform/http/errorResponses'

const IdParamsSchema = z.object({ id: safeText().trim().min(1, '机构编号不能为空').max(100, '机构编号太长') })
const errors = errorResponses(400, 401, 403, 404)

/** Fee and refund terms: public on the institution, written by its staff. */
export function feeTermsRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/institutions/:id/fee-terms',
      {
        schema: {
          summary: '收费与退费约定：伙食费、报名费、押金、预收月数、退托告知和退费；预收超过 3 个月时附提醒',
          tags: ['institutions'],
          params: IdParamsSchema,
          response: { 200: z.object({ terms: FeeTermsSchema.nullable() }), 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => publicFeeTerms(db, request.params.id),
    )
    app.put(
      '/staff/fee-terms',
      {
        schema: {
          summary: '机构工作台：设置本机构的收费与退费约定',
          tags: ['staff'],
          body: FeeTermsBodySchema,
          response: { 200: FeeTermsSchema, ...errors },
        },
      },
      async (request) => setFeeTerms(db, await requireInstitutionStaff(db, request), request.body),
    )
  }
}
