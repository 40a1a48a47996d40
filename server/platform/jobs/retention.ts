
/*
 * Retention (PIPL art. 19, shortest period needed): tables that would otherwise grow
 * without bound — ended sessions, idempotency records with their stored answers,
 * 马上查 lookup counters, rate-limit windows — are purged by a job of the jobs runner. Each feature
 * hands in its own purge function (app.ts composes them); several servers may run the
 * job at once, since deleting what is already gone is harmless.
 */

export interface PurgeTask {
  /** What is purged, for the log ("sessions"). */
  name: string
  /** Deletes what is past its retention as of `now`; returns how many rows went. */
  purge: (now: Date) => Promise<number>
}

export class RetentionJob {
  constructor(private readonly tasks: readonly PurgeTask[]) {}

  /** One round now; how many rows each task purged (tests call it directly). */
  async runOnce(now: Date = new Date()): Promise<Record<string, number>> {
    const purged: Record<string, number> = {}
    for (const task of this.tasks) purged[task.name] = await task.purge(now)
    return purged
  }
}

/** The log line of a round that purged something; nothing for an idle round. */
export function describeRetentionRound(purged: Record<string, number>): string | void {
  const done = Object.entries(purged).filter(([, n]) => n > 0)
  if (done.length > 0) return `${done.map(([name, n]) => `${n} ${name}`).join(', ')} purged`
}
