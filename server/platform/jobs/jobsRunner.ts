import { JobLog, RepeatedRounds } from './repeatedRounds'

/*
 * Every background job of a server (docs/architecture.md, "Jobs"): buildApp adds them,
 * the runner starts them all once the server listens and stops them all on close,
 * waiting for rounds in progress so the database closes after them.
 */

export interface Job {
  name: string
  /** Milliseconds between the end of one round and the start of the next; 0 = off. */
  intervalMs: number
  /** Run the first round as soon as the runner starts instead of one interval later. */
  runAtStart?: boolean
  /** One round; a returned line is logged (say what was done, or nothing when idle). */
  round(): Promise<string | void>
  /** Asks a long round to stop early (called before the runner waits for it). */
  stop?(): void | Promise<void>
}

export class JobsRunner {
  private readonly jobs: Array<{ job: Job; rounds: RepeatedRounds }> = []

  constructor(private readonly log: JobLog) {}

  add(job: Job): void {
    const rounds = new RepeatedRounds(
      async () => {
        const line = await job.round()
        if (line) this.log.info(`${job.name}: ${line}`)
      },
      (error) => this.log.error(`${job.name} round failed`, error),
    )
    this.jobs.push({ job, rounds })
  }

  start(): void {
    for (const { job, rounds } of this.jobs) rounds.start(job.intervalMs, job.runAtStart ?? false)
  }

  async close(): Promise<void> {
    await Promise.all(
      this.jobs.map(async ({ job, rounds }) => {
        await job.stop?.()
        await rounds.close()
      }),
    )
  }
}
