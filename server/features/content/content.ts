import { z } from 'zod'
import {
  Article,
  ArticleListQuery,
  ArticlePage,
  DEFAULT_ARTICLE_LIMIT,
  DEVELOPMENTAL_TOPICS,
  STAGE_NAMES,
  STAGES,
  StagesOverview,
  Today,
  TodayQuery,
  TOPIC_IDS,
  TOPIC_NAMES,
} from '@domain/content'
import { lifeStageAt } from '@domain/lifeStage'
import { normaliseSearchText } from '@domain/search'
import { Queryable } from '../../platform/db/database'
import {
  articlesForAge,
  countArticlesByStageAndTopic,
  findArticle,
  listArticles,
  tipsForWeek,
} from './contentRepository'
import { ApiError, notFound } from '../../platform/http/apiError'

/*
 * 生命1000天 use cases: where the family is today with this week's tips and articles,
 * the article browser and search, one article, and the stage/topic overview.
 */

/** Articles on the "today" card: the most specific for this week or month. */
export const TODAY_ARTICLE_LIMIT = 8

/** GET /content/today: a date the count cannot place is a 400 naming the field. */
export async function contentToday(db: Queryable, query: TodayQuery, now: Date = new Date()): Promise<Today> {
  const result = lifeStageAt({ birthDate: query.birthDate, dueDate: query.dueDate }, now)
  if (!result.ok) throw new ApiError('VALIDATION', result.message, { [`query.${result.field}`]: result.message })
  const stage = result.value
  const inPregnancy = stage.phase === 'pregnancy'
  const tips = inPregnancy ? await tipsForWeek(db, { pregnancyWeek: stage.pregnancyWeek! }) : await tipsForWeek(db, { ageWeek: stage.ageWeek! })
  const articles = await articlesForAge(
    db,
    inPregnancy
      ? { pregnancyWeek: stage.pregnancyWeek!, developmentalTopics: DEVELOPMENTAL_TOPICS, limit: TODAY_ARTICLE_LIMIT }
      : { ageMonths: stage.ageMonths!, correctedAgeMonths: stage.correctedAgeMonths, developmentalTopics: DEVELOPMENTAL_TOPICS, limit: TODAY_ARTICLE_LIMIT },
  )
  return {
    date: stage.date,
    stage: stage.stage,
    stageName: STAGE_NAMES[stage.stage],
    dayOf1000: stage.dayOf1000,
    ageText: stage.ageText,
    pregnancyWeek: stage.pregnancyWeek,
    ageWeek: stage.ageWeek,
    ageMonths: stage.ageMonths,
    correctedAgeText: stage.correctedAgeText,
    correctedAgeMonths: stage.correctedAgeMonths,
    tips,
    articles,
  }
}

const CursorSchema = z.object({ r: z.number().int().min(0).max(399), p: z.number().int().min(0), q: z.string() })

function invalidCursor(): ApiError {
  return new ApiError('VALIDATION', '翻页标记不正确，请重新查询', { 'query.cursor': '翻页标记不正确，请重新查询' })
}

function decodeCursor(cursor: string, text: string): { rank: number; position: number } {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor()
  let parsed
  try {
    parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
  } catch {
    throw invalidCursor()
  }
  // a cursor belongs to its search: with another text its rank would mean something else
  if (!parsed.success || parsed.data.q !== text) throw invalidCursor()
  return { rank: parsed.data.r, position: parsed.data.p }
}

/** GET /content/articles: library order, or with q the title/summary matches first. */
export async function listContentArticles(db: Queryable, query: ArticleListQuery): Promise<ArticlePage> {
  const text = query.q ? normaliseSearchText(query.q) : ''
  const limit = query.limit ?? DEFAULT_ARTICLE_LIMIT
  const after = query.cursor ? decodeCursor(query.cursor, text) : undefined
  const rows = await listArticles(db, { stage: query.stage, topic: query.topic, text: text || undefined, after, limit: limit + 1 })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((row) => row.summary),
    nextCursor: rows.length > limit && last ? Buffer.from(JSON.stringify({ r: last.rank, p: last.position, q: text }), 'utf8').toString('base64url') : null,
  }
}

export async function contentArticle(db: Queryable, id: string): Promise<Article> {
  const article = await findArticle(db, id)
  if (!article) throw notFound('没有找到这篇文章，它可能已下线或链接有误')
  return article
}

export async function contentStages(db: Queryable): Promise<StagesOverview> {
  const counts = await countArticlesByStageAndTopic(db)
  const count = (stage?: string, topic?: string) =>
    counts.filter((c) => (stage === undefined || c.stage === stage) && (topic === undefined || c.topic === topic)).reduce((sum, c) => sum + c.n, 0)
  return {
    stages: STAGES.map((stage) => ({
      id: stage.id,
      name: stage.name,
      articleCount: count(stage.id),
      topics: TOPIC_IDS.map((topic) => ({ id: topic, name: TOPIC_NAMES[topic], articleCount: count(stage.id, topic) })),
    })),
    topics: TOPIC_IDS.map((topic) => ({ id: topic, name: TOPIC_NAMES[topic], articleCount: count(undefined, topic) })),
  }
}
