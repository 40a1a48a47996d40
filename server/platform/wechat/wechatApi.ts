/*
 * One call to WeChat's server API. WeChat answers HTTP 200 with {errcode, errmsg} for
 * its own errors (sometimes as text/plain), so the body decides, not the status.
 */

/** WeChat's server API, used when WECHAT_API_BASE does not point elsewhere. */
export const WECHAT_OFFICIAL_API_BASE = 'https://api.weixin.qq.com'

/** WeChat's errcodes that our code reacts to (developers.weixin.qq.com, 服务端 API 错误码). */
export const WECHAT_ERRCODE = {
  SYSTEM_BUSY: -1,
  INVALID_ACCESS_TOKEN: 40001,
  INVALID_CODE: 40029,
  RISKY_USER: 40226,
  ACCESS_TOKEN_EXPIRED: 42001,
  NO_SUBSCRIPTION: 43101,
  RATE_LIMITED: 45011,
} as const

/** WeChat answered with a non-zero errcode. */
export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly api: string,
  ) {
    super(`WeChat ${api} errcode ${errcode}: ${errmsg}`)
    this.name = 'WechatError'
  }

  /** Worth trying again later: WeChat busy or rate limiting. */
  get transient(): boolean {
    return this.errcode === WECHAT_ERRCODE.SYSTEM_BUSY || this.errcode === WECHAT_ERRCODE.RATE_LIMITED
  }
}

/** WeChat could not be reached, timed out or answered something that is not its JSON. */
export class WechatUnavailableError extends Error {
  readonly transient = true

  constructor(
    readonly api: string,
    cause: unknown,
  ) {
    super(`WeChat ${api} unavailable: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'WechatUnavailableError'
  }
}

export interface WechatHttp {
  apiBase: string
  timeoutMs: number
}

export interface WechatCall {
  /** The path, e.g. /sns/jscode2session; also names the API in errors. */
  path: string
  query?: Record<string, string>
  /** A JSON body makes it a POST. */
  body?: unknown
}

/** Calls WeChat and returns its answer when errcode is absent or 0; throws otherwise. */
export async function callWechat<Answer>(http: WechatHttp, call: WechatCall): Promise<Answer> {
  const url = new URL(call.path, http.apiBase.endsWith('/') ? http.apiBase : `${http.apiBase}/`)
  url.pathname = url.pathname.replace(/\/{2,}/g, '/')
  for (const [name, value] of Object.entries(call.query ?? {})) url.searchParams.set(name, value)
  let text: string
  try {
    const response = await fetch(url, {
      method: call.body === undefined ? 'GET' : 'POST',
      headers: call.body === undefined ? undefined : { 'content-type': 'application/json' },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(http.timeoutMs),
    })
    text = await response.text()
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
  } catch (error) {
    throw new WechatUnavailableError(call.path, error)
  }
  let answer: { errcode?: number; errmsg?: string }
  try {
    answer = JSON.parse(text) as { errcode?: number; errmsg?: string }
  } catch (error) {
    throw new WechatUnavailableError(call.path, error)
  }
  if (typeof answer.errcode === 'number' && answer.errcode !== 0) {
    throw new WechatError(answer.errcode, answer.errmsg ?? '', call.path)
  }
  return answer as Answer
}
