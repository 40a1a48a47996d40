import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { ConsentBodySchema, ConsentSchema, SessionUserSchema } from '@domain/account'
import { ErrorBodySchema } from '@domain/errors'
import { SubscriptionBodySchema } from '@domain/myBookings'
import { Database } from '../../platform/db/database'
import { requireViewer } from './authentication'
import { acceptSubscriptions, giveConsent, myAccount } from './myAccount'

const SubscriptionCountSchema = z.object({
  kind: z.enum(['visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert']),
  remaining: z.number().int(),
})

const MyAccountSchema = z.object({
  user: SessionUserSchema.extend({ regulatorDistrictCode: z.string().nullable(), wechat: z.boolean() }),
  consents: z.array(ConsentSchema),
  subscriptions: z.array(SubscriptionCountSchema),
})

/** The signed-in user's own account: profile, consents, subscribe-message acceptances. */
export function meRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/me',
      {
        schema: {
          summary: '我的账号：用户信息、已同意的协议与订阅提醒',
          tags: ['me'],
          response: { 200: MyAccountSchema, 401: ErrorBodySchema },
        },
      },
      async (request) => myAccount(db, await requireViewer(db, request)),
    )

    app.post(
      '/me/consents',
      {
        schema: {
          summary: '记录同意（隐私保护指引、儿童信息单独同意）及其版本',
          tags: ['me'],
          body: ConsentBodySchema,
          response: { 201: z.object({ consents: z.array(ConsentSchema) }), 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(db, request)
        return reply.code(201).send({ consents: await giveConsent(db, viewer, request.body) })
      },
    )

    app.post(
      '/me/subscriptions',
      {
        schema: {
          summary: '记录家长刚同意的订阅消息（每次同意可发送一条）',
          tags: ['me'],
          body: SubscriptionBodySchema,
          response: { 200: z.object({ subscriptions: z.array(SubscriptionCountSchema) }), 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => ({ subscriptions: await acceptSubscriptions(db, await requireViewer(db, request), request.body) }),
    )
  }
}
