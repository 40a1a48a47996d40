import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { ErrorBodySchema } from '@domain/errors'
import { InstitutionFactsBodySchema, InstitutionFactsSchema } from '@domain/institutionFacts'
import { Database } from '../../platform/db/database'
import { requireInstitutionStaff } from '../accounts/authentication'
import { institutionFacts, updateInstitutionFacts } from './institutionFacts'

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema }

/** The institution's own facts in the 工作台 (institutionFacts.ts): read and confirm. */
export function institutionFactsRoutes(db: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/institution/facts',
      { schema: { summary: '本机构的空位和人员信息（含更新时间）', tags: ['staff'], response: { 200: InstitutionFactsSchema, ...errors } } },
      async (request) => institutionFacts(db, (await requireInstitutionStaff(db, request)).staffInstitutionId),
    )
    app.put(
      '/staff/institution/facts',
      { schema: { summary: '确认空位数、保育人员数和持证人数', tags: ['staff'], body: InstitutionFactsBodySchema, response: { 200: InstitutionFactsSchema, ...errors } } },
      async (request) => updateInstitutionFacts(db, (await requireInstitutionStaff(db, request)).staffInstitutionId, request.body),
    )
  }
}
