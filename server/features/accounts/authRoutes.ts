import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DemoSignInBodySchema, SessionSchema, WechatSignInBodySchema } from '@domain/account'
import { ErrorBodySchema } from '@domain/errors'
import { DemoAccountSchema } from '@domain/staffAccess'
import { ApiError } from '../../platform/http/apiError'
import { demoAccounts } from './demoAccounts'
import { Database } from '../../platform/db/database'
import { requireViewer } from './authentication'
import { perIpLimit } from '../../platform/http/rateLimit'
import { signInForDemo, SignInSettings, signInWithWechat, signOut } from './signIn'
import { WechatClient } from '../../platform/wechat/wechatClient'

export interface AuthRouteSettings extends SignInSettings {
  signInRateLimitPerMinute: number
}

/** Sign-in (docs/api.md "Sign-in and the account"): WeChat, demo, and sign-out. */
export function authRoutes(db: Database, wechat: WechatClient, settings: AuthRouteSettings): FastifyPluginAsyncZod {
  return async (app) => {
    // One allowance per client for every way of signing in (demo and WeChat alike).
    const limited = perIpLimit(settings.signInRateLimitPerMinute, 60_000, 'sign-in')

    app.post(
      '/auth/wechat',
      {
        config: limited,
        schema: {
          summary: '微信登录：用 wx.login 的 code 换取登录凭证',
          tags: ['auth'],
          body: WechatSignInBodySchema,
          response: { 200: SessionSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 429: ErrorBodySchema, 503: ErrorBodySchema },
        },
      },
      async (request) => signInWithWechat(db, wechat, settings, request.body.code),
    )

    app.post(
      '/auth/demo',
      {
        config: limited,
        schema: {
          summary: '演示登录（仅演示环境和测试开启）',
          tags: ['auth'],
          body: DemoSignInBodySchema,
          response: { 200: SessionSchema, 400: ErrorBodySchema, 404: ErrorBodySchema, 429: ErrorBodySchema },
        },
      },
      async (request) => signInForDemo(db, settings, request.body),
    )

    app.get(
      '/auth/demo/accounts',
      {
        schema: {
          summary: '演示账号（仅演示模式）：演示数据里的监管人员和机构人员',
          tags: ['auth'],
          response: { 200: z.object({ items: z.array(DemoAccountSchema), nextCursor: z.null() }), 404: ErrorBodySchema },
        },
      },
      async () => {
        if (!settings.demoLogin) throw new ApiError('NOT_FOUND')
        return { items: await demoAccounts(db), nextCursor: null }
      },
    )

    app.post(
      '/auth/signout',
      {
        schema: {
          summary: '退出登录：当前登录凭证立即失效',
          tags: ['auth'],
          response: { 204: z.null().describe('已退出'), 401: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        await requireViewer(db, request)
        await signOut(db, (request.headers.authorization ?? '').replace(/^Bearer /, ''))
        return reply.code(204).send(null)
      },
    )
  }
}
