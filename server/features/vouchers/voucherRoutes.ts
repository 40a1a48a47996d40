import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { pageQuerySchema, pageSchema } from '@domain/page'
import {
  VoucherBatchCreateBodySchema,
  VoucherBatchReportSchema,
  VoucherBatchSchema,
  VoucherBookBodySchema,
  VoucherClaimBodySchema,
  VoucherRedeemBodySchema,
  VoucherSchema,
} from '@domain/voucher'
import { Database } from '../../platform/db/database'
import { requireInstitutionStaff, requireRegulator, requireViewer } from '../accounts/authentication'
import { districtBatchReports, issueBatch, redeemAtCheckIn } from './voucherAdministration'
import { bookTrialWithVoucher, claimVoucher, myVoucher, myVouchers, openBatches } from './vouchers'
import { safeText } from '@domain/safeText'
import { KeyRing } from '../../platform/crypto/fieldCipher'
import { errorResponses } from '../../platform/http/errorResponses'

const IdParamsSchema = z.object({ id: safeText().trim().min(1, '编号不能为空').max(100, '编号太长') })
const BatchQuerySchema = pageQuerySchema().extend({ districtCode: z.string().regex(/^\d{6}$/, '区县代码是 6 位数字').optional() })
const errors = errorResponses(400, 401, 403, 404, 409)
const PageQuerySchema = pageQuerySchema()

/** 体验券: parents claim and book, regulators issue and follow, staff redeem at check-in. */
export function voucherRoutes(db: Database, keyRing: KeyRing): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/voucher-batches',
      { schema: { summary: '可以领取的体验券批次（公开）', tags: ['vouchers'], querystring: BatchQuerySchema, response: { 200: pageSchema(VoucherBatchSchema), 400: ErrorBodySchema } } },
      async (request) => openBatches(db, request.query),
    )
    app.post(
      '/voucher-batches/:id/claims',
      { schema: { summary: '为一个孩子领取一张体验券（每个孩子每批限一张）', tags: ['vouchers'], params: IdParamsSchema, body: VoucherClaimBodySchema, response: { 201: VoucherSchema, ...errors } } },
      async (request, reply) => reply.code(201).send(await claimVoucher(db, await requireViewer(db, request), request.params.id, request.body.childId)),
    )
    app.get(
      '/me/vouchers',
      { schema: { summary: '我的体验券', tags: ['vouchers'], querystring: PageQuerySchema, response: { 200: pageSchema(VoucherSchema), ...errors } } },
      async (request) => myVouchers(db, await requireViewer(db, request), request.query),
    )
    app.get(
      '/me/vouchers/:id',
      { schema: { summary: '一张体验券（到园时出示券码和预约码）', tags: ['vouchers'], params: IdParamsSchema, response: { 200: VoucherSchema, ...errors } } },
      async (request) => myVoucher(db, await requireViewer(db, request), request.params.id),
    )
    app.post(
      '/me/vouchers/:id/booking',
      {
        schema: {
          summary: '用体验券预约参加活动机构的体验日（入托网上约）',
          tags: ['vouchers'],
          params: IdParamsSchema,
          body: VoucherBookBodySchema,
          response: { 201: VoucherSchema, 422: ErrorBodySchema, ...errors },
        },
      },
      async (request, reply) => {
        const answer = await bookTrialWithVoucher(db, keyRing, await requireViewer(db, request), request.params.id, request.body)
        return reply.code(answer.statusCode).send(answer.body)
      },
    )
    app.post(
      '/regulator/voucher-batches',
      { schema: { summary: '监管工作台：发放一批体验券', tags: ['regulator'], body: VoucherBatchCreateBodySchema, response: { 201: VoucherBatchReportSchema, ...errors } } },
      async (request, reply) => reply.code(201).send(await issueBatch(db, await requireRegulator(db, request), request.body)),
    )
    app.get(
      '/regulator/voucher-batches',
      { schema: { summary: '监管工作台：本区各批体验券的领取、预约、核销和入托申请', tags: ['regulator'], querystring: PageQuerySchema, response: { 200: pageSchema(VoucherBatchReportSchema), ...errors } } },
      async (request) => districtBatchReports(db, await requireRegulator(db, request), request.query),
    )
    app.post(
      '/staff/vouchers/redeem',
      { schema: { summary: '机构工作台：到园签到时核销体验券', tags: ['staff'], body: VoucherRedeemBodySchema, response: { 200: VoucherSchema, ...errors } } },
      async (request) => redeemAtCheckIn(db, await requireInstitutionStaff(db, request), request.body.code),
    )
  }
}
