import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { InstitutionFactsBodySchema, InstitutionFactsSchema } from '@domain/institutionFacts'
import { Database } from '../../platform/db/database'
import { requireInstitutionStaff } from '../accounts/authentication'
import { institutionFacts, updateInstitutionFacts } from './institutionFacts'
import { InstitutionFeesBodySchema, InstitutionHoursBodySchema } from '@domain/institutionProfile'
import { updateInstitutionFees, updateInstitutionHours } from './institutionProfile'
import { errorResponses } from '../../platform/http/errorResponses'

const errors = errorResponses(400, 401, 403, 404)

/** The institution's own facts in the 工作台 (institutionFacts.ts, institutionProfile.ts): read and confirm. */
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
    app.put(
      '/staff/institution/fees',
      { schema: { summary: '设置本机构各托育方式的托育费（伙食费等见收费与退费约定）', tags: ['staff'], body: InstitutionFeesBodySchema, response: { 200: InstitutionFactsSchema, ...errors } } },
      async (request) => updateInstitutionFees(db, (await requireInstitutionStaff(db, request)).staffInstitutionId, request.body),
    )
    app.put(
      '/staff/institution/hours',
      { schema: { summary: '设置本机构的服务日和开关门时间', tags: ['staff'], body: InstitutionHoursBodySchema, response: { 200: InstitutionFactsSchema, ...errors } } },
      async (request) => updateInstitutionHours(db, (await requireInstitutionStaff(db, request)).staffInstitutionId, request.body),
    )
  }
}
