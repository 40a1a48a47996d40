import { DemoSignInBody, Session } from '@domain/account'
import { Database } from '../../platform/db/database'
import { revokeSession } from './sessionRepository'
import { findDemoAccountUser, insertDemoUser, upsertWechatUser } from './userRepository'
import { ApiError } from '../../platform/http/apiError'
import { openSession } from './sessions'
import { hashSessionToken } from './sessionToken'
import { WechatClient } from '../../platform/wechat/wechatClient'
import { WECHAT_ERRCODE, WechatError } from '../../platform/wechat/wechatApi'

export interface SignInSettings {
  sessionTtlDays: number
  demoLogin: boolean
}

/**
 * 微信登录: exchanges the wx.login code for the openid, finds or creates the user, and
 * issues our own session token. WeChat's session_key is stored and goes nowhere else.
 */
export async function signInWithWechat(db: Database, wechat: WechatClient, settings: SignInSettings, code: string): Promise<Session> {
  let login
  try {
    login = await wechat.code2Session(code)
  } catch (error) {
    throw signInFailure(error)
  }
  return db.transaction(async (tx) => {
    const userId = await upsertWechatUser(tx, login.openid, login.sessionKey)
    return openSession(tx, userId, settings.sessionTtlDays)
  })
}

/**
 * What a parent is told when WeChat refuses the code or cannot be reached: an outage
 * of WeChat is a 503 UNAVAILABLE to retry later, not a bug of ours (500).
 */
function signInFailure(error: unknown): Error {
  if (!(error instanceof WechatError)) return new ApiError('UNAVAILABLE', '微信登录暂时不可用，请稍后再试')
  switch (error.errcode) {
    case WECHAT_ERRCODE.INVALID_CODE:
      return new ApiError('UNAUTHORIZED', '微信登录凭证无效或已过期，请重新登录')
    case WECHAT_ERRCODE.RATE_LIMITED:
      return new ApiError('RATE_LIMITED', '登录的人太多了，请稍后再试')
    case WECHAT_ERRCODE.RISKY_USER:
      return new ApiError('FORBIDDEN', '该微信账号暂时无法登录，请稍后再试')
    default:
      return new ApiError('UNAVAILABLE', '微信登录暂时不可用，请稍后再试')
  }
}

/**
 * Demo sign-in (demo mode only): a new parent each time, or one of the demo data's
 * named staff and regulator accounts (演示账号). It never grants a role.
 */
export async function signInForDemo(db: Database, settings: SignInSettings, body: DemoSignInBody): Promise<Session> {
  if (!settings.demoLogin) throw new ApiError('NOT_FOUND')
  if (body.staffInstitutionId !== undefined || body.regulatorDistrictCode !== undefined) {
    throw new ApiError('NOT_FOUND', '演示登录不授予任何角色：请选择演示账号，或接受邀请')
  }
  return db.transaction(async (tx) => {
    if (body.demoAccount !== undefined) {
      const userId = await findDemoAccountUser(tx, body.demoAccount)
      if (userId === undefined) throw new ApiError('NOT_FOUND', '没有这个演示账号')
      return openSession(tx, userId, settings.sessionTtlDays)
    }
    const userId = await insertDemoUser(tx, body.nickname ?? null)
    return openSession(tx, userId, settings.sessionTtlDays)
  })
}

/** Ends the session of this token (the caller checked it is live). */
export async function signOut(db: Database, token: string): Promise<void> {
  await revokeSession(db, hashSessionToken(token))
}
