import { Database } from '../../platform/db/database'
import { AlertRoundSummary, runAlertRound } from './alertRound'

/**
 * The saved-search alert job, run by the server's jobs runner every ALERT_INTERVAL_MS (at
 * most 60 s, so a change is an alert within a minute); state is in the database, so
 * several servers may run it.
 */
export class SearchAlertJob {
  constructor(private readonly db: Database) {}

  runOnce(now: Date = new Date()): Promise<AlertRoundSummary> {
    return runAlertRound(this.db, now)
  }
}

/** The log line of a round that alerted someone; nothing for an idle round. */
export function describeAlertRound(round: AlertRoundSummary): string | void {
  if (round.alerts > 0) return `${round.changes} changes, ${round.alerts} alerts`
}
