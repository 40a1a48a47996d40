import Taro from '@tarojs/taro'
import { z } from 'zod'
import { API_BASE_URL } from './baseUrl'
import { takeEarlyAnswer } from './earlySearch'
import { buildUrl, readResponse, requestHeaders, transportError } from './http'
import { sessionToken, signedOutByServer } from '../store/session'

/** Slow networks are common for our parents, but 15 s is as long as anyone waits. */
export const REQUEST_TIMEOUT_MS = 15_000

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'

export interface RequestOptions {
  params?: ReadonlyArray<readonly [string, string]>
  body?: unknown
  /** Send the stored session's bearer token (signed-in routes). */
  auth?: boolean
  /** POST /bookings: one key per confirm tap, the same key again on a retry of that tap. */
  idempotencyKey?: string
}

/**
 * One call to the API, validated with a domain schema. A 401 on a signed-in call drops
 * the stored session (it expired or was revoked), so the app asks the parent to sign in.
 */
export async function requestJson<T>(method: HttpMethod, path: string, schema: z.ZodType<T>, options: RequestOptions = {}): Promise<T> {
  const token = options.auth ? sessionToken() : null
  // WeChat's request sends Content-Type: application/json by default, and Fastify refuses
  // an empty JSON body: every POST and DELETE carries at least {}.
  const body = method === 'GET' ? undefined : (options.body ?? {})
  const url = buildUrl(API_BASE_URL, path, options.params ?? [])
  // H5: the first search may already be on its way from index.html (earlySearch.ts).
  const early = process.env.TARO_ENV === 'h5' && method === 'GET' && token === null ? await takeEarlyAnswer(url) : undefined
  if (early) return readResponse(early.status, parseBody(early.body), schema)
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject | ArrayBuffer>
  try {
    response = await Taro.request({
      url,
      method,
      header: requestHeaders({ token, idempotencyKey: options.idempotencyKey, hasBody: body !== undefined }),
      data: body === undefined ? undefined : JSON.stringify(body),
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    })
  } catch (failure) {
    throw transportError(failure)
  }
  if (response.statusCode === 401 && options.auth) signedOutByServer()
  return readResponse(response.statusCode, parseBody(response.data), schema)
}

/** GET a path and validate the answer with a domain schema. */
export function getJson<T>(path: string, schema: z.ZodType<T>, params: ReadonlyArray<readonly [string, string]> = []): Promise<T> {
  return requestJson('GET', path, schema, { params })
}

/** An answer with no body (204): anything 2xx is fine. */
export const NoContentSchema: z.ZodType<void> = z.unknown().transform(() => undefined)

/** H5 hands back text when the server did not send JSON; treat that as no body. */
function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data
  if (data === '') return undefined
  try {
    return JSON.parse(data)
  } catch {
    return undefined
  }
}
