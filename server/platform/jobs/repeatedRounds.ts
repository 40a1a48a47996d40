export interface JobLog {
  info(message: string): void
  error(message: string, error: unknown): void
}

/**
 * Runs a background round every interval, each timed from the end of the last one so
 * rounds never overlap, and lets close() wait for a round in progress (the database
 * closes after it). A failed round is logged; the next one runs as usual.
 */
export class RepeatedRounds {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private stopped = false

  constructor(
    private readonly round: () => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  get closed(): boolean {
    return this.stopped
  }

  /** Rounds every intervalMs (0 = never); the first at once when `immediately`. */
  start(intervalMs: number, immediately = false): void {
    if (this.stopped || this.timer || intervalMs <= 0) return
    const tick = () => {
      this.running = this.round()
        .catch(this.onError)
        .finally(() => {
          this.running = undefined
          // unref: a pending round never keeps the process alive.
          if (!this.stopped) this.timer = setTimeout(tick, intervalMs).unref()
        })
    }
    this.timer = setTimeout(tick, immediately ? 0 : intervalMs).unref()
  }

  async close(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }
}
