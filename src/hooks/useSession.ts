import Taro from '@tarojs/taro'
import { useEffect, useSyncExternalStore } from 'react'
import { signInForDemo, signInWithWechat, signOutOfServer } from '../api/auth'
import { loadAccount } from '../store/account'
import { clearSession, getSessionState, saveSession, SessionState, subscribeSession } from '../store/session'

/** The stored session, re-rendering when it changes (sign-in, sign-out, a 401). */
export function useSession(): SessionState {
  const state = useSyncExternalStore(subscribeSession, getSessionState, getSessionState)
  useEffect(() => {
    void loadAccount()
  }, [state.session?.token])
  return state
}

/** WeChat sign-in uses wx.login's single-use code; the browser build signs in as a demo parent. */
export const SIGN_IN_KIND: 'wechat' | 'demo' = process.env.TARO_ENV === 'weapp' ? 'wechat' : 'demo'

export async function signIn(nickname?: string): Promise<void> {
  if (SIGN_IN_KIND === 'wechat') {
    const { code } = await Taro.login()
    saveSession(await signInWithWechat(code))
  } else {
    saveSession(await signInForDemo(nickname?.trim() || undefined))
  }
}

/** Signs out on the server too; the local session goes whatever the network says. */
export async function signOut(): Promise<void> {
  try {
    await signOutOfServer()
  } catch {
    // Offline or already expired: forgetting the token here is what matters.
  } finally {
    clearSession()
  }
}
