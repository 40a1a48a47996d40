import crypto from 'node:crypto'
import http from 'node:http'
import { AddressInfo } from 'node:net'

/*
 * A stand-in for WeChat's server APIs (api.weixin.qq.com), for tests and the local demo:
 * a real HTTP server on 127.0.0.1 that behaves like WeChat where our code depends on it.
 *
 * Login codes (wx.login): a code is "<user>" or "<user>.<anything>"; the openid is
 * derived from the user part, so two codes of one user sign the same person in. Each
 * code works once and for 5 minutes after it was first seen or issued (login()).
 * Prefixes answer WeChat's errors: "invalid-…" 40029, "ratelimit-…" 45011, "risky-…"
 * 40226. Subscribe messages are recorded (sent(), GET /__sent); refuseSubscriptions()
 * makes sending answer 43101. msg_sec_check answers "risky" for a configured word.
 */

export const CODE_TTL_MS = 5 * 60 * 1000
const ACCESS_TOKEN_TTL_S = 7200

export interface FakeWechatOptions {
  /** When set, requests must carry this appid (else 40013). */
  appId?: string
  /** When set, requests must carry this secret (else 40125). */
  appSecret?: string
  /** msg_sec_check answers suggest "risky" for text containing any of these. */
  riskyWords?: string[]
  /** The fake's clock, so tests can let codes and tokens expire. */
  now?: () => number
}

export interface FakeSubscribeMessage {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
  miniprogram_state?: string
  lang?: string
  sentAt: string
}

export interface FakeWechat {
  /** Base URL to give the adapters, e.g. http://127.0.0.1:40123 */
  readonly url: string
  /** Issues a login code for a user, like wx.login on that user's phone. */
  login(user: string): string
  /** The openid WeChat gives this user (stable across sign-ins). */
  openidOf(user: string): string
  /** Every subscribe message accepted so far, oldest first. */
  sent(): FakeSubscribeMessage[]
  /** Answer 43101 for messages to this openid, or to everyone when omitted. */
  refuseSubscriptions(openid?: string): void
  /** Answer the next n sends with a transient system error (-1). */
  failNextSends(n: number): void
  /** While on, code2Session answers 45011 (rate limited) for every code. */
  rateLimit(on: boolean): void
  /** Makes every access token issued so far expired (42001), as after 2 hours. */
  expireAccessTokens(): void
  /** How many access tokens were issued (to test caching). */
  accessTokensIssued(): number
  /** Moves the fake's clock forward (codes and tokens expire). */
  advance(ms: number): void
  reset(): void
  close(): Promise<void>
}

interface WechatAnswer {
  errcode?: number
  errmsg?: string
  [field: string]: unknown
}

const ERRORS: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40037: 'invalid template_id',
  40125: 'invalid appsecret',
  40226: 'high risk user',
  41001: 'access_token missing',
  42001: 'access_token expired',
  43101: 'user refuse to accept the msg',
  44002: 'empty post data',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
}

function failure(errcode: number): WechatAnswer {
  return { errcode, errmsg: `${ERRORS[errcode] ?? 'error'} rid: ${crypto.randomBytes(6).toString('hex')}` }
}

