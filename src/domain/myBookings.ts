import { z } from 'zod'
import { BookingSchema } from './booking'
import { EnrollmentSchema } from './enrollment'
import { pageSchema } from './page'

/**
 * GET /api/v1/me/bookings — 我的预约: bookings and enrollment applications in one list,
 * upcoming bookings first (soonest first), then open applications, then the past.
 */
export const MyBookingItemSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('booking'), booking: BookingSchema }),
  z.object({ type: z.literal('enrollment'), enrollment: EnrollmentSchema }),
])
export type MyBookingItem = z.infer<typeof MyBookingItemSchema>

export const MyBookingsSchema = pageSchema(MyBookingItemSchema)
/** Items a page of 我的预约 holds unless the client asks for fewer. */
export const MY_BOOKINGS_PAGE = 50
export type MyBookings = z.infer<typeof MyBookingsSchema>

/** POST /api/v1/me/subscriptions: the template kinds the parent (or staff: vacancy_stale, rectification_status) just accepted (one message each). */
export const SUBSCRIPTION_KINDS = ['visit_reminder', 'booking_status', 'enrollment_status', 'complaint_status', 'vacancy_alert', 'rectification_status', 'open_day_alert', 'vacancy_stale'] as const
export const SubscriptionBodySchema = z.object({
  kinds: z.array(z.enum(SUBSCRIPTION_KINDS, { error: '订阅类型不正确' })).min(1, '请选择要订阅的提醒').max(SUBSCRIPTION_KINDS.length),
})
export type SubscriptionBody = z.infer<typeof SubscriptionBodySchema>
