import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { childCreateBodySchema, ChildSchema } from '@domain/child'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { requireViewer } from '../accounts/authentication'
import { addChild, myChild, myChildren, removeChild } from './children'
import { safeText } from '@domain/safeText'

const ChildIdParamsSchema = z.object({
  id: safeText().trim().min(1, '孩子编号不能为空').max(100, '孩子编号太长'),
})

/** A parent's children (docs/api.md "Booking", /me/children): only a nickname and a birth or due date. */
export function childRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me/children',
      {
        schema: {
          summary: '我的孩子',
          tags: ['children'],
          response: { 200: z.object({ items: z.array(ChildSchema), nextCursor: z.null() }), 401: ErrorBodySchema },
        },
      },
      async (request) => ({ items: await myChildren(db, await requireViewer(db, request)), nextCursor: null }),
    )

    app.post(
      '/me/children',
      {
        schema: {
          summary: '添加孩子（需监护人单独同意）',
          tags: ['children'],
          body: childCreateBodySchema(),
          response: { 201: ChildSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(db, request)
        return reply.code(201).send(await addChild(db, viewer, request.body))
      },
    )

    app.get(
      '/me/children/:id',
      {
        schema: {
          summary: '孩子详情',
          tags: ['children'],
          params: ChildIdParamsSchema,
          response: { 200: ChildSchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => myChild(db, await requireViewer(db, request), request.params.id),
    )

    app.delete(
      '/me/children/:id',
      {
        schema: {
          summary: '删除孩子及其信息（不可恢复）',
          tags: ['children'],
          params: ChildIdParamsSchema,
          response: { 204: z.null().describe('已删除'), 401: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        await removeChild(db, await requireViewer(db, request), request.params.id)
        return reply.code(204).send(null)
      },
    )
  }
}
