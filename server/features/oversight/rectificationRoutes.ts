import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { RectificationCreateBodySchema, RectificationSchema } from '@domain/complaint'
import {
  RectificationAcceptBodySchema,
  RectificationNoticeListSchema,
  RectificationNoticeSchema,
  RectificationReportBodySchema,
  RectificationReturnBodySchema,
  RecordIdParamsSchema,
} from '@domain/oversight'
import { pageQuerySchema } from '@domain/page'
import { Database } from '../../platform/db/database'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { requireInstitutionStaff, requireRegulator } from '../accounts/authentication'
import { noticesOfMyInstitution } from './oversightInstitutions'
import { issueRectification } from './rectificationIssue'
import { reportRectification, verifyRectification } from './rectificationSteps'
import { errorResponses } from '../../platform/http/errorResponses'

const errors = errorResponses(400, 401, 403, 404, 409)

/**
 * 整改通知, both sides: the regulator issues and verifies (requireRegulator, own district);
 * the institution's staff list theirs and report them done (requireInstitutionStaff, own institution).
 */
export function rectificationRoutes(db: Database, photos: AttachmentUrlSigner): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/staff/rectifications',
      { schema: { summary: '下达整改通知（显示在机构页，并通知机构）', tags: ['staff'], body: RectificationCreateBodySchema, response: { 201: RectificationSchema, ...errors } } },
      async (request, reply) => reply.code(201).send(await issueRectification(db, await requireRegulator(db, request), request.body)),
    )

    app.get(
      '/staff/rectifications',
      {
        schema: {
          summary: '本机构收到的整改通知（待整改、被退回的在前）',
          tags: ['staff'],
          querystring: pageQuerySchema(),
          response: { 200: RectificationNoticeListSchema, ...errors },
        },
      },
      async (request) => noticesOfMyInstitution(db, photos, await requireInstitutionStaff(db, request), request.query),
    )

    app.post(
      '/staff/rectifications/:id/report',
      {
        schema: {
          summary: '报告整改完成（说明和照片）',
          tags: ['staff'],
          params: RecordIdParamsSchema,
          body: RectificationReportBodySchema,
          response: { 200: RectificationNoticeSchema, ...errors },
        },
      },
      async (request) => reportRectification(db, photos, await requireInstitutionStaff(db, request), request.params.id, request.body),
    )

    app.post(
      '/staff/rectifications/:id/accept',
      { schema: { summary: '核验通过（记为已整改）', tags: ['staff'], params: RecordIdParamsSchema, body: RectificationAcceptBodySchema, response: { 200: RectificationNoticeSchema, ...errors } } },
      async (request) =>
        verifyRectification(db, photos, await requireRegulator(db, request), request.params.id, { step: 'accept', note: request.body?.note ?? null }),
    )

    app.post(
      '/staff/rectifications/:id/return',
      { schema: { summary: '退回整改报告（填写理由，机构可见）', tags: ['staff'], params: RecordIdParamsSchema, body: RectificationReturnBodySchema, response: { 200: RectificationNoticeSchema, ...errors } } },
      async (request) => verifyRectification(db, photos, await requireRegulator(db, request), request.params.id, { step: 'return', reason: request.body.reason }),
    )
  }
}
