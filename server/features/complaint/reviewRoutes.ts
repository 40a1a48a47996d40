import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import {
  ReviewBodySchema,
  ReviewEligibilitySchema,
  ReviewListQuerySchema,
  ReviewPageSchema,
  ReviewReplyBodySchema,
  ReviewSchema,
  StaffReviewListQuerySchema,
} from '@domain/review'
import { Database } from '../../platform/db/database'
import { requireInstitutionStaff, requireViewer } from '../accounts/authentication'
import { listInstitutionReviews, listStaffReviews, postReview, replyToReview, reviewEligibility } from './reviews'
import { WechatClient } from '../../platform/wechat/wechatClient'
import { safeText } from '@domain/safeText'

const InstitutionIdParamsSchema = z.object({
  id: safeText().trim().min(1, '机构编号不能为空').max(100, '机构编号太长'),
})

const ReviewIdParamsSchema = z.object({
  id: safeText().trim().min(1, '评价编号不能为空').max(100, '评价编号太长'),
})

/** Parents' reviews of institutions they visited, the public list, and staff replies. */
export function reviewRoutes(db: Database, wechat: WechatClient): FastifyPluginAsyncZod {
  return async (app) => {
    const textCheck = (log: { warn: (context: object, message: string) => void }) => ({
      wechat,
      warn: (message: string, error: unknown) => log.warn({ err: error }, message),
    })

    app.post(
      '/institutions/:id/reviews',
      {
        schema: {
          summary: '评价去过的托育机构（参观、开放日、试托到场或已录取后；再次提交即修改）',
          tags: ['reviews'],
          params: InstitutionIdParamsSchema,
          body: ReviewBodySchema,
          response: { 200: ReviewSchema, 201: ReviewSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(db, request)
        const { review, created } = await postReview(db, textCheck(request.log), viewer, request.params.id, request.body)
        return reply.code(created ? 201 : 200).send(review)
      },
    )

    app.get(
      '/institutions/:id/reviews/eligibility',
      {
        schema: {
          summary: '我能否评价这家机构（参观、开放日、试托到场或已录取）；在填写评价之前询问',
          tags: ['reviews'],
          params: InstitutionIdParamsSchema,
          response: { 200: ReviewEligibilitySchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => reviewEligibility(db, await requireViewer(db, request), request.params.id),
    )

    app.get(
      '/institutions/:id/reviews',
      {
        schema: {
          summary: '机构的家长评价（分项评分、机构回复），最新在前',
          tags: ['reviews'],
          params: InstitutionIdParamsSchema,
          querystring: ReviewListQuerySchema,
          response: { 200: ReviewPageSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => listInstitutionReviews(db, request.params.id, request.query),
    )

    app.get(
      '/staff/reviews',
      {
        schema: {
          summary: '本机构收到的评价（unreplied=true 只看未回复的）',
          tags: ['staff'],
          querystring: StaffReviewListQuerySchema,
          response: { 200: ReviewPageSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema },
        },
      },
      async (request) => listStaffReviews(db, await requireInstitutionStaff(db, request), request.query),
    )

    app.post(
      '/staff/reviews/:id/reply',
      {
        schema: {
          summary: '机构回复一条评价（每条评价只能回复一次）',
          tags: ['staff'],
          params: ReviewIdParamsSchema,
          body: ReviewReplyBodySchema,
          response: { 201: ReviewSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const staff = await requireInstitutionStaff(db, request)
        return reply.code(201).send(await replyToReview(db, textCheck(request.log), staff, request.params.id, request.body))
      },
    )
  }
}
