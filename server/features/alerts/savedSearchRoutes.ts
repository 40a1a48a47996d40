import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { pageQuerySchema, pageSchema } from '@domain/page'
import { SavedSearchBodySchema, SavedSearchSchema, SearchAlertSchema } from '@domain/savedSearch'
import { Database } from '../../platform/db/database'
import { requireViewer } from '../accounts/authentication'
import { myAlerts, mySavedSearches, removeSavedSearch, saveSearch } from './savedSearches'
import { safeText } from '@domain/safeText'
import { errorResponses } from '../../platform/http/errorResponses'

const IdParamsSchema = z.object({ id: safeText().trim().min(1, '编号不能为空').max(100, '编号太长') })
const errors = errorResponses(400, 401, 404, 409)
const PageQuerySchema = pageQuerySchema()

/** 保存的搜索 and 空位提醒 (signed in). */
export function savedSearchRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/me/saved-searches',
      { schema: { summary: '保存一个搜索：有空位或新开放日时提醒我', tags: ['alerts'], body: SavedSearchBodySchema, response: { 201: SavedSearchSchema, ...errors } } },
      async (request, reply) => reply.code(201).send(await saveSearch(db, await requireViewer(db, request), request.body)),
    )
    app.get(
      '/me/saved-searches',
      { schema: { summary: '我保存的搜索', tags: ['alerts'], querystring: PageQuerySchema, response: { 200: pageSchema(SavedSearchSchema), ...errors } } },
      async (request) => mySavedSearches(db, await requireViewer(db, request), request.query),
    )
    app.delete(
      '/me/saved-searches/:id',
      { schema: { summary: '删除一个保存的搜索', tags: ['alerts'], params: IdParamsSchema, response: { 204: z.null(), ...errors } } },
      async (request, reply) => {
        await removeSavedSearch(db, await requireViewer(db, request), request.params.id)
        return reply.code(204).send(null)
      },
    )
    app.get(
      '/me/alerts',
      { schema: { summary: '我的空位提醒（每个保存的搜索每天最多一条）', tags: ['alerts'], querystring: PageQuerySchema, response: { 200: pageSchema(SearchAlertSchema), ...errors } } },
      async (request) => myAlerts(db, await requireViewer(db, request), request.query),
    )
  }
}
