import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ComplaintStatusSchema,
  StaffComplaintListSchema,
  StaffComplaintSchema,
  StaffNoteBodySchema,
  StaffRejectBodySchema,
  StaffResolveBodySchema,
  TrackingNoSchema,
} from '@domain/complaint'
import { pageQuerySchema } from '@domain/page'
import { Database } from '../../platform/db/database'
import { requireRegulator } from '../accounts/authentication'
import { actOnComplaint, complaintAuditTrail, complaintQueue, staffComplaint } from './staffComplaints'
import { AuditTrailSchema } from '@domain/oversight'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { errorResponses } from '../../platform/http/errorResponses'

const TrackingNoParamsSchema = z.object({ trackingNo: TrackingNoSchema })
const QueueQuerySchema = z.object({
  status: z.union([ComplaintStatusSchema, z.array(ComplaintStatusSchema)], { error: '状态不正确' }).optional(),
}).extend(pageQuerySchema().shape)

const errors = errorResponses(400, 401, 403, 404, 409)

/**
 * District regulators (requireRegulator): their district's complaint queue, the four
 * actions, and each complaint's audit trail. Another district's complaint is a 404.
 */
export function staffComplaintRoutes(db: Database, photos: AttachmentUrlSigner): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/staff/complaints',
      {
        schema: {
          summary: '本区县投诉队列（紧急在前，再按期限；超期标记 overdue）',
          tags: ['staff'],
          querystring: QueueQuerySchema,
          response: { 200: StaffComplaintListSchema, ...errors },
        },
      },
      async (request) => {
        const regulator = await requireRegulator(db, request)
        const { status, cursor, limit } = request.query
        return complaintQueue(db, photos, regulator, { status: status === undefined ? undefined : [status].flat(), cursor, limit })
      },
    )

    app.get(
      '/staff/complaints/:trackingNo',
      { schema: { summary: '投诉详情', tags: ['staff'], params: TrackingNoParamsSchema, response: { 200: StaffComplaintSchema, ...errors } } },
      async (request) => staffComplaint(db, photos, await requireRegulator(db, request), request.params.trackingNo),
    )

    app.get(
      '/staff/complaints/:trackingNo/audit',
      {
        schema: {
          summary: '投诉的办理记录（谁在何时做了什么）',
          tags: ['staff'],
          params: TrackingNoParamsSchema,
          querystring: pageQuerySchema(50),
          response: { 200: AuditTrailSchema, ...errors },
        },
      },
      async (request) => complaintAuditTrail(db, await requireRegulator(db, request), request.params.trackingNo, request.query),
    )

    const withNote = (action: 'accept' | 'investigate', summary: string) =>
      app.post(
        `/staff/complaints/:trackingNo/${action}`,
        { schema: { summary, tags: ['staff'], params: TrackingNoParamsSchema, body: StaffNoteBodySchema, response: { 200: StaffComplaintSchema, ...errors } } },
        async (request) =>
          actOnComplaint(db, photos, await requireRegulator(db, request), request.params.trackingNo, action, request.body?.note || null),
      )
    withNote('accept', '受理')
    withNote('investigate', '开始调查核实（受理后，或复核申请后）')

    app.post(
      '/staff/complaints/:trackingNo/resolve',
      { schema: { summary: '办结（填写办理结果）', tags: ['staff'], params: TrackingNoParamsSchema, body: StaffResolveBodySchema, response: { 200: StaffComplaintSchema, ...errors } } },
      async (request) => actOnComplaint(db, photos, await requireRegulator(db, request), request.params.trackingNo, 'resolve', request.body.result),
    )

    app.post(
      '/staff/complaints/:trackingNo/reject',
      { schema: { summary: '不予受理（填写理由）', tags: ['staff'], params: TrackingNoParamsSchema, body: StaffRejectBodySchema, response: { 200: StaffComplaintSchema, ...errors } } },
      async (request) => actOnComplaint(db, photos, await requireRegulator(db, request), request.params.trackingNo, 'reject', request.body.reason),
    )
  }
}
