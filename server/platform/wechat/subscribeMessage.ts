import { AccessTokenCache, withAccessToken } from './accessToken'
import { callWechat, WechatHttp } from './wechatApi'

export interface SubscribeMessage {
  openid: string
  templateId: string
  /** The mini-program page the message opens, e.g. "packages/booking/pages/detail/index?id=…". */
  page?: string
  /** Template fields by key (thing1, time2, …); WeChat limits thing.* to 20 characters. */
  data: Record<string, string>
}

/**
 * Sends one subscribe message (订阅消息, subscribeMessage.send). 43101 means the user has
 * no acceptance left for the template; the caller decides what that means.
 */
export async function sendSubscribeMessage(http: WechatHttp, tokens: AccessTokenCache, message: SubscribeMessage, miniprogramState: 'developer' | 'trial' | 'formal' = 'formal'): Promise<void> {
  await withAccessToken(tokens, (accessToken) =>
    callWechat(http, {
      path: '/cgi-bin/message/subscribe/send',
      query: { access_token: accessToken },
      body: {
        touser: message.openid,
        template_id: message.templateId,
        page: message.page,
        data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
        miniprogram_state: miniprogramState,
        lang: 'zh_CN',
      },
    }),
  )
}
