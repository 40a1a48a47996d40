import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { Policy, PolicyListSchema, PolicySchema } from '@domain/policy'
import { MyPoliciesSchema, PolicyQuerySchema } from '@domain/policyRules'
import { InstitutionNetPriceSchema, NetPriceQuerySchema } from '@domain/netPrice'
import { Database } from '../../platform/db/database'
import { getPolicy, listPolicies, myPolicies, PolicyListQuerySchema } from './policies'
import { institutionNetPrice } from './institutionNetPrice'
import { safeText } from '@domain/safeText'

const InstitutionIdParamsSchema = z.object({ id: safeText().trim().min(1, '机构编号不能为空').max(100, '机构编号太长') })
const PolicyIdParamsSchema = z.object({ id: safeText().trim().min(1, '政策编号不能为空').max(100, '政策编号太长') })

/** Public: the policy library, "我能享受哪些" for a birth or due date and a district, and the net price. */
export function policyRoutes(db: Database, policies: readonly Policy[]): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/institutions/:id/net-price',
      {
        schema: {
          summary: '到手价：每种托育方式扣除育儿补贴后的月费估算，个税可少缴的范围，以及计算过程',
          tags: ['policy'],
          params: InstitutionIdParamsSchema,
          querystring: NetPriceQuerySchema,
          response: { 200: InstitutionNetPriceSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => institutionNetPrice(db, policies, request.params.id, request.query),
    )
    app.get(
      '/policies',
      {
        schema: {
          summary: '托育政策：全国、省级和区县政策（默认只列现行的）',
          tags: ['policy'],
          querystring: PolicyListQuerySchema,
          response: { 200: PolicyListSchema, 400: ErrorBodySchema },
        },
      },
      async (request) => listPolicies(policies, request.query),
    )
    app.get(
      '/policies/for-me',
      {
        schema: {
          summary: '我能享受哪些：按孩子的出生日期或预产期和所在区县，列出适用的政策和为这个孩子算出的金额',
          tags: ['policy'],
          querystring: PolicyQuerySchema,
          response: { 200: MyPoliciesSchema, 400: ErrorBodySchema },
        },
      },
      async (request) => myPolicies(policies, request.query),
    )
    app.get(
      '/policies/:id',
      {
        schema: {
          summary: '一条政策：谁能享受、给什么、怎么申请、每个数字的来源和生效日期',
          tags: ['policy'],
          params: PolicyIdParamsSchema,
          response: { 200: PolicySchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => getPolicy(policies, request.params.id),
    )
  }
}
