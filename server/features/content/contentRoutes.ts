import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ArticleListQuerySchema,
  ArticlePageSchema,
  ArticleSchema,
  StagesOverviewSchema,
  TodayQuerySchema,
  TodaySchema,
} from '@domain/content'
import { ErrorBodySchema } from '@domain/errors'
import { Database } from '../../platform/db/database'
import { contentArticle, contentStages, contentToday, listContentArticles } from './content'
import { safeText } from '@domain/safeText'

const ArticleIdParamsSchema = z.object({
  id: safeText().trim().min(1, '文章编号不能为空').max(100, '文章编号太长'),
})

/** Public: 生命1000天 guidance for a birth or due date, and the article library. */
export function contentRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/content/today',
      {
        schema: {
          summary: '生命1000天：按出生日期或预产期，今天所处阶段、本周小提示和文章',
          tags: ['content'],
          querystring: TodayQuerySchema,
          response: { 200: TodaySchema, 400: ErrorBodySchema },
        },
      },
      async (request) => contentToday(db, request.query),
    )
    app.get(
      '/content/articles',
      {
        schema: {
          summary: '生命1000天文章：按阶段、主题筛选，按中文或拼音首字母搜索',
          tags: ['content'],
          querystring: ArticleListQuerySchema,
          response: { 200: ArticlePageSchema, 400: ErrorBodySchema },
        },
      },
      async (request) => listContentArticles(db, request.query),
    )
    app.get(
      '/content/articles/:id',
      {
        schema: {
          summary: '一篇文章：正文（已解析为段落）和来源',
          tags: ['content'],
          params: ArticleIdParamsSchema,
          response: { 200: ArticleSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => contentArticle(db, request.params.id),
    )
    app.get(
      '/content/stages',
      {
        schema: {
          summary: '各阶段、各主题及文章数（浏览页用）',
          tags: ['content'],
          response: { 200: StagesOverviewSchema },
        },
      },
      async () => contentStages(db),
    )
  }
}
