import { Database } from '../../platform/db/database'
import { JobLog, RepeatedRounds } from '../../platform/jobs/repeatedRounds'
import { AlertRoundSummary, runAlertRound } from './alertRound'

/**
 * The saved-search alert job on a timer (ALERT_INTERVAL_MS, at most 60 s, so a change is
 * an alert within a minute); state is in the database, so several servers may run it.
 */
export class SearchAlertJob {
  private readonly rounds = new RepeatedRounds(
    async () => {
      const round = await this.runOnce()
      if (round.alerts > 0) this.log.info(`search alerts: ${round.changes} changes, ${round.alerts} alerts`)
    },
    (error) => this.log.error('search alert round failed', error),
  )

  constructor(
    private readonly db: Database,
    private readonly log: JobLog,
  ) {}

  runOnce(now: Date = new Date()): Promise<AlertRoundSummary> {
    return runAlertRound(this.db, now)
  }

  start(intervalMs: number): void {
    this.rounds.start(intervalMs)
  }

  close(): Promise<void> {
    return this.rounds.close()
  }
}
