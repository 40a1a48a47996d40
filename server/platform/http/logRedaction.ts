import { FastifyLoggerOptions, FastifyRequest } from 'fastify'

/*
 * The one redaction rule for what the server logs (docs/architecture.md, "Logs").
 * Logs leave the server (log shippers, support tickets), so they hold what is needed
 * to find a bug — which route, which status, what kind of error, where in the code —
 * and never what a person typed: no request body, no query or path value, no phone
 * number, name, free text or token. Everything here is an allow-list: a field that is
 * not named below is not logged, whatever a library attaches to its errors (PGlite
 * puts the SQL parameters on its errors, node-postgres a row's values in `detail`).
 */

const REDACTED = '[已隐去]'

/** Values inside an error message that may have come from a request. */
const QUOTED = /("[^"]*"|'[^']*'|«[^»]*»|“[^”]*”)/g
// Runs of 4+ digits (phone numbers, their last four, ids) and anything e-mail- or token-like.
const DIGIT_RUNS = /\d[\d\s-]{2,}\d/g
const LONG_TOKENS = /[A-Za-z0-9_\-+/=]{24,}/g

/** An error message with every value that could be personal replaced. */
export function redactMessage(message: string): string {
  return message.replace(QUOTED, REDACTED).replace(LONG_TOKENS, REDACTED).replace(DIGIT_RUNS, REDACTED).slice(0, 300)
}

/** Only the code frames of a stack, below a redacted message line. */
function redactStack(error: Error): string | undefined {
  if (!error.stack) return undefined
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line))
  return [`${error.name}: ${redactMessage(error.message)}`, ...frames.slice(0, 15)].join('\n')
}

export interface LoggedError {
  type: string
  message: string
  /** Library error codes (SQLSTATE, FST_ERR_*, ECONNREFUSED…) say a lot and nothing personal. */
  code?: string
  statusCode?: number
  stack?: string
  cause?: LoggedError
}

/** pino serializer for `err`: type, code, redacted message and the stack frames. */
export function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: REDACTED }
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown }
  const logged: LoggedError = {
    type: error.constructor?.name ?? error.name,
    message: redactMessage(error.message),
    code: typeof code === 'string' && /^[A-Z0-9_]{1,40}$/i.test(code) ? code : undefined,
    statusCode: typeof statusCode === 'number' ? statusCode : undefined,
    stack: redactStack(error),
  }
  if (error.cause !== undefined && depth < 3) logged.cause = serializeError(error.cause, depth + 1)
  return logged
}

/** pino serializer for `req`: the method and the route's pattern, never the actual path or query. */
export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  return {
    id: request.id,
    method: request.method,
    // The pattern (/api/v1/complaints/:trackingNo), not the URL: paths carry tracking
    // numbers and ids, queries carry search words and phone digits.
    route: request.routeOptions?.url ?? '(no route)',
  }
}

/** Fastify's `logger` option (`res` keeps only the status code) with the redaction rule. */
export function loggerOptions(level: string): FastifyLoggerOptions {
  return {
    level,
    serializers: {
      err: (error) => ({ stack: '', ...serializeError(error) }),
      req: (request) => serializeRequest(request as FastifyRequest),
      res: (reply) => ({ statusCode: reply.statusCode ?? 0 }),
    },
  }
}
