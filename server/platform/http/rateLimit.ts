import rateLimit from '@fastify/rate-limit'
import { FastifyInstance } from 'fastify'
import { ApiError } from './apiError'

/*
 * Per-client request limits for the routes that attract abuse (sign-in, and later
 * complaint filing). Nothing is limited unless its route asks: `config: perIpLimit(20)`.
 * The client is request.ip, so behind a proxy TRUST_PROXY must be on.
 */

/** Registers the limiter; call before the routes that use perIpLimit. */
export async function installRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new ApiError('RATE_LIMITED', `操作太频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
  })
}

/** Route config allowing each client IP `max` requests per window (default a minute). */
export function perIpLimit(max: number, timeWindowMs: number = 60_000): { rateLimit: { max: number; timeWindow: number } } {
  return { rateLimit: { max, timeWindow: timeWindowMs } }
}
