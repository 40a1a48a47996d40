import { Database } from '../db/database'
import { WechatClient } from '../wechat/wechatClient'
import { WechatTemplates } from '../config'
import { sendDueNotifications, SendSummary } from './sender'
import { queueVisitReminders } from './visitReminders'

export interface JobLog {
  info(message: string): void
  error(message: string, error: unknown): void
}

export interface NotificationRound extends SendSummary {
  remindersQueued: number
}

/**
 * The background work behind subscribe messages: every interval, queue tomorrow's visit
 * reminders, then send what is due. All state is in the database, so a restart neither
 * loses nor repeats a message, and several servers can run it side by side.
 */
export class NotificationJobs {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<unknown> | undefined
  private closed = false

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
    if (this.closed || this.timer || intervalMs <= 0) return
    const tick = () => {
      this.running = this.runOnce()
        .then((round) => {
          if (round.remindersQueued + round.sent + round.skipped + round.failed > 0) {
            this.log.info(`notifications: ${round.remindersQueued} reminders queued, ${round.sent} sent, ${round.skipped} skipped, ${round.failed} failed, ${round.retrying} to retry`)
          }
        })
        .catch((error: unknown) => this.log.error('notification round failed', error))
        .finally(() => {
          this.running = undefined
          // The next round is timed from the end of this one: rounds never overlap.
          if (!this.closed) this.timer = setTimeout(tick, intervalMs).unref()
        })
    }
    this.timer = setTimeout(tick, intervalMs).unref()
  }

  /** Stops the timer and waits for a round in progress (the database closes after). */
  async close(): Promise<void> {
    this.closed = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }
}
