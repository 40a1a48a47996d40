import dayjs from 'dayjs'
import type { ArticleFrontMatter } from '@domain/content'
import { FactFlag, REVIEW_INTERVAL_MONTHS, Review, SourceRegister } from '@domain/contentSources'
import { shanghaiDate } from '@domain/shanghaiTime'
import { resolveCitation, tipCitations, unsaidReplacement } from './sourceRegister'

/*
 * What an article's or a tip's citations, flags and review trail must satisfy, checked
 * against the register of sources: every source registered, an amended or superseded
 * document never cited without saying so, no flag left open, and every review naming
 * registered documents. Review dates (due, overdue) are checked in checkContent.ts,
 * which knows what day it is.
 */

export interface ArticleTrail {
  /** Register ids of the documents cited, in citation order, each once. */
  documentIds: string[]
  reviews: Review[]
  /** The day the next review falls due. */
  reviewDue: string
  flags: FactFlag[]
}

export function reviewDueOf(meta: Pick<ArticleFrontMatter, 'reviews' | 'reviewDue'>): string {
  const last = meta.reviews[meta.reviews.length - 1].on
  return meta.reviewDue ?? shanghaiDate(last).add(REVIEW_INTERVAL_MONTHS, 'month').format('YYYY-MM-DD')
}

export function checkArticleTrail(meta: ArticleFrontMatter, register: SourceRegister | null, problems: string[]): ArticleTrail {
  const documentIds: string[] = []
  if (register) {
    const cited = []
    for (const source of meta.sources) {
      const resolution = resolveCitation(register, source)
      if (!resolution.ok) {
        problems.push(resolution.message)
        continue
      }
      cited.push({ document: resolution.document, note: source.note })
      if (!documentIds.includes(resolution.document.id)) documentIds.push(resolution.document.id)
    }
    problems.push(...unsaidReplacement(register, cited))
    const ids = new Set(register.documents.map((d) => d.id))
    for (const review of meta.reviews) {
      for (const id of review.against) if (!ids.has(id)) problems.push(`${review.on} 的审核记录依据 ${id} 不在来源登记 sources.md 里`)
    }
    for (const flag of meta.flags ?? []) {
      if (flag.against && !ids.has(flag.against)) problems.push(`标记“${flag.fact}”的依据 ${flag.against} 不在来源登记 sources.md 里`)
    }
  }
  for (const flag of meta.flags ?? []) {
    if (flag.status === 'open') problems.push(`有待核对的事实还没有解决：${flag.fact}`)
  }
  if (meta.reviewDue && !dayjs(meta.reviewDue).isAfter(dayjs(meta.reviews[meta.reviews.length - 1].on))) {
    problems.push('reviewDue 应晚于最近一次审核的日期')
  }
  return { documentIds, reviews: meta.reviews, reviewDue: reviewDueOf(meta), flags: meta.flags ?? [] }
}

/** A tip's source line: each document it names registered, and an amended one cited with what replaced it. */
export function checkTipSource(line: string, register: SourceRegister | null): { documentIds: string[]; problems: string[] } {
  if (!register) return { documentIds: [], problems: [] }
  const problems: string[] = []
  const cited = []
  for (const { resolution } of tipCitations(register, line)) {
    if (resolution.ok) cited.push({ document: resolution.document })
    else problems.push(resolution.message)
  }
  problems.push(...unsaidReplacement(register, cited))
  return { documentIds: [...new Set(cited.map((c) => c.document.id))], problems }
}
