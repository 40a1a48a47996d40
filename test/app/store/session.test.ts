const storage = new Map<string, unknown>()
jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: {
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
  },
}))

import { clearSession, getSessionState, isSessionUsable, saveSession, sessionToken, signedOutByServer } from '@app/store/session'

const session = { token: 'tok-1', expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), user: { id: 'u1', nickname: '豆豆妈妈', staffInstitutionId: null } }

describe('a stored session', () => {
  const now = new Date('2026-11-23T10:00:00Z')

  beforeEach(() => clearSession())

  it('is used until a minute before it expires', () => {
    expect(isSessionUsable({ expiresAt: '2026-12-23T10:00:00Z' }, now)).toBe(true)
    expect(isSessionUsable({ expiresAt: '2026-11-23T10:00:30Z' }, now)).toBe(false)
    expect(isSessionUsable({ expiresAt: 'soon' }, now)).toBe(false)
  })

  it('is kept in storage with its expiry and gives the bearer token', () => {
    saveSession(session)
    expect(storage.get('anxin.session')).toEqual(session)
    expect(sessionToken()).toBe('tok-1')
  })

  it('is dropped when the server answers 401, and the app says it expired', () => {
    saveSession(session)
    signedOutByServer()
    expect(sessionToken()).toBeNull()
    expect(storage.has('anxin.session')).toBe(false)
    expect(getSessionState()).toEqual({ session: null, expired: true })
  })

  it('is signed out without an expiry notice when the parent signs out', () => {
    saveSession(session)
    clearSession()
    expect(getSessionState()).toEqual({ session: null, expired: false })
  })
})
