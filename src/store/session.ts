import Taro from '@tarojs/taro'
import { Session, SessionSchema } from '@domain/account'

/*
 * The parent's session: our server's opaque token with its expiry, kept in Taro storage
 * so it survives closing the app. No React here, so the API client can read the token.
 */

const STORAGE_KEY = 'anxin.session'

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
  try {
    const parsed = SessionSchema.safeParse(Taro.getStorageSync(STORAGE_KEY))
    return parsed.success && isSessionUsable(parsed.data) ? parsed.data : null
  } catch {
    return null
  }
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
  try {
    Taro.setStorageSync(STORAGE_KEY, session)
  } catch {
    // Storage unavailable: the session still works until the app closes.
  }
  setState({ session, expired: false })
}

export function clearSession(expired = false): void {
  try {
    Taro.removeStorageSync(STORAGE_KEY)
  } catch {
    // nothing stored
  }
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
