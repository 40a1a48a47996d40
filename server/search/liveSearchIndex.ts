import { Queryable } from '../db/database'
import { loadSearchableInstitutions, SearchableRow } from '../db/repositories/searchIndexRepository'
import { readSearchIndexVersion } from '../db/repositories/searchIndexVersion'
import { InstitutionIndex } from './institutionIndex'

/*
 * The search read model of one server process: an InstitutionIndex built from the
 * database, and kept fresh without any server-to-server messages. Writers (the seed
 * and import CLIs, later staff routes, in any process) bump search_index_version in
 * the transaction that changes institutions; each server reads that one row every
 * `refreshMs` and, when it changed, rebuilds a new index in the background and swaps
 * it in whole. Searches never see a half-built index.
 *
 * Staleness bound: a committed change shows in this server's searches at most
 * refreshMs + one rebuild later (2 s + about a second for 100,000 institutions on
 * PGlite). Until then searches answer from the previous, internally consistent
 * snapshot. The version is read before the rows, so a write that lands during a
 * rebuild leaves the version read stale and causes one more rebuild on the next check.
 */

/** Rows per load query: short queries let other requests through between them. */
const LOAD_CHUNK = 5_000

export interface SearchIndexLog {
  info(message: string): void
  error(message: string, error: unknown): void
}

export class LiveSearchIndex {
  private index: InstitutionIndex | undefined
  private version: number | null = null
  private queue: Promise<void> = Promise.resolve()
  private busy = false
  private closed = false
  private timer: NodeJS.Timeout | undefined

  constructor(
    private readonly db: Queryable,
    private readonly log: SearchIndexLog,
  ) {}

  /** The index to search, or undefined until the first load succeeded (then use SQL). */
  current(): InstitutionIndex | undefined {
    return this.index
  }

  /** Loads now in the background and re-checks the version every refreshMs. */
  start(refreshMs: number): void {
    if (this.closed || this.timer) return
    const check = () => {
      if (this.busy) return
      this.refresh().catch((error: unknown) => this.log.error('search index refresh failed; searches keep the previous data', error))
    }
    check()
    // unref: a pending check never keeps the process alive.
    this.timer = setInterval(check, refreshMs).unref()
  }

  /**
   * Rebuilds the index if the version changed since it was built (or it was never
   * built). Calls queue, so after `await refresh()` every write committed before the
   * call is visible.
   */
  refresh(): Promise<void> {
    const run = this.queue.then(() => this.rebuildIfChanged())
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Stops the timer and waits for a rebuild in progress (the database closes next). */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.timer)
    await this.queue
  }

  private async rebuildIfChanged(): Promise<void> {
    if (this.closed) return
    this.busy = true
    try {
      const version = await readSearchIndexVersion(this.db)
      if (this.index && version === this.version) return
      const started = performance.now()
      const rows: SearchableRow[] = []
      for (let after: string | null = null; ; ) {
        const chunk = await loadSearchableInstitutions(this.db, after, LOAD_CHUNK)
        if (this.closed) return
        rows.push(...chunk)
        if (chunk.length < LOAD_CHUNK) break
        after = chunk[chunk.length - 1].id
      }
      this.index = InstitutionIndex.fromRows(rows)
      this.version = version
      this.log.info(`search index: ${rows.length} institutions loaded in ${Math.round(performance.now() - started)} ms (version ${version})`)
    } finally {
      this.busy = false
    }
  }
}
