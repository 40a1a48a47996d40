import { ApiError } from '../../api/ApiError'

/*
 * POST /bookings carries an Idempotency-Key (docs/api.md). The rule the app keeps: one new
 * key per confirm tap; when that tap's request may or may not have reached the server
 * (network down, timeout, a 5xx), the 重试 button sends the same body with the same key,
 * so the server answers with the first result instead of booking twice.
 */

export interface Submission<Body> {
  key: string
  body: Body
}

/** Answers that may not be final: the request may have been applied, or may not. */
export function isRetryableFailure(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true
  return error.code === 'NETWORK' || error.code === 'TIMEOUT' || error.code === 'INTERNAL' || (error.status !== null && error.status >= 500)
}

/** A version-4 UUID. Math.random is enough here: the key is scoped per user on the server. */
export function newIdempotencyKey(random: () => number = Math.random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16))
  hex[12] = 4
  hex[16] = (hex[16] & 0x3) | 0x8
  const s = hex.map((n) => n.toString(16)).join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

export class SubmissionTracker<Body> {
  private pending: Submission<Body> | null = null

  constructor(private readonly makeKey: () => string = () => newIdempotencyKey()) {}

  /** A confirm tap: a fresh key for this body. */
  tap(body: Body): Submission<Body> {
    this.pending = { key: this.makeKey(), body }
    return this.pending
  }

  /** The tap to retry after a retryable failure, with its key and body unchanged; null if none. */
  retry(): Submission<Body> | null {
    return this.pending
  }

  /** The server's answer: a final one (success or a 4xx) ends the tap; a retryable failure keeps it. */
  settle(error?: unknown): void {
    if (error === undefined || !isRetryableFailure(error)) this.pending = null
  }

  get canRetry(): boolean {
    return this.pending !== null
  }
}
