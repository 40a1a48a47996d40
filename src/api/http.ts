import { z } from 'zod'
import { ErrorBodySchema } from '@domain/errors'
import { ApiError, CLIENT_ERROR_MESSAGES, messageForStatus } from './ApiError'

/*
 * The pure half of the client: building URLs and reading answers. Kept apart from
 * Taro.request so the rules can be tested in plain Node.
 */

/** base + path + query; repeated keys stay repeated (careMode=a&careMode=b). */
export function buildUrl(base: string, path: string, params: ReadonlyArray<readonly [string, string]> = []): string {
  const query = params.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&')
  const trimmedBase = base.replace(/\/+$/, '')
  return `${trimmedBase}${path}${query ? `?${query}` : ''}`
}

/**
 * Turns a status and a parsed body into the validated value, or throws an ApiError
 * carrying the server's Chinese message (docs/api.md, Conventions: the error shape).
 */
export function readResponse<T>(status: number, body: unknown, schema: z.ZodType<T>): T {
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(body)
    if (!parsed.success) throw new ApiError('BAD_RESPONSE', CLIENT_ERROR_MESSAGES.BAD_RESPONSE, status)
    return parsed.data
  }
  const error = ErrorBodySchema.safeParse(body)
  if (error.success) {
    const { code, message, fields } = error.data.error
    throw new ApiError(code, message || messageForStatus(status), status, fields ?? {})
  }
  throw new ApiError(status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE', messageForStatus(status), status)
}

export interface HeaderInputs {
  token: string | null
  idempotencyKey?: string
  hasBody: boolean
}

/** The request headers: JSON, the bearer token when signed in, the Idempotency-Key when given. */
export function requestHeaders({ token, idempotencyKey, hasBody }: HeaderInputs): Record<string, string> {
  const header: Record<string, string> = { Accept: 'application/json' }
  if (hasBody) header['Content-Type'] = 'application/json'
  if (token) header.Authorization = `Bearer ${token}`
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey
  return header
}

/** Taro.request failures carry only errMsg; a timeout says so in it. */
export function transportError(failure: unknown): ApiError {
  const errMsg = typeof failure === 'object' && failure !== null && 'errMsg' in failure ? String(failure.errMsg) : String(failure)
  if (/timeout|超时/i.test(errMsg)) return new ApiError('TIMEOUT', CLIENT_ERROR_MESSAGES.TIMEOUT, null)
  return new ApiError('NETWORK', CLIENT_ERROR_MESSAGES.NETWORK, null)
}
