import { Session, SessionSchema } from '@domain/account'
import { storedValue } from './storedValue'

/*
 * The parent's session: our server's opaque token with its expiry, kept in Taro storage
 * so it survives closing the app. No React here, so the API client can read the token.
 */

const storedSession = storedValue<Session | null>('anxin.session', SessionSchema.nullable(), null)

export interface SessionState {
  session: Session | null
  /** True when the server refused the token (expired or revoked): the app says so once. */
  expired: boolean
}

let state: SessionState | null = null
const listeners = new Set<() => void>()

/** A stored session is usable until a minute before it expires (clocks on phones drift). */
export function isSessionUsable(session: Pick<Session, 'expiresAt'>, now: Date = new Date()): boolean {
  const expires = Date.parse(session.expiresAt)
  return Number.isFinite(expires) && expires - 60_000 > now.getTime()
}

function readStored(): Session | null {
  const stored = storedSession.get()
  return stored && isSessionUsable(stored) ? stored : null
}

export function getSessionState(): SessionState {
  if (state === null) state = { session: readStored(), expired: false }
  if (state.session && !isSessionUsable(state.session)) state = { session: null, expired: true }
  return state
}

function setState(next: SessionState): void {
  state = next
  listeners.forEach((listener) => listener())
}

export function saveSession(session: Session): void {
  storedSession.set(session)
  setState({ session, expired: false })
}

export function clearSession(expired = false): void {
  storedSession.clear()
  setState({ session: null, expired })
}

/** The bearer token for a signed-in call, or null when signed out or expired. */
export function sessionToken(): string | null {
  return getSessionState().session?.token ?? null
}

/** The server answered 401 to a signed-in call: forget the session, ask to sign in again. */
export function signedOutByServer(): void {
  if (getSessionState().session !== null) clearSession(true)
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
