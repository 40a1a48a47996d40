import { FastifyInstance } from 'fastify'
import { Child } from '@domain/child'

/*
 * Signing in and adding children in tests, through the same HTTP routes the app uses.
 * `app` is either a Fastify instance (requests are injected) or the base URL of a real
 * listening server such as 'http://127.0.0.1:54321' (requests go through fetch).
 */

export type AppTarget = FastifyInstance | string

export interface TestSession {
  token: string
  userId: string
  /** Spread into a request's headers: `headers: { ...session.headers }`. */
  headers: { authorization: string }
}

export interface ChildInput {
  nickname?: string
  birthDate?: string
  dueDate?: string
}

interface Answer {
  status: number
  body: unknown
}

/** One JSON request to the app, injected or over the network. */
export async function requestJson(app: AppTarget, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  if (typeof app === 'string') {
    const response = await fetch(new URL(url, app), {
      method,
      headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    })
    const text = await response.text()
    return { status: response.status, body: text ? JSON.parse(text) : undefined }
  }
  // Serialised here, as the fetch branch does: light-my-request drops a falsy payload (0, false,
  // null, '') and sends a string as it is, so those would not be the JSON the test meant.
  const response = await app.inject({
    method: method as 'POST',
    url,
    headers: payload === undefined ? headers : { 'content-type': 'application/json', ...headers },
    ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
  })
  return { status: response.statusCode, body: response.body ? response.json() : undefined }
}

function expectStatus(answer: Answer, status: number, what: string): void {
  if (answer.status !== status) throw new Error(`${what}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`)
}

function sessionOf(body: unknown): TestSession {
  const { token, user } = body as { token: string; user: { id: string } }
  return { token, userId: user.id, headers: { authorization: `Bearer ${token}` } }
}

let parents = 0

/** A new parent signed in through demo sign-in (each call is a different user). */
export async function signInParent(app: AppTarget, nickname: string = `家长${++parents}`): Promise<TestSession> {
  const answer = await requestJson(app, 'POST', '/api/v1/auth/demo', { nickname })
  expectStatus(answer, 200, 'demo sign-in')
  return sessionOf(answer.body)
}

/** Adds a child for the signed-in parent (with guardian consent); a one-year-old by default. */
export async function addChild(app: AppTarget, session: TestSession, child: ChildInput = {}): Promise<Child> {
  const dates = child.birthDate === undefined && child.dueDate === undefined ? { birthDate: yearsAgo(1) } : { birthDate: child.birthDate, dueDate: child.dueDate }
  const answer = await requestJson(
    app,
    'POST',
    '/api/v1/me/children',
    { nickname: child.nickname ?? '小宝', ...dates, guardianConsent: true },
    session.headers,
  )
  expectStatus(answer, 201, 'add child')
  return answer.body as Child
}

/** The calendar date `years` years before today in Asia/Shanghai, as "YYYY-MM-DD". */
function yearsAgo(years: number): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000)
  shanghai.setUTCFullYear(shanghai.getUTCFullYear() - years)
  return shanghai.toISOString().slice(0, 10)
}
