import crypto from 'node:crypto'

/** 32 random bytes, URL-safe: unguessable, and opaque to the client. */
export function newSessionToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

/** What the sessions table stores instead of the token. */
export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}
