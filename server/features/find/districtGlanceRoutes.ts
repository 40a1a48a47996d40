import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { DistrictGlanceSchema, DistrictPlanBodySchema, DistrictPlanSchema } from '@domain/districtGlance'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { requireRegulator } from '../accounts/authentication'
import { districtGlance, updateDistrictPlan } from './districtGlance'

/** 区县概览: the regulator's district against its plan, and the plan (population, targets) they keep. */
export function districtGlanceRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/district-glance',
      {
        schema: {
          summary: '本区县概览：每千人口托位数、普惠托位占比等，对照区县规划目标，附计算方法',
          tags: ['staff'],
          response: { 200: DistrictGlanceSchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => {
        const regulator = await requireRegulator(db, request)
        return districtGlance(db, regulator.regulatorDistrictCode)
      },
    )
    app.put(
      '/staff/district-plan',
      {
        schema: {
          summary: '修改本区县的常住人口和规划目标（记入审计日志）',
          tags: ['staff'],
          body: DistrictPlanBodySchema,
          response: { 200: DistrictPlanSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => {
        const regulator = await requireRegulator(db, request)
        return updateDistrictPlan(db, { userId: regulator.userId, districtCode: regulator.regulatorDistrictCode }, request.body)
      },
    )
  }
}
