import { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { Booking, BookingCreateBodySchema, BookingSchema, IdempotencyKeySchema } from '@domain/booking'
import { ErrorBodySchema } from '@domain/errors'
import { MY_BOOKINGS_PAGE, MyBookingsSchema } from '@domain/myBookings'
import { pageQuerySchema } from '@domain/page'
import { Database } from '../../platform/db/database'
import { requireViewer } from '../accounts/authentication'
import { cancelMyBooking, createBooking, getMyBooking } from './bookings'
import { myBookings } from './myBookings'
import { safeText } from '@domain/safeText'
import { EmptyBodySchema } from '@domain/emptyBody'
import { KeyRing } from '../../platform/crypto/fieldCipher'

export const BookingIdParamsSchema = z.object({
  id: safeText().trim().min(1, '预约编号不能为空').max(100, '预约编号太长'),
})

const IdempotencyHeadersSchema = z.object({ 'idempotency-key': IdempotencyKeySchema })

/** A parent's bookings (入托网上约). Another parent's booking is a 404, never a 403. */
export function bookingRoutes(db: Database, keyRing: KeyRing): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/bookings',
      {
        schema: {
          summary: '预约一个时段（需 Idempotency-Key；同一 Key 重试得到第一次的结果）',
          description:
            'The same Idempotency-Key with the same body answers the first answer again (201 or the 4xx it got). ' +
            'The same key with a different body: 422 with code CONFLICT.',
          tags: ['bookings'],
          headers: IdempotencyHeadersSchema,
          body: BookingCreateBodySchema,
          response: {
            201: BookingSchema,
            400: ErrorBodySchema,
            401: ErrorBodySchema,
            404: ErrorBodySchema,
            409: ErrorBodySchema.describe('SLOT_FULL, or CONFLICT (slot cancelled or started, already booked, too many bookings)'),
            422: ErrorBodySchema.describe('AGE_NOT_ACCEPTED, or CONFLICT when the Idempotency-Key was used with a different body'),
          },
        },
      },
      async (request, reply) => {
        const viewer = await requireViewer(db, request)
        const answer = await createBooking(db, keyRing, viewer, request.headers['idempotency-key'], request.body)
        // The first answer to the key: 201 with the booking or one of the 4xx declared above.
        return reply.code(answer.statusCode as 201).send(answer.body as Booking)
      },
    )

    app.get(
      '/bookings/:id',
      {
        schema: {
          summary: '预约详情',
          tags: ['bookings'],
          params: BookingIdParamsSchema,
          response: { 200: BookingSchema, 401: ErrorBodySchema, 404: ErrorBodySchema },
        },
      },
      async (request) => getMyBooking(db, keyRing, await requireViewer(db, request), request.params.id),
    )

    app.post(
      '/bookings/:id/cancel',
      {
        schema: {
          summary: '取消预约（活动开始前；名额立即释放）',
          tags: ['bookings'],
          params: BookingIdParamsSchema,
          body: EmptyBodySchema,
          response: { 200: BookingSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
        },
      },
      async (request) => cancelMyBooking(db, keyRing, await requireViewer(db, request), request.params.id),
    )

    app.get(
      '/me/bookings',
      {
        schema: {
          summary: '我的预约：即将到来的预约、进行中的入托申请、历史记录',
          tags: ['bookings'],
          querystring: pageQuerySchema(MY_BOOKINGS_PAGE),
          response: { 200: MyBookingsSchema, 400: ErrorBodySchema, 401: ErrorBodySchema },
        },
      },
      async (request) => myBookings(db, keyRing, await requireViewer(db, request), request.query),
    )
  }
}
