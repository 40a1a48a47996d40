/** Pages of the 生命1000天 subpackage, built in one place like routes.ts. */

const ROOT = '/packages/content/pages'

export const CONTENT_ROUTES = {
  home: `${ROOT}/home/index`,
  saved: `${ROOT}/saved/index`,
  lectures: `${ROOT}/lectures/index`,
} as const

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).filter((pair): pair is [string, string] => pair[1] !== undefined && pair[1] !== '')
  return pairs.length === 0 ? path : `${path}?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`
}

export function articleUrl(id: string): string {
  return withQuery(`${ROOT}/article/index`, { id })
}

/** The browser, optionally opened on a stage, a topic or a search. */
export function browseUrl(filter: { stage?: string; topic?: string; q?: string } = {}): string {
  return withQuery(`${ROOT}/browse/index`, filter)
}
