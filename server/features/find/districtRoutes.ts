import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { DistrictListSchema } from '@domain/district'
import { Database } from '../../platform/db/database'
import { listDistricts } from './districtOverview'

/** The district overview: institutions, 普惠 share, vacancies and median fees. */
export function districtRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/districts',
      {
        schema: {
          summary: '各区县托育概况',
          tags: ['districts'],
          response: { 200: DistrictListSchema },
        },
      },
      async () => ({ items: await listDistricts(db), nextCursor: null }),
    )
  }
}
