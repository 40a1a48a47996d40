import crypto from 'node:crypto'
import { Booking, BookingCreateBody } from '@domain/booking'
import {
  ALREADY_BOOKED_MESSAGE,
  canHoldAnotherBooking,
  checkBookingTransition,
  initialBookingStatus,
  TOO_MANY_BOOKINGS_MESSAGE,
} from '@domain/bookingRules'
import { checkSlotAge, SLOT_UNAVAILABLE_MESSAGES, slotBookability } from '@domain/slotRules'
import { Database, Queryable, Transaction } from '../../platform/db/database'
import { findChildForBooking, lockParent } from './bookingChildren'
import { countOpenUpcomingBookings, findBookingOfUser, hasActiveBooking, insertBooking } from './bookingRepository'
import { toBooking } from './bookingRows'
import { isoTime } from '../../platform/db/isoTime'
import { takePlace } from './slotPlaces'
import { findSlot, SlotWithInstitution } from './slotRepository'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { changeBookingStatus } from './bookingTransitions'
import { Answer, runIdempotent } from '../../platform/http/idempotentRequest'
import { KeyRing } from '../../platform/crypto/fieldCipher'

export const bookingNotFound = () => new ApiError('NOT_FOUND', '没有找到这个预约')
const childNotFound = () => new ApiError('NOT_FOUND', '没有找到这个孩子')
const slotNotFound = () => new ApiError('NOT_FOUND', '没有找到这个时段')

/** POST /api/v1/bookings: once per Idempotency-Key (idempotentRequest.ts). */
export async function createBooking(db: Database, keyRing: KeyRing, viewer: Viewer, idempotencyKey: string, body: BookingCreateBody): Promise<Answer<Booking>> {
  return runIdempotent(db, keyRing, viewer.userId, idempotencyKey, body, 201, (tx) => book(tx, keyRing, viewer, body))
}

async function book(tx: Transaction, keyRing: KeyRing, viewer: Viewer, body: BookingCreateBody): Promise<Booking> {
  await lockParent(tx, viewer.userId)
  const child = await findChildForBooking(tx, viewer.userId, body.childId)
  if (!child) throw childNotFound()
  const slot = await findSlot(tx, body.slotId)
  if (!slot) throw slotNotFound()
  throwUnlessBookable(slot)

  const age = checkSlotAge(slot.kind, isoTime(slot.starts_at), { birthDate: child.birth_date, dueDate: child.due_date }, {
    minMonths: slot.min_age_months,
    maxMonths: slot.max_age_months,
  })
  if (!age.ok) throw new ApiError('AGE_NOT_ACCEPTED', age.reason)
  if (await hasActiveBooking(tx, slot.id, child.id)) throw new ApiError('CONFLICT', ALREADY_BOOKED_MESSAGE)
  if (!canHoldAnotherBooking(await countOpenUpcomingBookings(tx, viewer.userId))) throw new ApiError('CONFLICT', TOO_MANY_BOOKINGS_MESSAGE)

  // The capacity guard: one statement; nothing else decides whether a place is left.
  if (!(await takePlace(tx, slot.id))) {
    const now = await findSlot(tx, slot.id)
    throwUnlessBookable(now ?? slot)
    throw new ApiError('SLOT_FULL')
  }
  const id = crypto.randomUUID()
  await insertBooking(tx, keyRing, {
    id,
    slotId: slot.id,
    userId: viewer.userId,
    childId: child.id,
    childNickname: child.nickname,
    status: initialBookingStatus(slot.requires_confirmation),
    contactName: body.contactName,
    contactPhone: body.contactPhone,
    note: body.note ?? null,
  })
  return myBookingIn(tx, keyRing, viewer, id)
}

/** Cancelled or started slots are a 409 CONFLICT with the reason; a full one SLOT_FULL. */
function throwUnlessBookable(slot: SlotWithInstitution): void {
  const state = slotBookability({ status: slot.status, startsAt: isoTime(slot.starts_at), capacity: slot.capacity, booked: slot.booked })
  if (state === 'full') throw new ApiError('SLOT_FULL')
  if (state !== 'bookable') throw new ApiError('CONFLICT', SLOT_UNAVAILABLE_MESSAGES[state])
}

async function myBookingIn(db: Queryable, keyRing: KeyRing, viewer: Viewer, id: string): Promise<Booking> {
  const row = await findBookingOfUser(db, id, viewer.userId)
  if (!row) throw bookingNotFound()
  return toBooking(keyRing, row, 'owner')
}

/** GET /api/v1/bookings/:id — the parent's own booking; anyone else's is 404. */
export async function getMyBooking(db: Database, keyRing: KeyRing, viewer: Viewer, id: string): Promise<Booking> {
  return myBookingIn(db, keyRing, viewer, id)
}

/** POST /api/v1/bookings/:id/cancel — before the slot starts; the place frees at once. */
export async function cancelMyBooking(db: Database, keyRing: KeyRing, viewer: Viewer, id: string): Promise<Booking> {
  return db.transaction(async (tx) => {
    const row = await findBookingOfUser(tx, id, viewer.userId)
    if (!row) throw bookingNotFound()
    const check = checkBookingTransition('cancel', 'parent', row.status, isoTime(row.slot.starts_at))
    if (!check.ok) throw new ApiError('CONFLICT', check.reason)
    if (!(await changeBookingStatus(tx, { id, slotId: row.slot_id }, row.status, check.to))) {
      throw new ApiError('CONFLICT', '预约状态刚刚有变化，请刷新后再试')
    }
    return myBookingIn(tx, keyRing, viewer, id)
  })
}
