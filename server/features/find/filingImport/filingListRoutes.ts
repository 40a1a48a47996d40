import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { FilingListReportSchema } from '@domain/filingList'
import { Database } from '@server/platform/db/database'
import { ApiError } from '@server/platform/http/apiError'
import { requireRegulator } from '../../accounts/authentication'
import { importDistrictFilingList } from './districtFilingList'
import { FilingCsvError } from './filingCsv'

/** A filing list of tens of thousands of rows fits; the JSON limit of the rest of the API does not. */
const CSV_BODY_LIMIT = 20 * 1024 * 1024

/** POST /api/v1/staff/filing-list?apply=false|true with the CSV as the body (Content-Type: text/csv). */
export function filingListRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT }, (_request, body, done) => done(null, body))
    app.post(
      '/staff/filing-list',
      {
        bodyLimit: CSV_BODY_LIMIT,
        schema: {
          summary: '上传本区县备案名单（先试运行看新增、变更、撤销和被拒的行，再 apply=true 写入）',
          tags: ['staff'],
          querystring: z.object({ apply: z.enum(['true', 'false'], { error: 'apply 应为 true 或 false' }).default('false') }),
          response: { 200: FilingListReportSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
        },
      },
      async (request) => {
        const regulator = await requireRegulator(db, request)
        if (!Buffer.isBuffer(request.body)) throw new ApiError('VALIDATION', '请上传 CSV 文件（Content-Type: text/csv）', { body: '请上传 CSV 文件' })
        try {
          return await importDistrictFilingList(db, { userId: regulator.userId, districtCode: regulator.regulatorDistrictCode }, request.body, {
            apply: request.query.apply === 'true',
          })
        } catch (error) {
          if (error instanceof FilingCsvError) throw new ApiError('VALIDATION', `无法导入：${error.message}`, { body: error.message })
          throw error
        }
      },
    )
  }
}
