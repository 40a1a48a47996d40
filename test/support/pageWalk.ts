import { AppTarget, requestJson } from './session'

/*
 * Reads a `{items, nextCursor}` list page by page the way the app does (src/hooks/usePaged.ts),
 * so a test can compare everything it saw with everything there is: no duplicates, no gaps.
 */

export interface Walk<T> {
  items: T[]
  pages: number
}

export async function walkPages<T = { id: string }>(app: AppTarget, path: string, limit: number, headers: Record<string, string> = {}): Promise<Walk<T>> {
  const items: T[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const separator = path.includes('?') ? '&' : '?'
    const url = `${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`
    const answer = await requestJson(app, 'GET', url, undefined, headers)
    if (answer.status !== 200) throw new Error(`GET ${url}: ${answer.status} ${JSON.stringify(answer.body)}`)
    const page = answer.body as { items: T[]; nextCursor: string | null }
    if (page.items.length > limit) throw new Error(`GET ${url}: ${page.items.length} items on a page of ${limit}`)
    items.push(...page.items)
    cursor = page.nextCursor
    pages += 1
    if (pages > 200) throw new Error(`GET ${path}: more than 200 pages, the cursor does not advance`)
  } while (cursor !== null)
  return { items, pages }
}
