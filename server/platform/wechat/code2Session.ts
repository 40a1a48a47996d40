import { callWechat, WechatHttp } from './wechatApi'

export interface WechatCredentials {
  appId: string
  /** May be absent only for the fake WeChat server. */
  appSecret?: string
}

export interface WechatLogin {
  openid: string
  unionid?: string
  /** Secret: stored in users.wechat_session_key, never sent or logged. */
  sessionKey: string
}

/**
 * Exchanges a wx.login code for the user's openid and session_key (小程序登录,
 * auth.code2Session). Codes are single-use and valid 5 minutes: 40029 means the code is
 * bad, used or expired; 45011 rate limited; 40226 a high-risk user WeChat blocks.
 */
export async function code2Session(http: WechatHttp, credentials: WechatCredentials, code: string): Promise<WechatLogin> {
  const answer = await callWechat<{ openid?: string; unionid?: string; session_key?: string }>(http, {
    path: '/sns/jscode2session',
    query: { appid: credentials.appId, secret: credentials.appSecret ?? '', js_code: code, grant_type: 'authorization_code' },
  })
  if (!answer.openid || !answer.session_key) throw new Error('WeChat code2Session answered without openid or session_key')
  return { openid: answer.openid, unionid: answer.unionid, sessionKey: answer.session_key }
}
