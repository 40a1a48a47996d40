import { BookingStatus } from './booking'

/*
 * The booking state machine (入托网上约):
 *
 *   pending ──confirm──▶ confirmed ──attend──▶ attended
 *      │                    │  └────no_show──▶ no_show
 *      ├──decline──▶ declined
 *      └──cancel───▶ cancelled ◀──cancel── confirmed
 *
 * A booking holds its place from the moment it is made (pending included, so staff
 * never confirm more people than fit) until it is cancelled or declined; attended and
 * no_show keep theirs because the visit happened in that place.
 */

export type BookingAction = 'cancel' | 'confirm' | 'decline' | 'attend' | 'no_show'
export type BookingActor = 'parent' | 'staff'

interface Transition {
  from: readonly BookingStatus[]
  to: BookingStatus
  by: BookingActor
  /** When in the slot's life the action makes sense. */
  when: 'before_start' | 'any' | 'after_start'
}

export const BOOKING_TRANSITIONS: Record<BookingAction, Transition> = {
  // A parent may change their mind until the visit begins; afterwards it is a no-show.
  cancel: { from: ['pending', 'confirmed'], to: 'cancelled', by: 'parent', when: 'before_start' },
  confirm: { from: ['pending'], to: 'confirmed', by: 'staff', when: 'any' },
  decline: { from: ['pending'], to: 'declined', by: 'staff', when: 'any' },
  // Attendance is known only once the visit has begun.
  attend: { from: ['confirmed'], to: 'attended', by: 'staff', when: 'after_start' },
  no_show: { from: ['confirmed'], to: 'no_show', by: 'staff', when: 'after_start' },
}

/** Statuses that occupy one of the slot's places. */
export const PLACE_HOLDING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'attended', 'no_show']
/** Statuses that are still in play: the parent can cancel, staff can act. */
export const ACTIVE_BOOKING_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed']

export function holdsPlace(status: BookingStatus): boolean {
  return PLACE_HOLDING_STATUSES.includes(status)
}

export function isActiveBooking(status: BookingStatus): boolean {
  return ACTIVE_BOOKING_STATUSES.includes(status)
}

/** How many places a transition frees (1) or takes (-1 never happens: places are taken on booking). */
export function placesFreedBy(from: BookingStatus, to: BookingStatus): number {
  return holdsPlace(from) && !holdsPlace(to) ? 1 : 0
}

export type TransitionCheck = { ok: true; to: BookingStatus } | { ok: false; reason: string }

/**
 * May this actor take this action on a booking in this status, for a slot starting at
 * slotStartsAt, now? The reason is a sentence a parent or staff member can act on.
 */
export function checkBookingTransition(
  action: BookingAction,
  actor: BookingActor,
  status: BookingStatus,
  slotStartsAt: string,
  now: Date = new Date(),
): TransitionCheck {
  const transition = BOOKING_TRANSITIONS[action]
  if (transition.by !== actor) return { ok: false, reason: '没有权限进行这个操作' }
  if (!transition.from.includes(status)) return { ok: false, reason: wrongStatusReason(action, status) }
  const started = Date.parse(slotStartsAt) <= now.getTime()
  if (transition.when === 'before_start' && started) return { ok: false, reason: '活动已经开始，不能再取消' }
  if (transition.when === 'after_start' && !started) return { ok: false, reason: '活动还没开始，开始后才能登记到场情况' }
  return { ok: true, to: transition.to }
}

function wrongStatusReason(action: BookingAction, status: BookingStatus): string {
  if (action === 'cancel') return status === 'cancelled' ? '这个预约已经取消了' : '这个预约已结束，不能取消'
  if (action === 'confirm' || action === 'decline') return '只有待确认的预约可以确认或拒绝'
  return '只有已确认的预约可以登记到场情况'
}

/** One parent may hold this many upcoming bookings at once, so nobody hoards open days. */
export const MAX_OPEN_BOOKINGS_PER_PARENT = 5

export function canHoldAnotherBooking(openUpcomingBookings: number): boolean {
  return openUpcomingBookings < MAX_OPEN_BOOKINGS_PER_PARENT
}

export const TOO_MANY_BOOKINGS_MESSAGE = `最多同时保留 ${MAX_OPEN_BOOKINGS_PER_PARENT} 个未到期的预约，请先取消不需要的预约`
export const ALREADY_BOOKED_MESSAGE = '孩子已经预约了这个时段'

/** The status a new booking starts in. */
export function initialBookingStatus(requiresConfirmation: boolean): BookingStatus {
  return requiresConfirmation ? 'pending' : 'confirmed'
}

/** The short code shown on arrival: no 0/O, 1/I/L, so it can be read aloud. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const BOOKING_CODE_LENGTH = 8
