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
import { vaccinationsThisMonth } from '@domain/vaccinationGuidance'
import { immunisationTable } from './contentTablesRepository'
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
import { cursorCodec, invalidCursor, pageFromRows } from '../../platform/http/paging'
import { safeText } from '@domain/safeText'

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
  // vaccines go by the real birth date, never the corrected age: the schedule counts from birth
  const table = inPregnancy || !query.birthDate ? null : await immunisationTable(db)
  const vaccinations = table && query.birthDate ? vaccinationsThisMonth(table, query.birthDate, stage.date) : null
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
    vaccinations,
  }
}

/** Where a page of articles ended; a cursor belongs to its search text: with another text its rank would mean something else. */
const articleCursor = cursorCodec(z.object({ r: z.number().int().min(0).max(399), p: z.number().int().min(0), q: safeText() }))

/** GET /content/articles: library order, or with q the title/summary matches first. */
export async function listContentArticles(db: Queryable, query: ArticleListQuery): Promise<ArticlePage> {
  const text = query.q ? normaliseSearchText(query.q) : ''
  const limit = query.limit ?? DEFAULT_ARTICLE_LIMIT
  const position = query.cursor ? articleCursor.decode(query.cursor) : undefined
  if (position && position.q !== text) throw invalidCursor()
  const after = position ? { rank: position.r, position: position.p } : undefined
  const rows = await listArticles(db, { stage: query.stage, topic: query.topic, text: text || undefined, after, limit: limit + 1 })
  return pageFromRows(rows, limit, (row) => row.summary, (row) => ({ r: row.rank, p: row.position, q: text }), articleCursor)
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
