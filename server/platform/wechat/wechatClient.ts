import { AccessTokenCache } from './accessToken'
import { code2Session, WechatCredentials, WechatLogin } from './code2Session'
import { msgSecCheck, MsgSecScene, MsgSecVerdict } from './msgSecCheck'
import { sendSubscribeMessage, SubscribeMessage } from './subscribeMessage'
import { WECHAT_OFFICIAL_API_BASE, WechatHttp } from './wechatApi'

/** WeChat's server APIs as the rest of the server uses them. */
export interface WechatClient {
  code2Session(code: string): Promise<WechatLogin>
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>
  msgSecCheck(check: { openid: string; content: string; scene: MsgSecScene }): Promise<MsgSecVerdict>
}

export interface WechatClientOptions {
  /** Default: WeChat itself. Tests and the demo point it at the fake server. */
  apiBase?: string
  /** Default: a placeholder the fake server accepts. */
  appId?: string
  appSecret?: string
  /** Per request; WeChat itself allows a request 60 s, a sign-in should not wait that long. */
  timeoutMs?: number
}

export const DEMO_WECHAT_APP_ID = 'wx-demo-app-id'
const DEFAULT_TIMEOUT_MS = 5000

export function createWechatClient(options: WechatClientOptions = {}): WechatClient {
  const http: WechatHttp = { apiBase: options.apiBase ?? WECHAT_OFFICIAL_API_BASE, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS }
  const credentials: WechatCredentials = { appId: options.appId ?? DEMO_WECHAT_APP_ID, appSecret: options.appSecret }
  const tokens = new AccessTokenCache(http, credentials)
  return {
    code2Session: (code) => code2Session(http, credentials, code),
    sendSubscribeMessage: (message) => sendSubscribeMessage(http, tokens, message),
    msgSecCheck: (check) => msgSecCheck(http, tokens, check),
  }
}
