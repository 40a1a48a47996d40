import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { ApiError, notFound } from '../../platform/http/apiError'
import { requireInstitutionStaff } from '../accounts/authentication'
import { bumpSearchIndexVersion } from '../find/searchIndexVersion'

/*
 * 机构工作台 · 托位: staff keep 在托人数 true, so vacancies (capacity − enrolled) are real.
 * A freed place is what the saved-search alerts announce (server/features/alerts/), which
 * watch the data and so notice it whichever screen wrote it. If the workbench issue brings
 * its own places editor, keep one of the two.
 */

export const StaffPlacesBodySchema = z.object({
  enrolled: z.number({ error: '在托人数应为数字' }).int('在托人数应为整数').min(0, '在托人数不能为负数'),
})
const PlacesSchema = z.object({ institutionId: z.string(), capacity: z.number().int(), enrolled: z.number().int(), vacancies: z.number().int() })

export function staffPlacesRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/staff/places',
      {
        schema: {
          summary: '机构工作台：更新在托人数（空位 = 托位 − 在托人数）',
          tags: ['staff'],
          body: StaffPlacesBodySchema,
          response: { 200: PlacesSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => {
        const staff = await requireInstitutionStaff(db, request)
        return db.transaction(async (tx) => {
          const { rows } = await tx.query<{ capacity: number }>(`select capacity from institutions where id = $1 for update`, [staff.staffInstitutionId])
          if (rows.length === 0) throw notFound('没有找到您所在的机构')
          if (request.body.enrolled > rows[0].capacity) {
            throw new ApiError('VALIDATION', `在托人数不能超过托位数 ${rows[0].capacity}`, { 'body.enrolled': `在托人数不能超过托位数 ${rows[0].capacity}` })
          }
          await tx.query(`update institutions set enrolled = $2, updated_at = now() where id = $1`, [staff.staffInstitutionId, request.body.enrolled])
          await bumpSearchIndexVersion(tx)
          const capacity = rows[0].capacity
          return { institutionId: staff.staffInstitutionId, capacity, enrolled: request.body.enrolled, vacancies: capacity - request.body.enrolled }
        })
      },
    )
  }
}
