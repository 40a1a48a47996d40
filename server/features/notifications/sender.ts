import { WechatTemplates } from './templateIds'
import { Database } from '../../platform/db/database'
import { bookingStillConfirmed, claimDueNotifications, ClaimedNotification, markFinished, markRetry, markSent } from './outboxRepository'
import { clearSubscription, returnSubscription, useSubscription } from './subscriptionRepository'
import { WECHAT_ERRCODE, WechatError } from '../../platform/wechat/wechatApi'
import { WechatClient } from '../../platform/wechat/wechatClient'
import { NOTIFICATION_PAGE, templateData, templateId } from './templates'

/*
 * The outbox sender: delivers queued subscribe messages through the WeChat adapter.
 * Each message uses up one of the user's acceptances of its template; without one
 * (or without an openid, as for demo users) it is skipped, never sent. Transient
 * failures are retried with growing delays; everything is recorded on the outbox row.
 */

/** Messages claimed per round. */
const BATCH_SIZE = 20
/** Longer than a batch of sends can take (each send times out after seconds). */
const LEASE_MS = 2 * 60 * 1000
/** After this many attempts a message that keeps failing transiently is given up. */
export const MAX_ATTEMPTS = 6
const FIRST_RETRY_MS = 30 * 1000
const LONGEST_RETRY_MS = 60 * 60 * 1000

/** 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** (attempts - 1), LONGEST_RETRY_MS)
}

export interface SendSummary {
  sent: number
  skipped: number
  failed: number
  retrying: number
}

export interface SenderDependencies {
  db: Database
  wechat: WechatClient
  templates: WechatTemplates
}

/** One round: claims the due messages and sends each of them once. */
export async function sendDueNotifications(deps: SenderDependencies, now: Date = new Date()): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, skipped: 0, failed: 0, retrying: 0 }
  const claimed = await claimDueNotifications(deps.db, now, BATCH_SIZE, LEASE_MS)
  for (const message of claimed) summary[await deliver(deps, message, now)]++
  return summary
}

async function deliver({ db, wechat, templates }: SenderDependencies, message: ClaimedNotification, now: Date): Promise<keyof SendSummary> {
  if (message.kind === 'visit_reminder' && !(await bookingStillConfirmed(db, message.subject_id))) {
    await markFinished(db, message.id, 'skipped', 'booking no longer confirmed')
    return 'skipped'
  }
  if (message.openid === null) {
    await markFinished(db, message.id, 'skipped', 'user has no WeChat openid')
    return 'skipped'
  }
  if (!(await useSubscription(db, message.user_id, message.kind))) {
    await markFinished(db, message.id, 'skipped', 'no subscription left')
    return 'skipped'
  }
  try {
    await wechat.sendSubscribeMessage({
      openid: message.openid,
      templateId: templateId(templates, message.kind),
      page: NOTIFICATION_PAGE,
      data: templateData(message.kind, message.payload),
    })
  } catch (error) {
    return failed(db, message, error, now)
  }
  await markSent(db, message.id, now)
  return 'sent'
}

async function failed(db: Database, message: ClaimedNotification, error: unknown, now: Date): Promise<keyof SendSummary> {
  const reason = error instanceof Error ? error.message : String(error)
  if (error instanceof WechatError && error.errcode === WECHAT_ERRCODE.NO_SUBSCRIPTION) {
    // Our count said one was left; WeChat knows better.
    await clearSubscription(db, message.user_id, message.kind)
    await markFinished(db, message.id, 'skipped', reason)
    return 'skipped'
  }
  // Not delivered: the acceptance was not used up.
  await returnSubscription(db, message.user_id, message.kind)
  const transient = (error as { transient?: boolean }).transient === true
  if (transient && message.attempts < MAX_ATTEMPTS) {
    await markRetry(db, message.id, new Date(now.getTime() + retryDelayMs(message.attempts)), reason)
    return 'retrying'
  }
  await markFinished(db, message.id, 'failed', reason)
  return 'failed'
}
