/*
 * The answer to the first search index.html started before the app loaded
 * (src/earlySearch.js, docs/architecture.md "H5 speed"). The client's one request path
 * (client.ts) asks here first: the first institution search takes the early request
 * and, if it asks the same URL, awaits that answer instead of asking again; the answer
 * is then read and checked like any other. Whatever the first search asks, the early
 * request is given up after it, so a later search never gets an old answer. Only H5
 * has an index.html; the mini-program never finds one.
 */

export interface EarlyAnswer {
  status: number
  body: string
}

interface EarlySearch {
  url: string
  /** null when the network failed: the app then asks itself. */
  answer: Promise<EarlyAnswer | null>
}

type EarlyHolder = { __anxinFirstSearch?: EarlySearch }

function pathOf(url: string): string {
  const query = url.indexOf('?')
  return query < 0 ? url : url.slice(0, query)
}

/** The early answer for this GET URL, once; undefined when there is none to take. */
export function takeEarlyAnswer(url: string, holder: EarlyHolder | undefined = typeof window === 'undefined' ? undefined : (window as EarlyHolder)): Promise<EarlyAnswer | null> | undefined {
  const early = holder?.__anxinFirstSearch
  if (!holder || !early || pathOf(early.url) !== pathOf(url)) return undefined
  holder.__anxinFirstSearch = undefined
  return early.url === url ? early.answer : undefined
}
