import { WechatCredentials } from './code2Session'
import { callWechat, WechatHttp } from './wechatApi'

/** Renew this long before WeChat's stated expiry, so a token never dies mid-request. */
const RENEW_EARLY_MS = 5 * 60 * 1000

/**
 * The app's access_token, from /cgi-bin/stable_token (which, unlike /cgi-bin/token, does
 * not invalidate the token other servers hold), cached until shortly before it expires.
 * Concurrent callers share one request.
 */
export class AccessTokenCache {
  private token: { value: string; renewAt: number } | undefined
  private pending: Promise<string> | undefined

  constructor(
    private readonly http: WechatHttp,
    private readonly credentials: WechatCredentials,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.token && this.now() < this.token.renewAt) return this.token.value
    return this.fetch(false)
  }

  /** After WeChat said the token is invalid or expired (40001/42001): a new one, forced. */
  async refresh(staleToken: string): Promise<string> {
    // Another caller may have refreshed already.
    if (this.token && this.token.value !== staleToken && this.now() < this.token.renewAt) return this.token.value
    this.token = undefined
    return this.fetch(true)
  }

  private fetch(force: boolean): Promise<string> {
    this.pending ??= (async () => {
      try {
        const answer = await callWechat<{ access_token: string; expires_in: number }>(this.http, {
          path: '/cgi-bin/stable_token',
          body: { grant_type: 'client_credential', appid: this.credentials.appId, secret: this.credentials.appSecret ?? '', force_refresh: force },
        })
        this.token = { value: answer.access_token, renewAt: this.now() + answer.expires_in * 1000 - RENEW_EARLY_MS }
        return answer.access_token
      } finally {
        this.pending = undefined
      }
    })()
    return this.pending
  }
}

/** Runs a call with the access token; on 40001/42001 gets a new token and tries once more. */
export async function withAccessToken<T>(tokens: AccessTokenCache, call: (token: string) => Promise<T>): Promise<T> {
  const token = await tokens.get()
  try {
    return await call(token)
  } catch (error) {
    const errcode = (error as { errcode?: number }).errcode
    if (errcode !== 40001 && errcode !== 42001) throw error
    return call(await tokens.refresh(token))
  }
}
