import { Booking, BookingCreateBody, BookingSchema } from '@domain/booking'
import { MyBookings, MyBookingsSchema } from '@domain/myBookings'
import { SlotKind } from '@domain/slot'
import { InstitutionSlots, InstitutionSlotsSchema, PublicSlot } from '@domain/slotRules'
import { getJson, requestJson } from './client'

/** 入托网上约: an institution's slots and the parent's bookings (docs/api.md "Booking"). */

export interface SlotWindow {
  from?: string
  to?: string
  kind?: SlotKind
}

/** The slots and their host (an institution, or a health centre holding lectures). */
export function getInstitutionSlots(institutionId: string, window: SlotWindow = {}): Promise<InstitutionSlots> {
  const params = (['from', 'to', 'kind'] as const).flatMap((key): Array<[string, string]> => (window[key] ? [[key, window[key]!]] : []))
  return getJson(`/api/v1/institutions/${encodeURIComponent(institutionId)}/slots`, InstitutionSlotsSchema, params)
}

export async function listInstitutionSlots(institutionId: string, window: SlotWindow = {}): Promise<PublicSlot[]> {
  return (await getInstitutionSlots(institutionId, window)).items
}

/** `idempotencyKey`: one per confirm tap, the same again when that tap is retried. */
export function createBooking(body: BookingCreateBody, idempotencyKey: string): Promise<Booking> {
  return requestJson('POST', '/api/v1/bookings', BookingSchema, { auth: true, body, idempotencyKey })
}

export function getBooking(id: string): Promise<Booking> {
  return requestJson('GET', `/api/v1/bookings/${encodeURIComponent(id)}`, BookingSchema, { auth: true })
}

/** Cancels before the start; the place is free for others at once. */
export function cancelBooking(id: string): Promise<Booking> {
  return requestJson('POST', `/api/v1/bookings/${encodeURIComponent(id)}/cancel`, BookingSchema, { auth: true })
}

export function listMyBookings(cursor?: string): Promise<MyBookings> {
  return requestJson('GET', '/api/v1/me/bookings', MyBookingsSchema, { auth: true, params: cursor ? [['cursor', cursor]] : [] })
}
