import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import {
  GradeSetBodySchema,
  InspectionCreateBodySchema,
  OversightInstitutionPageSchema,
  OversightInstitutionSchema,
  OversightPickerQuerySchema,
  RecordIdParamsSchema,
} from '@domain/oversight'
import { Database } from '../../platform/db/database'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { requireRegulator } from '../accounts/authentication'
import { setGrade } from './grades'
import { oversightRecord, pickInstitutions, recordInspection } from './oversightInstitutions'
import { errorResponses } from '../../platform/http/errorResponses'

const errors = errorResponses(400, 401, 403, 404, 409)

/** 监管工作台: a district regulator's institutions, each with its inspections, notices and grade (requireRegulator). */
export function oversightRoutes(db: Database, photos: AttachmentUrlSigner): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/oversight/institutions',
      {
        schema: {
          summary: '本区县机构（按名称或拼音搜索，分页）',
          tags: ['staff'],
          querystring: OversightPickerQuerySchema,
          response: { 200: OversightInstitutionPageSchema, ...errors },
        },
      },
      async (request) => pickInstitutions(db, await requireRegulator(db, request), request.query),
    )

    app.get(
      '/staff/oversight/institutions/:id',
      { schema: { summary: '机构监管记录：检查、整改通知与报告、等级', tags: ['staff'], params: RecordIdParamsSchema, response: { 200: OversightInstitutionSchema, ...errors } } },
      async (request) => oversightRecord(db, photos, await requireRegulator(db, request), request.params.id),
    )

    app.post(
      '/staff/oversight/institutions/:id/inspections',
      {
        schema: {
          summary: '记录一次检查（显示在机构页）',
          tags: ['staff'],
          params: RecordIdParamsSchema,
          body: InspectionCreateBodySchema,
          response: { 201: OversightInstitutionSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await recordInspection(db, photos, await requireRegulator(db, request), request.params.id, request.body)),
    )

    app.put(
      '/staff/oversight/institutions/:id/grade',
      {
        schema: {
          summary: '评定或调整等级（本区县开展等级评定时）',
          tags: ['staff'],
          params: RecordIdParamsSchema,
          body: GradeSetBodySchema,
          response: { 200: OversightInstitutionSchema, ...errors },
        },
      },
      async (request) => setGrade(db, photos, await requireRegulator(db, request), request.params.id, request.body),
    )
  }
}
