import { InstitutionSearch, InstitutionSearchQuerySchema } from '@domain/search'
import { SearchQuery } from './searchMix'
import { percentile } from './stats'

/*
 * In-process search latency: the server's own search function, called directly (no
 * HTTP), one search at a time, so each sample is the time one parent waits for the
 * database work of one search. Queries are parsed with the route's schema first, as
 * the route does, but parsing is outside the timed part.
 */

/** A search answering its page; `summaries` are the page's cards (server/features/find/searchCards.ts). */
export type SearchFunction = (search: InstitutionSearch) => Promise<{ summaries: readonly unknown[] }>

export interface InProcessResult {
  searches: number
  warmup: number
  p50Ms: number
  p95Ms: number
  p99Ms: number
  maxMs: number
  meanItems: number
  emptyShare: number
}

export async function measureInProcess(search: SearchFunction, queries: readonly SearchQuery[], warmup: number): Promise<InProcessResult> {
  const parsed = queries.map((q) => InstitutionSearchQuerySchema.parse(q))
  for (let i = 0; i < warmup; i++) await search(parsed[i % parsed.length])
  const samples: number[] = []
  let items = 0
  let empty = 0
  for (const query of parsed) {
    const started = performance.now()
    const page = await search(query)
    samples.push(performance.now() - started)
    items += page.summaries.length
    if (page.summaries.length === 0) empty++
  }
  return {
    searches: samples.length,
    warmup,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    p99Ms: percentile(samples, 99),
    maxMs: Math.max(...samples),
    meanItems: items / samples.length,
    emptyShare: empty / samples.length,
  }
}
