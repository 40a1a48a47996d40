import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { BookingDeclineBodySchema, BookingSchema, BookingStatusSchema } from '@domain/booking'
import { BookingAction } from '@domain/bookingRules'
import { EnrollmentSchema, EnrollmentStatusSchema } from '@domain/enrollment'
import { CursorParamSchema, MAX_PAGE_LIMIT, pageQuerySchema, pageSchema } from '@domain/page'
import { SlotCreateBodySchema, SlotSchema, SlotsQuerySchema, SlotUpdateBodySchema, WeeklySlotsBodySchema } from '@domain/slot'
import { Database } from '../../platform/db/database'
import { requireInstitutionStaff } from '../accounts/authentication'
import { actOnBooking, listStaffBookings } from './staffBookings'
import { admitEnrollment, declineEnrollment, listStaffEnrollments } from './staffEnrollments'
import { cancelSlot, createSlot, createWeeklySlots, listStaffSlots, updateSlot } from './staffSlots'
import { safeText } from '@domain/safeText'
import { KeyRing } from '../../platform/crypto/fieldCipher'
import { errorResponses } from '../../platform/http/errorResponses'

const IdParamsSchema = z.object({ id: safeText().trim().min(1, '编号不能为空').max(100, '编号太长') })

const StaffBookingsQuerySchema = z
  .object({
    slotId: safeText().trim().min(1).max(100, '时段编号太长').optional(),
    status: BookingStatusSchema.optional(),
  })
  .extend(pageQuerySchema(MAX_PAGE_LIMIT).shape)
const StaffEnrollmentsQuerySchema = z.object({ status: EnrollmentStatusSchema.optional() }).extend(pageQuerySchema(MAX_PAGE_LIMIT).shape)

const errors = errorResponses(400, 401, 403, 404, 409)

/** URL segment → booking action (no-show is spelt with a hyphen in the path). */
const BOOKING_ACTIONS: Record<string, { action: BookingAction; summary: string }> = {
  confirm: { action: 'confirm', summary: '确认预约' },
  decline: { action: 'decline', summary: '拒绝预约（名额释放）' },
  attend: { action: 'attend', summary: '登记已到场' },
  'no-show': { action: 'no_show', summary: '登记未到场' },
}

/**
 * Institution staff (requireInstitutionStaff): their own institution's slots, bookings
 * and applications. Anything of another institution is a 404, as if it did not exist.
 */
export function staffRoutes(db: Database, keyRing: KeyRing): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/staff/slots',
      { schema: { summary: '发布时段', tags: ['staff'], body: SlotCreateBodySchema, response: { 201: SlotSchema, ...errors } } },
      async (request, reply) => reply.code(201).send(await createSlot(db, await requireInstitutionStaff(db, request), request.body)),
    )

    app.post(
      '/staff/slots/weekly',
      {
        schema: {
          summary: '按周重复发布时段（同一星期几、同一时间，最多 12 周）',
          tags: ['staff'],
          body: WeeklySlotsBodySchema,
          response: { 201: pageSchema(SlotSchema), ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await createWeeklySlots(db, await requireInstitutionStaff(db, request), request.body)),
    )

    app.get(
      '/staff/slots',
      { schema: { summary: '本机构的时段', tags: ['staff'], querystring: SlotsQuerySchema.extend({ cursor: CursorParamSchema.optional() }), response: { 200: pageSchema(SlotSchema), ...errors } } },
      async (request) => listStaffSlots(db, await requireInstitutionStaff(db, request), request.query),
    )

    app.patch(
      '/staff/slots/:id',
      {
        schema: {
          summary: '修改时段（名额不能少于已预约人数）',
          tags: ['staff'],
          params: IdParamsSchema,
          body: SlotUpdateBodySchema,
          response: { 200: SlotSchema, ...errors },
        },
      },
      async (request) => updateSlot(db, await requireInstitutionStaff(db, request), request.params.id, request.body),
    )

    app.post(
      '/staff/slots/:id/cancel',
      { schema: { summary: '取消时段并通知已预约的家长', tags: ['staff'], params: IdParamsSchema, response: { 200: SlotSchema, ...errors } } },
      async (request) => cancelSlot(db, await requireInstitutionStaff(db, request), request.params.id),
    )

    app.get(
      '/staff/bookings',
      {
        schema: {
          summary: '本机构的预约（联系电话已脱敏）',
          tags: ['staff'],
          querystring: StaffBookingsQuerySchema,
          response: { 200: pageSchema(BookingSchema), ...errors },
        },
      },
      async (request) => listStaffBookings(db, keyRing, await requireInstitutionStaff(db, request), request.query),
    )

    for (const [segment, { action, summary }] of Object.entries(BOOKING_ACTIONS)) {
      if (action === 'decline') {
        app.post(
          `/staff/bookings/:id/${segment}`,
          { schema: { summary: `${summary}（可填写家长可见的理由）`, tags: ['staff'], params: IdParamsSchema, body: BookingDeclineBodySchema, response: { 200: BookingSchema, ...errors } } },
          async (request) => actOnBooking(db, keyRing, await requireInstitutionStaff(db, request), request.params.id, action, request.body?.reason || null),
        )
        continue
      }
      app.post(
        `/staff/bookings/:id/${segment}`,
        { schema: { summary, tags: ['staff'], params: IdParamsSchema, response: { 200: BookingSchema, ...errors } } },
        async (request) => actOnBooking(db, keyRing, await requireInstitutionStaff(db, request), request.params.id, action),
      )
    }

    app.get(
      '/staff/enrollments',
      {
        schema: {
          summary: '本机构的入托申请（候补按顺序在前）',
          tags: ['staff'],
          querystring: StaffEnrollmentsQuerySchema,
          response: { 200: pageSchema(EnrollmentSchema), ...errors },
        },
      },
      async (request) => listStaffEnrollments(db, keyRing, await requireInstitutionStaff(db, request), request.query),
    )

    app.post(
      '/staff/enrollments/:id/admit',
      { schema: { summary: '录取（占用一个名额）', tags: ['staff'], params: IdParamsSchema, response: { 200: EnrollmentSchema, ...errors } } },
      async (request) => admitEnrollment(db, keyRing, await requireInstitutionStaff(db, request), request.params.id),
    )

    app.post(
      '/staff/enrollments/:id/decline',
      { schema: { summary: '不予录取', tags: ['staff'], params: IdParamsSchema, response: { 200: EnrollmentSchema, ...errors } } },
      async (request) => declineEnrollment(db, keyRing, await requireInstitutionStaff(db, request), request.params.id),
    )
  }
}
