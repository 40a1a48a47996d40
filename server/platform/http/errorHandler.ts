import type { Socket } from 'node:net'
import { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { DEFAULT_ERROR_MESSAGES, ErrorCode } from '@domain/errors'
import { ApiError, errorBody } from './apiError'
import { validationFields } from './validationFields'

// zod's own messages (wrong type, too short…) in Chinese like ours: set once, wherever
// errors are answered. Validation messages reach a parent, so they must be readable.
z.config(z.locales.zhCN())

/** Messages for malformed requests that never reach a schema (Fastify's own 4xx). */
const REQUEST_PROBLEMS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: '提交的内容太大',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: '不支持这种提交格式，请以 JSON 格式提交',
  FST_ERR_CTP_INVALID_JSON_BODY: '提交的内容不是有效的 JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: '提交的 JSON 内容为空',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: '请求长度与内容不一致',
}

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'RATE_LIMITED',
}

/**
 * Every failure leaves in docs/api.md's shape {error: {code, message, fields}}. Bad input of
 * any kind is a 400 VALIDATION; a 500 INTERNAL means a bug, is logged, and says nothing
 * about the internals.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      return reply.status(error.status).send(error.toBody())
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = validationFields(error.validation, error.validationContext)
      const first = Object.values(fields)[0] ?? DEFAULT_ERROR_MESSAGES.VALIDATION
      return reply.status(400).send(errorBody('VALIDATION', first, fields))
    }
    if (isResponseSerializationError(error)) {
      // Where and how the answer was wrong, never the values (logRedaction.ts).
      const issues = error.cause.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code }))
      request.log.error({ err: error, issues }, 'response did not match its schema')
      return reply.status(500).send(errorBody('INTERNAL'))
    }
    const status = error.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const code = CODE_OF_STATUS[status] ?? 'VALIDATION'
      const message = (error.code && REQUEST_PROBLEMS[error.code]) || (code === 'VALIDATION' ? '请求格式不正确' : DEFAULT_ERROR_MESSAGES[code])
      return reply.status(code === 'VALIDATION' ? 400 : status).send(errorBody(code, message))
    }
    // The route pattern and method, never the URL's values (docs/architecture.md, "Logs").
    request.log.error({ err: error, route: request.routeOptions?.url, method: request.method }, 'unexpected error')
    return reply.status(500).send(errorBody('INTERNAL'))
  })
}

/** Messages for requests the router refuses before any route sees them. */
const FRAMEWORK_PROBLEMS: Record<string, string> = {
  FST_ERR_BAD_URL: '网址中有无法识别的字符',
  FST_ERR_MAX_PARAM_LENGTH: '网址太长',
}

/**
 * Fastify's `frameworkErrors`: a malformed URL (broken %-escapes, invalid UTF-8) or an
 * over-long path parameter is refused by the router in Fastify's own shape; this puts
 * it in ours, as 400 VALIDATION.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const message = (error.code && FRAMEWORK_PROBLEMS[error.code]) || '请求格式不正确'
  void reply.status(400).send(errorBody('VALIDATION', message))
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refuses oversized headers (431)
 * and garbage before any Fastify code runs; the answer still has API.md's shape.
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy()
    return
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW'
  const status = tooLarge ? 431 : 400
  const body = JSON.stringify(errorBody('VALIDATION', tooLarge ? '请求头太大' : '请求格式不正确'))
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}
