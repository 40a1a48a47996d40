import { DEFAULT_ERROR_MESSAGES, ERROR_STATUS, ErrorBody, ErrorCode } from '@domain/errors'

/**
 * A failure a person can act on, thrown by services and turned into docs/api.md's error
 * shape by the error handler. `fields` are keyed like "query.cursor".
 */
export class ApiError extends Error {
  readonly status: number

  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_ERROR_MESSAGES[code],
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'ApiError'
    this.status = ERROR_STATUS[code]
  }

  toBody(): ErrorBody {
    return errorBody(this.code, this.message, this.fields)
  }
}

export function errorBody(code: ErrorCode, message: string = DEFAULT_ERROR_MESSAGES[code], fields?: Record<string, string>): ErrorBody {
  return fields && Object.keys(fields).length > 0 ? { error: { code, message, fields } } : { error: { code, message } }
}

export function notFound(message: string = DEFAULT_ERROR_MESSAGES.NOT_FOUND): ApiError {
  return new ApiError('NOT_FOUND', message)
}
