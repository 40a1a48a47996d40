import { DEFAULT_ERROR_MESSAGES, ErrorCode } from '@domain/errors'

/**
 * A failed call as the app shows it: the server's error code and its Chinese message,
 * or one of the app's own codes when the server was never reached or answered nonsense.
 */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE'

export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode | string,
    message: string,
    readonly status: number | null,
    readonly fields: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export const CLIENT_ERROR_MESSAGES: Record<'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE', string> = {
  NETWORK: '网络不太好，请检查网络后重试',
  TIMEOUT: '网络太慢，请求超时了，请稍后重试',
  BAD_RESPONSE: '服务返回的数据有误，请稍后重试',
}

/** The default message for an HTTP status when the body did not carry one. */
export function messageForStatus(status: number): string {
  const byStatus: Array<[number, ErrorCode]> = [
    [400, 'VALIDATION'],
    [401, 'UNAUTHORIZED'],
    [403, 'FORBIDDEN'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [422, 'AGE_NOT_ACCEPTED'],
    [429, 'RATE_LIMITED'],
  ]
  const code = byStatus.find(([s]) => s === status)?.[1] ?? 'INTERNAL'
  return DEFAULT_ERROR_MESSAGES[code]
}

/** A message for anything thrown, so error states never show a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return CLIENT_ERROR_MESSAGES.NETWORK
}
