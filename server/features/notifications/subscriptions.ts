import { Queryable } from '../../platform/db/database'
import { NotificationKind } from './outbox'
import { addSubscriptions, listSubscriptions } from './subscriptionRepository'

/*
 * Subscribe-message acceptances (一次性订阅: each acceptance allows one message;
 * docs/platform-notes.md). The account screen records and shows them through these.
 */

export function recordSubscriptions(db: Queryable, userId: string, kinds: readonly NotificationKind[]): Promise<void> {
  return addSubscriptions(db, userId, kinds)
}

export function subscriptionsOf(db: Queryable, userId: string): Promise<{ kind: NotificationKind; remaining: number }[]> {
  return listSubscriptions(db, userId)
}
