import { useSyncExternalStore } from 'react'
import { MyAccount } from '@domain/account'
import { getMyAccount, giveConsent } from '../api/auth'
import { errorMessage } from '../api/ApiError'
import { ConsentKind, PRIVACY_GUIDE_VERSION } from '@domain/account'
import { getSessionState, subscribeSession } from './session'

/*
 * The signed-in parent's account (GET /me), shared by 我的 and the booking pages:
 * whether they agreed to this version of our 隐私保护指引 decides whether the app may
 * collect anything personal yet.
 */

export type AccountState =
  | { status: 'signed_out' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; account: MyAccount }

let state: AccountState = { status: 'signed_out' }
let loadedFor: string | null = null
const listeners = new Set<() => void>()

function setState(next: AccountState): void {
  state = next
  listeners.forEach((listener) => listener())
}

export function hasConsented(account: MyAccount, kind: ConsentKind, version: string = PRIVACY_GUIDE_VERSION): boolean {
  return account.consents.some((consent) => consent.kind === kind && consent.version === version)
}

/** Loads GET /me for the current session (again when `force`). */
export async function loadAccount(force = false): Promise<void> {
  const token = getSessionState().session?.token ?? null
  if (token === null) {
    loadedFor = null
    setState({ status: 'signed_out' })
    return
  }
  if (!force && loadedFor === token && state.status !== 'error') return
  loadedFor = token
  setState({ status: 'loading' })
  try {
    const account = await getMyAccount()
    if (loadedFor === token) setState({ status: 'ready', account })
  } catch (failure) {
    // A 401 already dropped the session; the session listener shows signed-out.
    if (loadedFor === token && getSessionState().session) setState({ status: 'error', message: errorMessage(failure) })
  }
}

/** Records agreement to the current 隐私保护指引 (POST /me/consents privacy_guide). */
export async function agreeToPrivacyGuide(): Promise<void> {
  const consents = await giveConsent('privacy_guide', PRIVACY_GUIDE_VERSION)
  if (state.status === 'ready') setState({ status: 'ready', account: { ...state.account, consents } })
}

subscribeSession(() => {
  const token = getSessionState().session?.token ?? null
  if (token !== loadedFor) void loadAccount()
})

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function getState(): AccountState {
  return state
}

export function useAccount(): AccountState {
  return useSyncExternalStore(subscribe, getState, getState)
}
