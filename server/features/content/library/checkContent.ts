import { STAGES, StageId, TOPIC_IDS, TopicId } from '@domain/content'
import { REVIEW_WARNING_DAYS } from '@domain/contentSources'
import { shanghaiDate, todayInShanghai } from '@domain/shanghaiTime'
import { documentName } from './scheduleBlocks'
import { ContentLibrary, ContentProblem, loadContentLibrary } from './contentLibrary'

/*
 * The build check behind `npm run content:check`: the library passes only when every
 * file parses and validates, ids are unique and match their file names, internal links
 * resolve, every pregnancy week 4–42 and age week 0–156 has a tip, and the issue's
 * minimum number of articles is there. It also measures the library (the coverage report).
 */

/** The bar: at least 120 original articles. */
export const MIN_ARTICLES = 120
/** The length guideline for an article body, in characters of text (a warning, not a failure). */
export const BODY_LENGTH = { min: 300, max: 900 } as const

export interface WeekGap {
  stage: StageId
  phase: 'pregnancy' | 'after_birth'
  week: number
}

export interface CoverageReport {
  articleCount: number
  tipCount: number
  articlesByStageAndTopic: Record<StageId, Record<TopicId, number>>
  weeksWithoutTip: WeekGap[]
  /** Distinct source documents ("org · title") with how many articles and tips cite them, most cited first. */
  sources: Array<{ document: string; articles: number; tips: number }>
  minArticles: number
}

export interface ContentCheck {
  ok: boolean
  problems: ContentProblem[]
  warnings: ContentProblem[]
  report: CoverageReport
  library: ContentLibrary
}

export interface CheckOptions {
  minArticles?: number
  /** The day reviews are judged on (Asia/Shanghai calendar date); today by default. */
  today?: string
}

function weeksWithoutTip(library: ContentLibrary): WeekGap[] {
  const gaps: WeekGap[] = []
  for (const stage of STAGES) {
    const covered = new Set(
      library.tips.filter((tip) => tip.stage === stage.id).map((tip) => (stage.phase === 'pregnancy' ? tip.pregnancyWeek : tip.ageWeek)),
    )
    for (let week = stage.requiredTipWeeks[0]; week <= stage.requiredTipWeeks[1]; week += 1) {
      if (!covered.has(week)) gaps.push({ stage: stage.id, phase: stage.phase, week })
    }
  }
  return gaps
}

function citedSources(library: ContentLibrary): CoverageReport['sources'] {
  const counts = new Map<string, { articles: number; tips: number }>()
  const count = (document: string, field: 'articles' | 'tips') => {
    const entry = counts.get(document) ?? { articles: 0, tips: 0 }
    entry[field] += 1
    counts.set(document, entry)
  }
  // each registered document counts once, however a citation spells its issuer or title
  const register = library.data.register
  const nameOf = (id: string) => {
    const doc = register?.documents.find((d) => d.id === id)
    return doc ? documentName(doc) : id
  }
  for (const article of library.articles) for (const id of article.trail.documentIds) count(nameOf(id), 'articles')
  for (const tip of library.tips) for (const id of tip.documentIds) count(nameOf(id), 'tips')
  return [...counts.entries()]
    .map(([document, c]) => ({ document, ...c }))
    .sort((a, b) => b.articles + b.tips - (a.articles + a.tips) || a.document.localeCompare(b.document))
}

export function coverageOf(library: ContentLibrary, minArticles: number): CoverageReport {
  const byStage = Object.fromEntries(
    STAGES.map((stage) => [stage.id, Object.fromEntries(TOPIC_IDS.map((topic) => [topic, 0]))]),
  ) as CoverageReport['articlesByStageAndTopic']
  for (const article of library.articles) byStage[article.stage][article.topic] += 1
  return {
    articleCount: library.articles.length,
    tipCount: library.tips.length,
    articlesByStageAndTopic: byStage,
    weeksWithoutTip: weeksWithoutTip(library),
    sources: citedSources(library),
    minArticles,
  }
}

function describeGaps(gaps: WeekGap[]): ContentProblem[] {
  const byStage = new Map<StageId, number[]>()
  for (const gap of gaps) byStage.set(gap.stage, [...(byStage.get(gap.stage) ?? []), gap.week])
  return [...byStage.entries()].map(([stage, weeks]) => {
    const phase = STAGES.find((s) => s.id === stage)!.phase
    return {
      file: `tips/${stage}.md`,
      message: `${phase === 'pregnancy' ? '孕周' : '周龄'} ${compactWeeks(weeks)} 没有小提示（共 ${weeks.length} 周）`,
    }
  })
}

/** [4,5,6,9] → "4–6, 9". */
export function compactWeeks(weeks: number[]): string {
  const runs: string[] = []
  let start = weeks[0]
  for (let i = 1; i <= weeks.length; i += 1) {
    if (i < weeks.length && weeks[i] === weeks[i - 1] + 1) continue
    const end = weeks[i - 1]
    runs.push(start === end ? `${start}` : `${start}–${end}`)
    start = weeks[i]
  }
  return runs.join(', ')
}

export function checkLibrary(library: ContentLibrary, options: CheckOptions = {}): ContentCheck {
  const minArticles = options.minArticles ?? MIN_ARTICLES
  const report = coverageOf(library, minArticles)
  const problems = [...library.problems, ...describeGaps(report.weeksWithoutTip)]
  if (report.articleCount < minArticles) {
    problems.push({ file: 'articles/', message: `文章只有 ${report.articleCount} 篇，至少需要 ${minArticles} 篇` })
  }
  const warnings = library.articles
    .filter((a) => a.textLength < BODY_LENGTH.min || a.textLength > BODY_LENGTH.max)
    .map((a) => ({ file: a.file, message: `正文 ${a.textLength} 字，建议 ${BODY_LENGTH.min}–${BODY_LENGTH.max} 字` }))
  const review = reviewsDue(library, options.today ?? todayInShanghai())
  problems.push(...review.overdue)
  warnings.push(...review.soon)
  return { ok: problems.length === 0, problems, warnings, report, library }
}

/** Overdue reviews fail the check; reviews falling due within REVIEW_WARNING_DAYS warn. */
export function reviewsDue(library: ContentLibrary, today: string): { overdue: ContentProblem[]; soon: ContentProblem[] } {
  const overdue: ContentProblem[] = []
  const soon: ContentProblem[] = []
  const day = shanghaiDate(today)
  for (const article of library.articles) {
    const due = shanghaiDate(article.trail.reviewDue)
    const last = article.trail.reviews[article.trail.reviews.length - 1]
    if (day.isAfter(due)) {
      overdue.push({ file: article.file, message: `审核已过期：上次 ${last.on} 由${last.by}核对，应在 ${article.trail.reviewDue} 前再次核对（依据文件可能已更新）` })
    } else if (!day.isBefore(due.subtract(REVIEW_WARNING_DAYS, 'day'))) {
      soon.push({ file: article.file, message: `${article.trail.reviewDue} 需要再次核对（上次 ${last.on}）` })
    }
  }
  return { overdue, soon }
}

/** Load and check the library at `root` (the folder holding articles/ and tips/). */
export async function checkContentFolder(root: string, options: CheckOptions = {}): Promise<ContentCheck> {
  return checkLibrary(await loadContentLibrary(root), options)
}