export async function startFakeWechat(options: FakeWechatOptions = {}): Promise<FakeWechat> {
  let offsetMs = 0
  const now = () => (options.now ?? Date.now)() + offsetMs
  const riskyWords = options.riskyWords ?? ['违禁词']

  let codes = new Map<string, { issuedAt: number; used: boolean }>()
  let tokens = new Map<string, number>() // token → expires at (ms)
  let tokensIssued = 0
  let messages: FakeSubscribeMessage[] = []
  let refused = new Set<string>()
  let refuseAll = false
  let failingSends = 0
  let rateLimited = false

  const openidOf = (user: string) => 'o' + crypto.createHash('sha256').update(`${options.appId ?? ''}:${user}`).digest('base64url').slice(0, 27)
  const knownOpenids = new Set<string>()

  function credentialsProblem(appid: unknown, secret: unknown): WechatAnswer | undefined {
    if (options.appId !== undefined && appid !== options.appId) return failure(40013)
    if (options.appSecret !== undefined && secret !== options.appSecret) return failure(40125)
    return undefined
  }

  function code2Session(query: URLSearchParams): WechatAnswer {
    const problem = credentialsProblem(query.get('appid'), query.get('secret'))
    if (problem) return problem
    const code = query.get('js_code') ?? ''
    if (query.get('grant_type') !== 'authorization_code' || code === '') return failure(40029)
    if (rateLimited || code.startsWith('ratelimit-')) return failure(45011)
    if (code.startsWith('invalid-')) return failure(40029)
    if (code.startsWith('risky-')) return failure(40226)
    const seen = codes.get(code) ?? { issuedAt: now(), used: false }
    if (seen.used || now() - seen.issuedAt > CODE_TTL_MS) return failure(40029)
    codes.set(code, { ...seen, used: true })
    const openid = openidOf(code.split('.')[0])
    knownOpenids.add(openid)
    return { openid, session_key: crypto.randomBytes(16).toString('base64') }
  }

  function issueAccessToken(appid: unknown, secret: unknown): WechatAnswer {
    const problem = credentialsProblem(appid, secret)
    if (problem) return problem
    const token = `fake-token-${crypto.randomBytes(24).toString('base64url')}`
    tokens.set(token, now() + ACCESS_TOKEN_TTL_S * 1000)
    tokensIssued++
    return { access_token: token, expires_in: ACCESS_TOKEN_TTL_S }
  }

  function tokenProblem(query: URLSearchParams): WechatAnswer | undefined {
    const token = query.get('access_token')
    if (!token) return failure(41001)
    const expiresAt = tokens.get(token)
    if (expiresAt === undefined) return failure(40001)
    if (expiresAt <= now()) return failure(42001)
    return undefined
  }

  function subscribeSend(query: URLSearchParams, body: Record<string, unknown> | undefined): WechatAnswer {
    const problem = tokenProblem(query)
    if (problem) return problem
    if (!body) return failure(44002)
    const touser = typeof body.touser === 'string' ? body.touser : ''
    if (!knownOpenids.has(touser)) return failure(40003)
    if (typeof body.template_id !== 'string' || body.template_id === '') return failure(40037)
    if (typeof body.data !== 'object' || body.data === null) return failure(47001)
    if (failingSends > 0) {
      failingSends--
      return failure(-1)
    }
    if (refuseAll || refused.has(touser)) return failure(43101)
    messages.push({ ...(body as Omit<FakeSubscribeMessage, 'sentAt'>), touser, sentAt: new Date(now()).toISOString() })
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() * 1000 + messages.length }
  }

  function msgSecCheck(query: URLSearchParams, body: Record<string, unknown> | undefined): WechatAnswer {
    const problem = tokenProblem(query)
    if (problem) return problem
    if (!body) return failure(44002)
    const content = body.content
    if (body.version !== 2 || typeof content !== 'string' || typeof body.openid !== 'string' || body.openid === '' || ![1, 2, 3, 4].includes(body.scene as number)) {
      return failure(47001)
    }
    const word = riskyWords.find((w) => content.includes(w))
    const result = word ? { suggest: 'risky', label: 20001 } : { suggest: 'pass', label: 100 }
    return {
      errcode: 0,
      errmsg: 'ok',
      result,
      detail: [{ strategy: 'content_model', errcode: 0, ...result, ...(word ? { keyword: word, prob: 90 } : { prob: 0 }) }],
      trace_id: crypto.randomBytes(8).toString('hex'),
    }
  }

  function route(method: string, url: URL, body: Record<string, unknown> | undefined): { status: number; answer: unknown; textPlain?: boolean } {
    const q = url.searchParams
    switch (`${method} ${url.pathname}`) {
      // WeChat answers code2Session as text/plain; the adapter must not rely on the type.
      case 'GET /sns/jscode2session':
        return { status: 200, answer: code2Session(q), textPlain: true }
      case 'GET /cgi-bin/token':
        return q.get('grant_type') === 'client_credential' ? { status: 200, answer: issueAccessToken(q.get('appid'), q.get('secret')) } : { status: 200, answer: failure(47001) }
      case 'POST /cgi-bin/stable_token':
        return body?.grant_type === 'client_credential' ? { status: 200, answer: issueAccessToken(body.appid, body.secret) } : { status: 200, answer: failure(47001) }
      case 'POST /cgi-bin/message/subscribe/send':
        return { status: 200, answer: subscribeSend(q, body) }
      case 'POST /wxa/msg_sec_check':
        return { status: 200, answer: msgSecCheck(q, body) }
      // Inspection, for the demo and for tests in another process.
      case 'GET /__sent':
        return { status: 200, answer: { items: messages } }
      case 'POST /__login':
        return { status: 200, answer: { code: login(q.get('user') ?? 'demo') } }
      default:
        return { status: 404, answer: { errcode: 404, errmsg: 'not found' } }
    }
  }

  function login(user: string): string {
    const code = `${user}.${crypto.randomBytes(8).toString('hex')}`
    codes.set(code, { issuedAt: now(), used: false })
    return code
  }

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      let body: Record<string, unknown> | undefined
      const raw = Buffer.concat(chunks).toString('utf8')
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : undefined
      } catch {
        body = undefined
      }
      const { status, answer, textPlain } = route(request.method ?? 'GET', new URL(request.url ?? '/', 'http://fake'), body)
      response.writeHead(status, { 'content-type': textPlain ? 'text/plain' : 'application/json; charset=utf-8' })
      response.end(JSON.stringify(answer))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    login,
    openidOf,
    sent: () => [...messages],
    refuseSubscriptions(openid) {
      if (openid === undefined) refuseAll = true
      else refused.add(openid)
    },
    failNextSends(n) {
      failingSends = n
    },
    rateLimit(on) {
      rateLimited = on
    },
    expireAccessTokens() {
      for (const token of tokens.keys()) tokens.set(token, now())
    },
    accessTokensIssued: () => tokensIssued,
    advance(ms) {
      offsetMs += ms
    },
    reset() {
      codes = new Map()
      tokens = new Map()
      tokensIssued = 0
      messages = []
      refused = new Set()
      refuseAll = false
      failingSends = 0
      rateLimited = false
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
