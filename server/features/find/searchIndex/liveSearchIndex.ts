import { setImmediate as nextTurn } from 'node:timers/promises'
import { Queryable } from '@server/platform/db/database'
import { loadSearchableInstitutions } from '../searchIndexRepository'
import { readSearchIndexVersion } from '../searchIndexVersion'
import { toEntry } from './institutionColumns'
import { InstitutionIndex } from './institutionIndex'
import { PageCache } from './pageCache'

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
 *
 * A load never starves requests: PGlite runs each query synchronously on this thread,
 * and awaiting one query after another only chains microtasks, which run before any
 * socket is read. So after each chunk the load waits for the next turn of the event
 * loop (setImmediate), letting /healthz and searches (answered by SQL meanwhile) in,
 * and turns each chunk into summaries right away instead of all 100,000 at the end.
 */

/** Rows per load query: short queries let other requests through between them. */
const LOAD_CHUNK = 2_000

/** Pages cached per snapshot unless the caller says otherwise. */
export const DEFAULT_PAGE_CACHE_SIZE = 500

/** One built index, the version it was built from, and the answers given from it. */
export interface SearchSnapshot {
  index: InstitutionIndex
  version: number | null
  /** Emptied by construction: each snapshot starts with its own. */
  pages: PageCache
}

export interface SearchIndexLog {
  info(message: string): void
  error(message: string, error: unknown): void
}

export class LiveSearchIndex {
  private latest: SearchSnapshot | undefined
  private queue: Promise<void> = Promise.resolve()
  private closed = false

  constructor(
    private readonly db: Queryable,
    private readonly log: SearchIndexLog,
    /** Pages kept per snapshot (server/features/find/searchIndex/pageCache.ts); 0 caches nothing. */
    private readonly pageCacheSize: number = DEFAULT_PAGE_CACHE_SIZE,
  ) {}

  /** The index to search, or undefined until the first load succeeded (then use SQL). */
  current(): InstitutionIndex | undefined {
    return this.latest?.index
  }

  /** The index with its version and page cache, swapped as one; undefined until loaded. */
  snapshot(): SearchSnapshot | undefined {
    return this.latest
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

  /** Ends a rebuild in progress at its next chunk and waits for it (the database closes next). */
  async close(): Promise<void> {
    this.closed = true
    await this.queue
  }

  private async rebuildIfChanged(): Promise<void> {
    if (this.closed) return
    const version = await readSearchIndexVersion(this.db)
    if (this.latest && version === this.latest.version) return
    const started = performance.now()
    const entries: Array<ReturnType<typeof toEntry>> = []
    for (let after: string | null = null; ; ) {
      await nextTurn()
      const chunk = await loadSearchableInstitutions(this.db, after, LOAD_CHUNK)
      if (this.closed) return
      for (const row of chunk) entries.push(toEntry(row))
      if (chunk.length < LOAD_CHUNK) break
      after = chunk[chunk.length - 1].id
    }
    await nextTurn()
    if (this.closed) return
    const index = InstitutionIndex.fromEntries(entries)
    this.latest = { index, version, pages: new PageCache(this.pageCacheSize) }
    this.log.info(`search index: ${index.size} institutions loaded in ${Math.round(performance.now() - started)} ms (version ${version})`)
  }
}
