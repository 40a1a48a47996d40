import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { SlotsQuerySchema } from '@domain/slot'
import { InstitutionSlotsSchema } from '@domain/slotRules'
import { Database } from '../../platform/db/database'
import { listInstitutionOpenSlots } from './slots'
import { safeText } from '@domain/safeText'

const InstitutionIdParamsSchema = z.object({
  id: safeText().trim().min(1, '机构编号不能为空').max(100, '机构编号太长'),
})

/** Public: an institution's bookable slots (open, not started), with places remaining. */
export function slotRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/institutions/:id/slots',
      {
        schema: {
          summary: '机构可预约的时段（默认未来 60 天）',
          tags: ['bookings'],
          params: InstitutionIdParamsSchema,
          querystring: SlotsQuerySchema,
          response: { 200: InstitutionSlotsSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => listInstitutionOpenSlots(db, request.params.id, request.query),
    )
  }
}
