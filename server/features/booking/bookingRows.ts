import { Booking, BookingStatus } from '@domain/booking'
import { maskPhone } from '@domain/phone'
import { Slot, SlotKind, SlotStatus } from '@domain/slot'
import { remainingPlaces } from '@domain/slotRules'
import { isoTime } from '../../platform/db/isoTime'
import { KeyRing } from '../../platform/crypto/fieldCipher'

/*
 * Row shapes of migration 005 and their mapping to the API's schemas. Times leave as
 * ISO-8601 with the +08:00 offset a parent reads them in.
 */


export interface SlotRow {
  id: string
  institution_id: string
  kind: SlotKind
  title: string
  // Date from a plain column; an ISO string when the slot comes nested as JSON
  starts_at: Date | string
  ends_at: Date | string
  capacity: number
  booked: number
  status: SlotStatus
  requires_confirmation: boolean
}

export const SLOT_COLUMNS = `s.id, s.institution_id, s.kind, s.title, s.starts_at, s.ends_at, s.capacity, s.booked, s.status, s.requires_confirmation`

export function toSlot(row: SlotRow): Slot {
  return {
    id: row.id,
    institutionId: row.institution_id,
    kind: row.kind,
    title: row.title,
    startsAt: isoTime(row.starts_at),
    endsAt: isoTime(row.ends_at),
    capacity: row.capacity,
    remaining: row.status === 'open' ? remainingPlaces(row) : 0,
    status: row.status,
    requiresConfirmation: row.requires_confirmation,
  }
}

/** A booking joined with its slot and the institution's name. */
export interface BookingRow {
  id: string
  slot_id: string
  user_id: string
  child_id: string | null
  child_nickname: string
  status: BookingStatus
  code: string
  contact_name: string
  contact_phone: string
  note: string | null
  decline_reason: string | null
  created_at: Date
  updated_at: Date
  institution_name: string
  institution_address: string
  institution_phone: string
  institution_lat: number
  institution_lng: number
  slot: SlotRow
}

/** Columns for a BookingRow: `from bookings b join slots s … join institutions i …`. */
export const BOOKING_COLUMNS = `b.id, b.slot_id, b.user_id, b.child_id, b.child_nickname, b.status, b.code,
  b.contact_name, b.contact_phone, b.note, b.decline_reason, b.created_at, b.updated_at,
  i.name as institution_name, i.address as institution_address, i.contact_phone as institution_phone,
  i.lat as institution_lat, i.lng as institution_lng,
  json_build_object('id', s.id, 'institution_id', s.institution_id, 'kind', s.kind, 'title', s.title,
    'starts_at', s.starts_at, 'ends_at', s.ends_at, 'capacity', s.capacity, 'booked', s.booked,
    'status', s.status, 'requires_confirmation', s.requires_confirmation) as slot`

export const BOOKING_FROM = `bookings b join slots s on s.id = b.slot_id join institutions i on i.id = s.institution_id`

/** The parent who booked sees their number; everyone else sees it masked (after decryption). */
export function toBooking(keyRing: KeyRing, row: BookingRow, audience: 'owner' | 'staff'): Booking {
  const phone = keyRing.decrypt(row.contact_phone)
  return {
    id: row.id,
    status: row.status,
    code: row.code,
    slot: toSlot(row.slot),
    institution: {
      id: row.slot.institution_id,
      name: row.institution_name,
      address: row.institution_address,
      contactPhone: row.institution_phone,
      location: { lat: row.institution_lat, lng: row.institution_lng },
    },
    child: { id: row.child_id ?? '', nickname: row.child_nickname },
    contactName: row.contact_name,
    contactPhone: audience === 'owner' ? phone : maskPhone(phone),
    note: row.note,
    declineReason: row.decline_reason,
    createdAt: isoTime(row.created_at),
    updatedAt: isoTime(row.updated_at),
  }
}
