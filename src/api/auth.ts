import { z } from 'zod'
import { Consent, ConsentKind, ConsentSchema, MyAccount, MyAccountSchema, Session, SessionSchema } from '@domain/account'
import type { SubscriptionBody } from '@domain/myBookings'
import { NoContentSchema, requestJson } from './client'

/** Sign-in, the account and what the parent agreed to (docs/api.md "Sign-in and the account"). */

export function signInWithWechat(code: string): Promise<Session> {
  return requestJson('POST', '/api/v1/auth/wechat', SessionSchema, { body: { code } })
}

export function signInForDemo(nickname?: string): Promise<Session> {
  return requestJson('POST', '/api/v1/auth/demo', SessionSchema, { body: nickname ? { nickname } : {} })
}

export function signOutOfServer(): Promise<void> {
  return requestJson('POST', '/api/v1/auth/signout', NoContentSchema, { auth: true })
}


export function getMyAccount(): Promise<MyAccount> {
  return requestJson('GET', '/api/v1/me', MyAccountSchema, { auth: true })
}

const ConsentsSchema = z.object({ consents: z.array(ConsentSchema) })

export async function giveConsent(kind: ConsentKind, version: string): Promise<Consent[]> {
  return (await requestJson('POST', '/api/v1/me/consents', ConsentsSchema, { auth: true, body: { kind, version } })).consents
}

export async function recordSubscriptions(kinds: SubscriptionBody['kinds']): Promise<void> {
  await requestJson('POST', '/api/v1/me/subscriptions', z.unknown(), { auth: true, body: { kinds } })
}
