import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { SessionSchema } from '@domain/account'
import { DesktopSessionSchema, LoginTicketSchema, TicketIdSchema } from '@domain/staffAccess'
import { Database } from '../../platform/db/database'
import { perIpLimit } from '../../platform/http/rateLimit'
import { requireViewer } from './authentication'
import { collectDesktopLogin, confirmDesktopLogin, endMyDesktopSession, myDesktopSessions, openLoginTicket } from './desktopLogin'
import { safeText } from '@domain/safeText'
import { errorResponses } from '../../platform/http/errorResponses'

const TicketParamsSchema = z.object({ id: TicketIdSchema })
const CollectBodySchema = z.object({ pollSecret: z.string({ error: '缺少登录凭证' }).regex(/^[A-Za-z0-9_-]{20,200}$/, '登录凭证格式不正确') })
const errors = errorResponses(400, 401, 403, 404, 429)

/** 扫码登录 of the desktop workbench (desktopLogin.ts; docs/api.md "扫码登录"). */
export function desktopLoginRoutes(db: Database, settings: { signInRateLimitPerMinute: number }): FastifyPluginAsyncZod {
  return async (app) => {
    const limited = perIpLimit(settings.signInRateLimitPerMinute)

    app.post(
      '/auth/desktop-tickets',
      { config: limited, schema: { summary: '电脑版工作台：生成扫码登录二维码', tags: ['auth'], response: { 201: LoginTicketSchema, ...errors } } },
      async (_request, reply) => reply.code(201).send(await openLoginTicket(db)),
    )

    app.post(
      '/auth/desktop-tickets/:id/confirm',
      { schema: { summary: '手机确认登录电脑版工作台', tags: ['auth'], params: TicketParamsSchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await confirmDesktopLogin(db, await requireViewer(db, request), request.params.id)
        return reply.code(204).send(null)
      },
    )

    app.post(
      '/auth/desktop-tickets/:id/collect',
      {
        schema: {
          summary: '电脑轮询：手机确认后领取登录凭证（202 表示仍在等待）',
          tags: ['auth'],
          params: TicketParamsSchema,
          body: CollectBodySchema,
          response: { 200: SessionSchema, 202: z.object({ status: z.literal('waiting') }), ...errors },
        },
      },
      async (request, reply) => {
        const session = await collectDesktopLogin(db, request.params.id, request.body.pollSecret)
        return session === null ? reply.code(202).send({ status: 'waiting' as const }) : session
      },
    )

    app.get(
      '/me/desktop-sessions',
      { schema: { summary: '我在电脑上的登录', tags: ['me'], response: { 200: z.object({ items: z.array(DesktopSessionSchema), nextCursor: z.null() }), ...errors } } },
      async (request) => ({ items: await myDesktopSessions(db, await requireViewer(db, request)), nextCursor: null }),
    )

    app.post(
      '/me/desktop-sessions/:id/end',
      { schema: { summary: '从手机上退出电脑的登录', tags: ['me'], params: z.object({ id: safeText().trim().min(1).max(100) }), response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await endMyDesktopSession(db, await requireViewer(db, request), request.params.id)
        return reply.code(204).send(null)
      },
    )
  }
}
