import { z } from 'zod'
import { ageInMonths, AgeRange, describeAgeRange, isAgeAccepted } from './age'
import { inShanghai } from './shanghaiTime'
import { SlotKind, SlotKindSchema, SlotStatus } from './slot'

/*
 * Whether a slot can be booked, and by which child. The app uses these to guide the
 * parent; the server decides with the same functions (and its capacity guard).
 */

export interface SlotState {
  status: SlotStatus
  startsAt: string
  capacity: number
  booked: number
}

export type Bookability = 'bookable' | 'cancelled' | 'started' | 'full'

export function slotBookability(slot: SlotState, now: Date = new Date()): Bookability {
  if (slot.status !== 'open') return 'cancelled'
  if (Date.parse(slot.startsAt) <= now.getTime()) return 'started'
  if (slot.booked >= slot.capacity) return 'full'
  return 'bookable'
}

export function remainingPlaces(slot: Pick<SlotState, 'capacity' | 'booked'>): number {
  return Math.max(0, slot.capacity - slot.booked)
}

export const SLOT_UNAVAILABLE_MESSAGES: Record<Exclude<Bookability, 'bookable'>, string> = {
  cancelled: '这个时段已被机构取消，请选择其他时间',
  started: '这个时段已经开始或结束，请选择其他时间',
  full: '这个时段已约满，请选择其他时间',
}

export interface ChildDates {
  birthDate: string | null
  dueDate: string | null
}

export type AgeCheck = { ok: true } | { ok: false; reason: string }

/**
 * May this child come to this slot? Lectures (家长课堂) are for parents: no age rule.
 * Other slots take children whose whole months on the slot's day (Asia/Shanghai) are
 * within the institution's range; a child not yet born is refused.
 */
export function checkSlotAge(kind: SlotKind, startsAt: string, child: ChildDates, range: AgeRange): AgeCheck {
  if (kind === 'lecture') return { ok: true }
  if (child.birthDate === null) return { ok: false, reason: '宝宝出生后才能预约这类活动，可以先预约家长课堂' }
  const onDate = inShanghai(startsAt).format('YYYY-MM-DD')
  const age = ageInMonths(child.birthDate, onDate)
  if (isAgeAccepted(range, age)) return { ok: true }
  return { ok: false, reason: `该机构招收${describeAgeRange(range)}的孩子，活动当天孩子${Math.max(age, 0)}个月，不在范围内` }
}

/** The public list shows the next 60 days unless the parent picks a window. */
export const DEFAULT_SLOT_WINDOW_DAYS = 60
/** A window longer than this is refused (the list is not paged). */
export const MAX_SLOT_WINDOW_DAYS = 366

/** GET /institutions/:id/slots items (docs/api.md). */
export const PublicSlotSchema = z.object({
  id: z.string(),
  kind: SlotKindSchema,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
  requiresConfirmation: z.boolean(),
})
export type PublicSlot = z.infer<typeof PublicSlotSchema>

/**
 * Who holds an institution's slots: a childcare institution, or a health centre that
 * holds lectures (妇幼保健院, 社区卫生服务中心), which has no childcare detail page.
 * The booking form needs only this.
 */
export const SlotHostSchema = z.object({
  id: z.string(),
  name: z.string(),
  ageRange: z.object({ minMonths: z.number().int(), maxMonths: z.number().int() }),
})
export type SlotHost = z.infer<typeof SlotHostSchema>

/** GET /api/v1/institutions/:id/slots: the list convention plus the host. */
export const InstitutionSlotsSchema = z.object({
  items: z.array(PublicSlotSchema),
  nextCursor: z.string().nullable(),
  host: SlotHostSchema,
})
export type InstitutionSlots = z.infer<typeof InstitutionSlotsSchema>

/** "Open slots summary" of an institution's detail page: per kind, how many and the next few. */
export const OpenSlotsSummarySchema = z.object({
  /** Open, future slots with places left, in the next DEFAULT_SLOT_WINDOW_DAYS days. */
  total: z.number().int().nonnegative(),
  byKind: z.array(z.object({ kind: SlotKindSchema, count: z.number().int().nonnegative(), nextStartsAt: z.string() })),
  next: z.array(PublicSlotSchema),
})
export type OpenSlotsSummary = z.infer<typeof OpenSlotsSummarySchema>

/** 可预约 on a card: an activity a parent can book within four weeks (issue 12). */
export const BOOKABLE_WINDOW_DAYS = 28
/** The activities that make a place 可预约 (lectures are listed under 家长课堂); 计时托/临时托 sessions are bookable care. */
export const BOOKABLE_SLOT_KINDS = ['open_day', 'visit', 'trial', 'hourly', 'temporary'] as const
