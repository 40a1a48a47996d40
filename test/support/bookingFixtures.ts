import crypto from 'node:crypto'
import { SlotKind } from '@domain/slot'
import { Queryable } from '../../server/platform/db/database'
import { upsertDistricts, upsertInstitutions } from '../../server/features/find/institutionWriter'
import { InstitutionRecord } from '@domain/institutionRecord'
import { institutionRecord, TEST_DISTRICTS } from '../fixtures/institutions'
import { AppTarget, requestJson, TestSession } from './session'
import { Database } from '../../server/platform/db/database'

/*
 * Shared set-up of the booking tests: institutions, slots written straight to the
 * database (so a test can have a slot that already started), and booking requests.
 */

export async function seedInstitutions(db: Database, records: Partial<InstitutionRecord>[]): Promise<void> {
  await upsertDistricts(db, TEST_DISTRICTS)
  await upsertInstitutions(
    db,
    records.map((r) => institutionRecord(r)),
  )
}

export interface SlotInput {
  institutionId: string
  kind?: SlotKind
  /** Hours from now; negative for a slot that has started. */
  startsInHours?: number
  capacity?: number
  booked?: number
  requiresConfirmation?: boolean
  status?: 'open' | 'cancelled'
}

export async function insertSlotRow(db: Queryable, input: SlotInput): Promise<string> {
  const id = `slot-${crypto.randomUUID().slice(0, 8)}`
  const startsIn = input.startsInHours ?? 48
  await db.query(
    `insert into slots (id, institution_id, kind, title, starts_at, ends_at, capacity, booked, status, requires_confirmation)
     values ($1, $2, $3, '开放日', now() + make_interval(secs => $4), now() + make_interval(secs => $4 + 7200), $5, $6, $7, $8)`,
    [
      id,
      input.institutionId,
      input.kind ?? 'open_day',
      startsIn * 3600,
      input.capacity ?? 10,
      input.booked ?? 0,
      input.status ?? 'open',
      input.requiresConfirmation ?? false,
    ],
  )
  return id
}

export function bookingBody(slotId: string, childId: string, extra: Record<string, unknown> = {}) {
  return { slotId, childId, contactName: '王女士', contactPhone: '13812345678', ...extra }
}

/** POST /api/v1/bookings with an Idempotency-Key (a fresh one unless given). */
export function postBooking(app: AppTarget, session: TestSession, body: unknown, key: string = crypto.randomUUID()) {
  return requestJson(app, 'POST', '/api/v1/bookings', body, { ...session.headers, 'idempotency-key': key })
}

export async function slotBooked(db: Queryable, slotId: string): Promise<{ booked: number; capacity: number; holding: number }> {
  const result = await db.query<{ booked: number; capacity: number; holding: number }>(
    `select s.booked, s.capacity,
            (select count(*) from bookings b where b.slot_id = s.id and b.status in ('pending', 'confirmed', 'attended', 'no_show')) as holding
     from slots s where s.id = $1`,
    [slotId],
  )
  return result.rows[0]
}

/** Row counts of every table a booking route may write, to prove a refused request wrote nothing. */
export async function bookingTableCounts(db: Queryable): Promise<Record<string, number>> {
  const result = await db.query<Record<string, number>>(
    `select (select count(*) from slots) as slots, (select count(*) from bookings) as bookings,
            (select count(*) from enrollments) as enrollments, (select count(*) from idempotency_keys) as idempotency_keys,
            (select count(*) from notification_outbox) as notifications,
            (select sum(booked) from slots) as booked, (select sum(enrolled) from institutions) as enrolled,
            (select count(*) from slots where updated_at <> created_at) as edited_slots`,
  )
  return result.rows[0]
}

/** The calendar month `n` months from now in Asia/Shanghai, "YYYY-MM". */
export function monthFromNow(n: number): string {
  const shanghai = new Date(Date.now() + 8 * 3600_000)
  shanghai.setUTCDate(1)
  shanghai.setUTCMonth(shanghai.getUTCMonth() + n)
  return shanghai.toISOString().slice(0, 7)
}
