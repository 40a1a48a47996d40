import { Database } from '../../platform/db/database'
import { WechatClient } from '../../platform/wechat/wechatClient'
import { WechatTemplates } from './templateIds'
import { sendDueNotifications, SendSummary } from './sender'
import { queueVisitReminders } from './visitReminders'

export type { JobLog } from '../../platform/jobs/repeatedRounds'

export interface NotificationRound extends SendSummary {
  remindersQueued: number
}

/**
 * The background work behind subscribe messages (a job of the server's jobs runner): each
 * round queues tomorrow's visit reminders, then sends what is due. All state is in the database, so a restart neither
 * loses nor repeats a message, and several servers can run it side by side.
 */
export class NotificationJobs {
  constructor(
    private readonly db: Database,
    private readonly wechat: WechatClient,
    private readonly templates: WechatTemplates,
  ) {}

  /** One round now (tests call it directly; the timer calls it every interval). */
  async runOnce(now: Date = new Date()): Promise<NotificationRound> {
    const remindersQueued = await queueVisitReminders(this.db, now)
    const sent = await sendDueNotifications({ db: this.db, wechat: this.wechat, templates: this.templates }, now)
    return { remindersQueued, ...sent }
  }
}

/** The log line of a round that did something; nothing for an idle round. */
export function describeNotificationRound(round: NotificationRound): string | void {
  if (round.remindersQueued + round.sent + round.skipped + round.failed === 0) return
  return `${round.remindersQueued} reminders queued, ${round.sent} sent, ${round.skipped} skipped, ${round.failed} failed, ${round.retrying} to retry`
}
