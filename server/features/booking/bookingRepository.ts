import crypto from 'node:crypto'
import { BookingStatus } from '@domain/booking'
import { ACTIVE_BOOKING_STATUSES, BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '@domain/bookingRules'
import { Queryable } from '../../platform/db/database'
import { BOOKING_COLUMNS, BOOKING_FROM, BookingRow } from './bookingRows'
import { KeyRing } from '../../platform/crypto/fieldCipher'

const ACTIVE = ACTIVE_BOOKING_STATUSES as string[]

export async function findBookingOfUser(db: Queryable, id: string, userId: string): Promise<BookingRow | undefined> {
  const result = await db.query<BookingRow>(`select ${BOOKING_COLUMNS} from ${BOOKING_FROM} where b.id = $1 and b.user_id = $2`, [id, userId])
  return result.rows[0]
}

export async function findBookingOfInstitution(db: Queryable, id: string, institutionId: string): Promise<BookingRow | undefined> {
  const result = await db.query<BookingRow>(`select ${BOOKING_COLUMNS} from ${BOOKING_FROM} where b.id = $1 and s.institution_id = $2`, [
    id,
    institutionId,
  ])
  return result.rows[0]
}

export async function listBookingsOfUser(db: Queryable, userId: string): Promise<BookingRow[]> {
  const result = await db.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from ${BOOKING_FROM} where b.user_id = $1 order by s.starts_at, b.created_at, b.id`,
    [userId],
  )
  return result.rows
}

export interface StaffBookingFilter {
  slotId?: string
  status?: BookingStatus
  limit: number
  offset?: number
}

export async function listBookingsOfInstitution(db: Queryable, institutionId: string, filter: StaffBookingFilter): Promise<BookingRow[]> {
  const result = await db.query<BookingRow>(
    `select ${BOOKING_COLUMNS} from ${BOOKING_FROM}
     where s.institution_id = $1
       and ($2::text is null or b.slot_id = $2)
       and ($3::text is null or b.status = $3)
     order by s.starts_at desc, b.created_at, b.id
     limit $4 offset $5`,
    [institutionId, filter.slotId ?? null, filter.status ?? null, filter.limit, filter.offset ?? 0],
  )
  return result.rows
}

/** Upcoming bookings still in play, for the per-parent cap. */
export async function countOpenUpcomingBookings(tx: Queryable, userId: string): Promise<number> {
  const result = await tx.query<{ count: number }>(
    `select count(*) as count from bookings b join slots s on s.id = b.slot_id
     where b.user_id = $1 and b.status = any($2::text[]) and s.starts_at > now()`,
    [userId, ACTIVE],
  )
  return result.rows[0].count
}

export async function hasActiveBooking(tx: Queryable, slotId: string, childId: string): Promise<boolean> {
  const result = await tx.query(`select 1 from bookings where slot_id = $1 and child_id = $2 and status = any($3::text[])`, [slotId, childId, ACTIVE])
  return result.rowCount > 0
}

export interface NewBooking {
  id: string
  slotId: string
  userId: string
  childId: string
  childNickname: string
  status: BookingStatus
  contactName: string
  contactPhone: string
  note: string | null
}

/** Inserts a booking with a fresh short code; a (very rare) code collision just draws again. */
export async function insertBooking(tx: Queryable, keyRing: KeyRing, booking: NewBooking): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await tx.query(
      `insert into bookings (id, slot_id, user_id, child_id, child_nickname, status, code, contact_name, contact_phone, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (code) do nothing`,
      [
        booking.id,
        booking.slotId,
        booking.userId,
        booking.childId,
        booking.childNickname,
        booking.status,
        newBookingCode(),
        booking.contactName,
        // Encrypted at rest (platform/crypto/fieldCipher.ts).
        keyRing.encrypt(booking.contactPhone),
        booking.note,
      ],
    )
    if (result.rowCount === 1) return
  }
  throw new Error('could not draw an unused booking code')
}

export function newBookingCode(): string {
  const bytes = crypto.randomBytes(BOOKING_CODE_LENGTH)
  return Array.from(bytes, (b) => BOOKING_CODE_ALPHABET[b % BOOKING_CODE_ALPHABET.length]).join('')
}

/**
 * Moves a booking from one of `from` to `to`, or does nothing when its status has
 * moved on meanwhile: of two staff confirming at once exactly one sees a row back.
 */
export async function transitionBooking(
  tx: Queryable,
  id: string,
  from: readonly BookingStatus[],
  to: BookingStatus,
): Promise<{ slot_id: string; user_id: string } | undefined> {
  const result = await tx.query<{ slot_id: string; user_id: string }>(
    `update bookings set status = $3, updated_at = now()
     where id = $1 and status = any($2::text[])
     returning slot_id, user_id`,
    [id, from as string[], to],
  )
  return result.rows[0]
}

/** Cancels every active booking of a slot; returns who held them (for notices). */
export async function cancelActiveBookingsOfSlot(tx: Queryable, slotId: string): Promise<{ id: string; user_id: string }[]> {
  const result = await tx.query<{ id: string; user_id: string }>(
    `update bookings set status = 'cancelled', updated_at = now()
     where slot_id = $1 and status = any($2::text[])
     returning id, user_id`,
    [slotId, ACTIVE],
  )
  return result.rows
}

/** The bookings that hold a place in the slot (whose families must hear of a change). */
export async function activeBookingsOfSlot(tx: Queryable, slotId: string): Promise<{ id: string }[]> {
  const result = await tx.query<{ id: string }>(`select id from bookings where slot_id = $1 and status = any($2::text[]) order by id`, [slotId, ACTIVE])
  return result.rows
}

export async function activeBookingsOfChild(tx: Queryable, childId: string): Promise<{ id: string; slot_id: string; status: BookingStatus }[]> {
  const result = await tx.query<{ id: string; slot_id: string; status: BookingStatus }>(
    `select id, slot_id, status from bookings where child_id = $1 and status = any($2::text[]) order by slot_id`,
    [childId, ACTIVE],
  )
  return result.rows
}

/** Keeps the institution's record of a visit without the child: no id, a neutral label. */
export async function anonymiseChildInBookings(tx: Queryable, childId: string, label: string): Promise<void> {
  await tx.query(`update bookings set child_id = null, child_nickname = $2, updated_at = now() where child_id = $1`, [childId, label])
}
