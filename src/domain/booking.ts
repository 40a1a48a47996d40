import { z } from 'zod'
import { MobilePhoneSchema } from './phone'
import { SlotSchema } from './slot'
import { safeText } from './safeText'

/*
 * A booking of one place in a slot for one child. Glossary: 预约 booking · 待确认
 * pending · 已确认 confirmed · 已取消 cancelled · 未通过 declined · 已到场 attended ·
 * 未到场 no_show. pending and confirmed hold a place; the others do not, except
 * attended and no_show, which keep theirs (the visit happened in that place).
 */
export const BOOKING_STATUSES = ['pending', 'confirmed', 'cancelled', 'declined', 'attended', 'no_show'] as const
export const BookingStatusSchema = z.enum(BOOKING_STATUSES)
export type BookingStatus = z.infer<typeof BookingStatusSchema>
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  pending: '待机构确认',
  confirmed: '已确认',
  cancelled: '已取消',
  declined: '机构未通过',
  attended: '已到场',
  no_show: '未到场',
}

export const CONTACT_NAME_MAX = 20
export const BOOKING_NOTE_MAX = 200

export const BookingCreateBodySchema = z.object({
  slotId: safeText({ error: '请选择时段' }).trim().min(1, '请选择时段').max(100, '时段编号太长'),
  childId: safeText({ error: '请选择孩子' }).trim().min(1, '请选择孩子').max(100, '孩子编号太长'),
  contactName: safeText({ error: '请填写联系人' }).trim().min(1, '请填写联系人').max(CONTACT_NAME_MAX, `联系人最多 ${CONTACT_NAME_MAX} 个字`),
  contactPhone: MobilePhoneSchema,
  note: safeText().trim().max(BOOKING_NOTE_MAX, `备注最多 ${BOOKING_NOTE_MAX} 个字`).optional(),
})
export type BookingCreateBody = z.infer<typeof BookingCreateBodySchema>

/** Idempotency-Key header: 8–128 visible ASCII characters (a UUID fits). */
export const IdempotencyKeySchema = safeText({ error: '缺少 Idempotency-Key 请求头' })
  .regex(/^[\x21-\x7e]{8,128}$/, 'Idempotency-Key 应为 8–128 个可见字符')

export const BookingSchema = z.object({
  id: z.string(),
  status: BookingStatusSchema,
  /** Short code shown on arrival (also in the QR code). */
  code: z.string(),
  slot: SlotSchema,
  /** Where to go and whom to ring, on every booking (issue 12: a way there). */
  institution: z.object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    contactPhone: z.string(),
    /** GCJ-02, for the map apps; never shown as the way to find the place. */
    location: z.object({ lat: z.number(), lng: z.number() }),
  }),
  child: z.object({ id: z.string(), nickname: z.string() }),
  contactName: z.string(),
  /** Full to the parent who booked; masked (138****5678) to staff. */
  contactPhone: z.string(),
  note: z.string().nullable(),
  /** Why the institution declined, for the parent (issue 9); null otherwise. */
  declineReason: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Booking = z.infer<typeof BookingSchema>

/** Staff: POST /api/v1/staff/bookings/:id/decline — the reason the parent reads. */
export const BookingDeclineBodySchema = z
  .object({ reason: safeText().trim().max(100, '理由最多 100 个字').optional() })
  .nullish()
