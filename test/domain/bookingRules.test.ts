import { BOOKING_STATUSES } from '@domain/booking'
import {
  BOOKING_TRANSITIONS,
  BookingAction,
  canHoldAnotherBooking,
  checkBookingTransition,
  holdsPlace,
  initialBookingStatus,
  MAX_OPEN_BOOKINGS_PER_PARENT,
  placesFreedBy,
} from '@domain/bookingRules'

const now = new Date('2026-03-10T02:00:00Z')
const tomorrow = '2026-03-11T10:00:00+08:00'
const anHourAgo = '2026-03-10T09:00:00+08:00'

describe('the booking state machine', () => {
  it('lets a parent cancel a pending or confirmed booking before the slot starts', () => {
    expect(checkBookingTransition('cancel', 'parent', 'pending', tomorrow, now)).toEqual({ ok: true, to: 'cancelled' })
    expect(checkBookingTransition('cancel', 'parent', 'confirmed', tomorrow, now)).toEqual({ ok: true, to: 'cancelled' })
  })

  it('refuses a cancellation once the slot has started', () => {
    expect(checkBookingTransition('cancel', 'parent', 'confirmed', anHourAgo, now)).toMatchObject({ ok: false })
  })

  it('refuses to cancel what is already over', () => {
    for (const status of ['cancelled', 'declined', 'attended', 'no_show'] as const) {
      expect(checkBookingTransition('cancel', 'parent', status, tomorrow, now).ok).toBe(false)
    }
  })

  it('lets only staff confirm or decline, and only a pending booking', () => {
    expect(checkBookingTransition('confirm', 'staff', 'pending', tomorrow, now)).toEqual({ ok: true, to: 'confirmed' })
    expect(checkBookingTransition('decline', 'staff', 'pending', tomorrow, now)).toEqual({ ok: true, to: 'declined' })
    expect(checkBookingTransition('confirm', 'parent', 'pending', tomorrow, now).ok).toBe(false)
    expect(checkBookingTransition('confirm', 'staff', 'confirmed', tomorrow, now).ok).toBe(false)
  })

  it('marks attendance only for a confirmed booking whose slot has begun', () => {
    expect(checkBookingTransition('attend', 'staff', 'confirmed', anHourAgo, now)).toEqual({ ok: true, to: 'attended' })
    expect(checkBookingTransition('no_show', 'staff', 'confirmed', anHourAgo, now)).toEqual({ ok: true, to: 'no_show' })
    expect(checkBookingTransition('attend', 'staff', 'confirmed', tomorrow, now).ok).toBe(false)
    expect(checkBookingTransition('attend', 'staff', 'pending', anHourAgo, now).ok).toBe(false)
  })

  it('never lets a parent do what is staff work, nor staff cancel for a parent', () => {
    for (const action of Object.keys(BOOKING_TRANSITIONS) as BookingAction[]) {
      const actor = BOOKING_TRANSITIONS[action].by === 'parent' ? 'staff' : 'parent'
      for (const status of BOOKING_STATUSES) expect(checkBookingTransition(action, actor, status, anHourAgo, now).ok).toBe(false)
    }
  })

  it('holds a place while pending, confirmed, attended or no-show', () => {
    expect(BOOKING_STATUSES.filter(holdsPlace)).toEqual(['pending', 'confirmed', 'attended', 'no_show'])
  })

  it('frees exactly one place on cancel and decline and none on the other transitions', () => {
    for (const { from, to } of Object.values(BOOKING_TRANSITIONS)) {
      for (const status of from) expect(placesFreedBy(status, to)).toBe(to === 'cancelled' || to === 'declined' ? 1 : 0)
    }
  })

  it('starts pending only when the slot asks for confirmation', () => {
    expect(initialBookingStatus(true)).toBe('pending')
    expect(initialBookingStatus(false)).toBe('confirmed')
  })

  it(`caps a parent at ${MAX_OPEN_BOOKINGS_PER_PARENT} open upcoming bookings`, () => {
    expect(canHoldAnotherBooking(MAX_OPEN_BOOKINGS_PER_PARENT - 1)).toBe(true)
    expect(canHoldAnotherBooking(MAX_OPEN_BOOKINGS_PER_PARENT)).toBe(false)
  })
})
