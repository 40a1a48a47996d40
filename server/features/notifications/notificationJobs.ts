import { Database } from '../../platform/db/database'
import { JobLog, RepeatedRounds } from '../../platform/jobs/repeatedRounds'
import { WechatClient } from '../../platform/wechat/wechatClient'
import { WechatTemplates } from './templateIds'
import { sendDueNotifications, SendSummary } from './sender'
import { queueVisitReminders } from './visitReminders'

export type { JobLog } from '../../platform/jobs/repeatedRounds'

export interface NotificationRound extends SendSummary {
  remindersQueued: number
}

/**
 * The background work behind subscribe messages: every interval, queue tomorrow's visit
 * reminders, then send what is due. All state is in the database, so a restart neither
 * loses nor repeats a message, and several servers can run it side by side.
 */
export class NotificationJobs {
  private readonly rounds = new RepeatedRounds(
    async () => {
      const round = await this.runOnce()
      if (round.remindersQueued + round.sent + round.skipped + round.failed > 0) {
        this.log.info(`notifications: ${round.remindersQueued} reminders queued, ${round.sent} sent, ${round.skipped} skipped, ${round.failed} failed, ${round.retrying} to retry`)
      }
    },
    (error) => this.log.error('notification round failed', error),
  )

  constructor(
    private readonly db: Database,
    private readonly wechat: WechatClient,
    private readonly templates: WechatTemplates,
    private readonly log: JobLog,
  ) {}

  /** One round now (tests call it directly; the timer calls it every interval). */
  async runOnce(now: Date = new Date()): Promise<NotificationRound> {
    const remindersQueued = await queueVisitReminders(this.db, now)
    const sent = await sendDueNotifications({ db: this.db, wechat: this.wechat, templates: this.templates }, now)
    return { remindersQueued, ...sent }
  }

  start(intervalMs: number): void {
    this.rounds.start(intervalMs)
  }

  /** Stops the timer and waits for a round in progress (the database closes after). */
  close(): Promise<void> {
    return this.rounds.close()
  }
}
