import { Source } from '@domain/content'

/** "中国营养学会《中国居民膳食指南（2022）》 2022" — the publisher, the document, its year. */
export function describeSource(source: Pick<Source, 'org' | 'title' | 'year'>): string {
  const title = /^《.*》$/.test(source.title.trim()) ? source.title.trim() : `《${source.title.trim()}》`
  return `${source.org.trim()}${title}${source.year ? ` ${source.year}` : ''}`
}

/** "2026-11-20" → "2026 年 11 月 20 日": when the article was last checked against its sources. */
export function describeReviewed(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return match ? `${match[1]} 年 ${Number(match[2])} 月 ${Number(match[3])} 日` : date
}

/**
 * The address to copy in the browser build: the page itself, with the hash route and
 * the article id, so whoever opens it lands on the same article.
 */
export function shareableLink(pageHref: string, path: string): string {
  const base = pageHref.split('#')[0]
  return `${base}#${path}`
}
