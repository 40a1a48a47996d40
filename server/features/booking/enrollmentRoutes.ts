import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { EnrollmentCreateBodySchema, EnrollmentSchema } from '@domain/enrollment'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { EmptyBodySchema } from '@domain/emptyBody'
import { requireViewer } from '../accounts/authentication'
import { applyForEnrollment, getMyEnrollment, withdrawMyEnrollment } from './enrollments'
import { safeText } from '@domain/safeText'
import { KeyRing } from '../../platform/crypto/fieldCipher'

export const EnrollmentIdParamsSchema = z.object({
  id: safeText().trim().min(1, '申请编号不能为空').max(100, '申请编号太长'),
})

/** A parent's enrollment applications (入托申请) with their live waitlist position. */
export function enrollmentRoutes(db: Database, keyRing: KeyRing): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/enrollments',
      {
        schema: {
          summary: '提交入托申请（有空位为待审核，否则进入候补）',
          tags: ['enrollments'],
          body: EnrollmentCreateBodySchema,
          response: { 201: EnrollmentSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(db, request)
        return reply.code(201).send(await applyForEnrollment(db, keyRing, viewer, request.body))
      },
    )

    app.get(
      '/enrollments/:id',
      {
        schema: {
          summary: '入托申请详情（含当前候补位次）',
          tags: ['enrollments'],
          params: EnrollmentIdParamsSchema,
          response: { 200: EnrollmentSchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => getMyEnrollment(db, keyRing, await requireViewer(db, request), request.params.id),
    )

    app.post(
      '/enrollments/:id/withdraw',
      {
        schema: {
          summary: '撤回入托申请',
          tags: ['enrollments'],
          params: EnrollmentIdParamsSchema,
          body: EmptyBodySchema,
          response: { 200: EnrollmentSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
        },
      },
      async (request) => withdrawMyEnrollment(db, keyRing, await requireViewer(db, request), request.params.id),
    )
  }
}
