import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ComplaintCreateBodySchema,
  ComplaintCreatedSchema,
  ComplaintFeedbackBodySchema,
  ComplaintListSchema,
  ComplaintReexaminationBodySchema,
  ComplaintSchema,
  PhoneLast4Schema,
  TrackingNoSchema,
} from '@domain/complaint'
import { ErrorBodySchema } from '@domain/errors'
import { pageQuerySchema } from '@domain/page'
import { Database } from '../../platform/db/database'
import { requireViewer } from '../accounts/authentication'
import { perIpLimit } from '../../platform/http/rateLimit'
import { lookUpComplaint } from './complaintLookup'
import { fileComplaint, giveFeedback, myComplaints, requestReexamination } from './complaints'
import { AttachmentUrlSigner } from '../../platform/storage/signedAttachmentUrl'
import { KeyRing } from '../../platform/crypto/fieldCipher'
import { errorResponses } from '../../platform/http/errorResponses'

export interface ComplaintRouteSettings {
  /** Filing is rare for a real family; a burst from one address is abuse. */
  filingPerMinute: number
  /** 马上查 per IP; the per-number limit lives in the service (complaintLookup.ts). */
  lookupsPerMinute: number
  /** Signs the photo links in a complaint's view. */
  photos: AttachmentUrlSigner
  /** Encrypts the complainant's contact number at rest. */
  keyRing: KeyRing
}

const TrackingNoParamsSchema = z.object({ trackingNo: TrackingNoSchema })
const LookupQuerySchema = z.object({ phoneLast4: PhoneLast4Schema.optional() })
const PageQuerySchema = pageQuerySchema()

const errors = errorResponses(400, 401, 404, 409, 429)

/** 投诉马上查 for families: file, look up (with or without signing in), my complaints, feedback, re-examination. */
export function complaintRoutes(db: Database, settings: ComplaintRouteSettings): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/complaints',
      {
        config: perIpLimit(settings.filingPerMinute),
        schema: {
          summary: '提交投诉（立即得到查询码和受理、办结期限）',
          tags: ['complaints'],
          body: ComplaintCreateBodySchema,
          response: { 201: ComplaintCreatedSchema, ...errors },
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(db, request)
        return reply.code(201).send(await fileComplaint(db, settings.keyRing, viewer, request.body))
      },
    )

    app.get(
      '/complaints/:trackingNo',
      {
        config: perIpLimit(settings.lookupsPerMinute),
        schema: {
          summary: '马上查：凭查询码和手机号后四位查询（投诉人登录后可不填后四位）',
          description: 'A wrong phoneLast4 and an unknown tracking number are the same 404.',
          tags: ['complaints'],
          params: TrackingNoParamsSchema,
          querystring: LookupQuerySchema,
          response: { 200: ComplaintSchema, ...errors },
        },
      },
      async (request) => {
        const viewer = request.headers.authorization === undefined ? null : await requireViewer(db, request)
        return lookUpComplaint(db, settings.photos, viewer, request.params.trackingNo, request.query.phoneLast4)
      },
    )

    app.get(
      '/me/complaints',
      {
        schema: {
          summary: '我的投诉（最新的在前）',
          tags: ['complaints'],
          querystring: PageQuerySchema,
          response: { 200: ComplaintListSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => myComplaints(db, settings.photos, await requireViewer(db, request), request.query.cursor, request.query.limit),
    )

    app.post(
      '/complaints/:trackingNo/feedback',
      {
        schema: {
          summary: '对办理结果评价是否满意（办结后一次）',
          tags: ['complaints'],
          params: TrackingNoParamsSchema,
          body: ComplaintFeedbackBodySchema,
          response: { 200: ComplaintSchema, ...errors },
        },
      },
      async (request) => giveFeedback(db, settings.photos, await requireViewer(db, request), request.params.trackingNo, request.body),
    )

    app.post(
      '/complaints/:trackingNo/reexamination',
      {
        schema: {
          summary: '申请复核（办结后 15 天内，一次）',
          tags: ['complaints'],
          params: TrackingNoParamsSchema,
          body: ComplaintReexaminationBodySchema,
          response: { 200: ComplaintSchema, ...errors },
        },
      },
      async (request) => requestReexamination(db, settings.photos, await requireViewer(db, request), request.params.trackingNo, request.body),
    )
  }
}
