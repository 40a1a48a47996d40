import { Consent, ConsentBody, MyAccount, SubscriptionCount } from '@domain/account'
import { inShanghai } from '@domain/shanghaiTime'
import { SubscriptionBody } from '@domain/myBookings'
import { Database, Queryable } from '../../platform/db/database'
import { listConsents, recordConsent } from './consents'
import { recordSubscriptions, subscriptionsOf } from '../notifications/subscriptions'
import { findUser } from './userRepository'
import { Viewer } from './authentication'

/** GET /me: who is signed in, what they agreed to, and which reminders they may still get. */
export async function myAccount(db: Database, viewer: Viewer): Promise<MyAccount> {
  const user = await findUser(db, viewer.userId)
  if (!user) throw new Error(`signed-in user ${viewer.userId} not found`)
  return {
    user: {
      id: user.id,
      nickname: user.nickname,
      staffInstitutionId: viewer.staffInstitutionId,
      regulatorDistrictCode: viewer.regulatorDistrictCode,
      wechat: user.wechat_openid !== null,
    },
    consents: await consentsOf(db, viewer.userId),
    subscriptions: await subscriptionsOf(db, viewer.userId),
  }
}

export async function consentsOf(db: Queryable, userId: string): Promise<Consent[]> {
  return (await listConsents(db, userId)).map((row) => ({ kind: row.kind, version: row.version, givenAt: inShanghai(row.given_at).format() }))
}

/** Records that the user agreed to this version of a text (agreeing again changes nothing). */
export async function giveConsent(db: Database, viewer: Viewer, body: ConsentBody): Promise<Consent[]> {
  await recordConsent(db, viewer.userId, body.kind, body.version)
  return consentsOf(db, viewer.userId)
}

/**
 * After wx.requestSubscribeMessage: each kind the parent accepted allows one more message
 * of its template (一次性订阅). The sender uses them up.
 */
export async function acceptSubscriptions(db: Database, viewer: Viewer, body: SubscriptionBody): Promise<SubscriptionCount[]> {
  // Accepting the same template twice in one prompt is one acceptance.
  const kinds = [...new Set(body.kinds)]
  await db.transaction((tx) => recordSubscriptions(tx, viewer.userId, kinds))
  return subscriptionsOf(db, viewer.userId)
}
