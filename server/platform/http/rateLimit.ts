import crypto from 'node:crypto'
import rateLimit from '@fastify/rate-limit'
import { FastifyInstance } from 'fastify'
import { Database } from '../db/database'
import { ApiError } from './apiError'

/*
 * Per-client request limits for the routes that attract abuse (sign-in, complaint
 * filing, 马上查). Nothing is limited unless its route asks: `config: perIpLimit(20)`;
 * routes that share one allowance name the same group (every way of signing in counts
 * against one sign-in limit). The client is request.ip, so behind a proxy TRUST_PROXY
 * must be on. The counts live in the database, so several server processes behind a
 * load balancer share them (docs/architecture.md, "Rate limits"); expired windows are
 * purged by the retention job.
 */

interface Counted {
  current: number
  ttl: number
}

type Callback = (error: Error | null, result?: Counted) => void

/** One statement counts a hit and starts a new window when the old one is over. */
const COUNT_HIT = `
  insert into rate_limit_windows (key_hash, hits, window_ends_at)
  values ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
  on conflict (key_hash) do update set
    hits = case when rate_limit_windows.window_ends_at <= now() then 1 else rate_limit_windows.hits + 1 end,
    window_ends_at = case when rate_limit_windows.window_ends_at <= now() then excluded.window_ends_at else rate_limit_windows.window_ends_at end
  returning hits, greatest(0, extract(epoch from window_ends_at - now()) * 1000)::float8 as ttl_ms`

const READ_HITS = `
  select hits, greatest(0, extract(epoch from window_ends_at - now()) * 1000)::float8 as ttl_ms
  from rate_limit_windows where key_hash = $1 and window_ends_at > now()`

function hashKey(key: string): string {
  return crypto.createHash('sha256').update(key, 'utf8').digest('hex')
}

/** A @fastify/rate-limit store class keeping counts in `db`. */
function databaseStore(db: Database) {
  return class DatabaseStore {
    private readonly prefix: string

    /** The plugin constructs the root store with its options; child() passes a route's key prefix. */
    constructor(options?: unknown) {
      this.prefix = typeof options === 'string' ? options : ''
    }

    incr(key: string, callback: Callback, timeWindow: number): void {
      db.query<{ hits: number; ttl_ms: number }>(COUNT_HIT, [hashKey(this.prefix + key), timeWindow]).then(
        (result) => callback(null, { current: result.rows[0].hits, ttl: Math.ceil(result.rows[0].ttl_ms) }),
        (error: Error) => callback(error),
      )
    }

    read(key: string, callback: Callback): void {
      db.query<{ hits: number; ttl_ms: number }>(READ_HITS, [hashKey(this.prefix + key)]).then(
        (result) => callback(null, result.rows[0] ? { current: result.rows[0].hits, ttl: Math.ceil(result.rows[0].ttl_ms) } : { current: 0, ttl: 0 }),
        (error: Error) => callback(error),
      )
    }

    /** Each route counts on its own unless it names a group (the group is then part of the key). */
    child(routeOptions: object): DatabaseStore {
      const { groupId, routeInfo } = routeOptions as { groupId?: string; routeInfo?: { method?: string; url?: string } }
      const route = groupId ? '' : `${routeInfo?.method ?? ''} ${routeInfo?.url ?? ''}|`
      return new DatabaseStore(route)
    }
  }
}

/** Registers the limiter; call before the routes that use perIpLimit. */
export async function installRateLimit(app: FastifyInstance, db: Database): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    store: databaseStore(db),
    errorResponseBuilder: (_request, context) => new ApiError('RATE_LIMITED', `操作太频繁，请 ${Math.max(1, Math.ceil(context.ttl / 1000))} 秒后再试`),
  })
}

/**
 * Route config allowing each client IP `max` requests per window (default a minute).
 * Routes given the same `group` share one count.
 */
export function perIpLimit(
  max: number,
  timeWindowMs: number = 60_000,
  group?: string,
): { rateLimit: { max: number; timeWindow: number; groupId?: string } } {
  return { rateLimit: { max, timeWindow: timeWindowMs, ...(group ? { groupId: group } : {}) } }
}

/** Deletes count windows that are over (called by the retention job). */
export async function purgeExpiredRateLimits(db: Database): Promise<number> {
  const result = await db.query(`delete from rate_limit_windows where window_ends_at < now() - interval '1 minute'`)
  return result.rowCount
}
