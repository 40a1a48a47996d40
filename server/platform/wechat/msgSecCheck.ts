import { AccessTokenCache, withAccessToken } from './accessToken'
import { callWechat, WechatHttp } from './wechatApi'

/** WeChat's limit on the text of one check. */
export const MSG_SEC_CHECK_MAX_CHARS = 2500

/** Where the text appears (msgSecCheck v2 scene): 1 profile, 2 comment, 3 forum, 4 social log. */
export type MsgSecScene = 1 | 2 | 3 | 4

export interface MsgSecVerdict {
  /** pass: show it; review: hold for a person; risky: refuse. */
  suggest: 'pass' | 'review' | 'risky'
  /** WeChat's label (100 normal, 20001 politics, 20002 porn, …). */
  label: number
  traceId?: string
}

/**
 * Content security check of user text (security.msgSecCheck, version 2). Needs the
 * author's openid (a user who used the app in the last 2 hours) and at most 2,500
 * characters; decide on `suggest`.
 */
export async function msgSecCheck(http: WechatHttp, tokens: AccessTokenCache, check: { openid: string; content: string; scene: MsgSecScene }): Promise<MsgSecVerdict> {
  if (check.content.length > MSG_SEC_CHECK_MAX_CHARS) throw new RangeError(`msgSecCheck takes at most ${MSG_SEC_CHECK_MAX_CHARS} characters`)
  const answer = await withAccessToken(tokens, (accessToken) =>
    callWechat<{ result: { suggest: MsgSecVerdict['suggest']; label: number }; trace_id?: string }>(http, {
      path: '/wxa/msg_sec_check',
      query: { access_token: accessToken },
      body: { content: check.content, version: 2, scene: check.scene, openid: check.openid },
    }),
  )
  return { suggest: answer.result.suggest, label: answer.result.label, traceId: answer.trace_id }
}
