import { SlotKind } from '@domain/slot'
import { SlotHost } from '@domain/slotRules'
import { Queryable } from '../../platform/db/database'
import { SLOT_COLUMNS, SlotRow } from './bookingRows'

export interface SlotWithInstitution extends SlotRow {
  institution_name: string
  min_age_months: number
  max_age_months: number
}

export async function findSlot(db: Queryable, id: string): Promise<SlotWithInstitution | undefined> {
  const result = await db.query<SlotWithInstitution>(
    `select ${SLOT_COLUMNS}, i.name as institution_name, i.min_age_months, i.max_age_months
     from slots s join institutions i on i.id = s.institution_id
     where s.id = $1`,
    [id],
  )
  return result.rows[0]
}

export async function findSlotOfInstitution(db: Queryable, id: string, institutionId: string): Promise<SlotRow | undefined> {
  const result = await db.query<SlotRow>(`select ${SLOT_COLUMNS} from slots s where s.id = $1 and s.institution_id = $2`, [id, institutionId])
  return result.rows[0]
}

export interface SlotWindow {
  from: Date
  to: Date
  kind?: SlotKind
}

/** Open slots starting inside the window and not yet started, with places left or not. */
export async function listOpenSlots(db: Queryable, institutionId: string, window: SlotWindow): Promise<SlotRow[]> {
  const result = await db.query<SlotRow>(
    `select ${SLOT_COLUMNS} from slots s
     where s.institution_id = $1 and s.status = 'open'
       and s.starts_at > now() and s.starts_at >= $2 and s.starts_at < $3
       and ($4::text is null or s.kind = $4)
     order by s.starts_at, s.id
     limit 500`,
    [institutionId, window.from.toISOString(), window.to.toISOString(), window.kind ?? null],
  )
  return result.rows
}

/** Institutions with an open slot of these kinds that has room and starts in [from, to). */
export async function listInstitutionsWithRoom(db: Queryable, from: Date, to: Date, kinds: readonly string[]): Promise<string[]> {
  const result = await db.query<{ institution_id: string }>(
    `select distinct s.institution_id from slots s
     where s.status = 'open' and s.booked < s.capacity
       and s.starts_at > now() and s.starts_at >= $1 and s.starts_at < $2 and s.kind = any($3::text[])`,
    [from.toISOString(), to.toISOString(), [...kinds]],
  )
  return result.rows.map((row) => row.institution_id)
}

/** Staff list: every slot in the window, cancelled ones included. */
export async function listInstitutionSlots(db: Queryable, institutionId: string, window: SlotWindow): Promise<SlotRow[]> {
  const result = await db.query<SlotRow>(
    `select ${SLOT_COLUMNS} from slots s
     where s.institution_id = $1 and s.starts_at >= $2 and s.starts_at < $3
       and ($4::text is null or s.kind = $4)
     order by s.starts_at, s.id
     limit 500`,
    [institutionId, window.from.toISOString(), window.to.toISOString(), window.kind ?? null],
  )
  return result.rows
}

export interface NewSlot {
  id: string
  institutionId: string
  kind: SlotKind
  title: string
  startsAt: string
  endsAt: string
  capacity: number
  requiresConfirmation: boolean
}

export async function insertSlot(tx: Queryable, slot: NewSlot): Promise<SlotRow> {
  const result = await tx.query<SlotRow>(
    `insert into slots as s (id, institution_id, kind, title, starts_at, ends_at, capacity, requires_confirmation)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     returning ${SLOT_COLUMNS}`,
    [slot.id, slot.institutionId, slot.kind, slot.title, slot.startsAt, slot.endsAt, slot.capacity, slot.requiresConfirmation],
  )
  return result.rows[0]
}

export interface SlotChanges {
  title?: string
  startsAt?: string
  endsAt?: string
  capacity?: number
  requiresConfirmation?: boolean
}

/**
 * Edits an open slot. The capacity can shrink only down to the places already taken:
 * the check is in the same statement, so a booking arriving meanwhile is counted.
 * Returns the row, or undefined when the slot is missing, cancelled, or would end up
 * below its bookings (the caller tells which).
 */
export async function updateOpenSlot(tx: Queryable, id: string, institutionId: string, changes: SlotChanges): Promise<SlotRow | undefined> {
  const result = await tx.query<SlotRow>(
    `update slots as s set
       title = coalesce($3, s.title),
       starts_at = coalesce($4::timestamptz, s.starts_at),
       ends_at = coalesce($5::timestamptz, s.ends_at),
       capacity = coalesce($6::integer, s.capacity),
       requires_confirmation = coalesce($7::boolean, s.requires_confirmation),
       updated_at = now()
     where s.id = $1 and s.institution_id = $2 and s.status = 'open'
       and coalesce($6::integer, s.capacity) >= s.booked
       and coalesce($5::timestamptz, s.ends_at) > coalesce($4::timestamptz, s.starts_at)
     returning ${SLOT_COLUMNS}`,
    [
      id,
      institutionId,
      changes.title ?? null,
      changes.startsAt ?? null,
      changes.endsAt ?? null,
      changes.capacity ?? null,
      changes.requiresConfirmation ?? null,
    ],
  )
  return result.rows[0]
}

/** Cancels an open slot; from here on takePlace refuses it. Returns the row, or undefined. */
export async function cancelOpenSlot(tx: Queryable, id: string, institutionId: string): Promise<SlotRow | undefined> {
  const result = await tx.query<SlotRow>(
    `update slots as s set status = 'cancelled', updated_at = now()
     where s.id = $1 and s.institution_id = $2 and s.status = 'open'
     returning ${SLOT_COLUMNS}`,
    [id, institutionId],
  )
  return result.rows[0]
}

/** The institution or health centre whose slots these are (006_content.sql adds health centres as hosts). */
export async function findSlotHost(db: Queryable, institutionId: string): Promise<SlotHost | undefined> {
  const result = await db.query<SlotHost>(
    `select id, name, json_build_object('minMonths', min_age_months, 'maxMonths', max_age_months) as "ageRange"
     from institutions where id = $1`,
    [institutionId],
  )
  return result.rows[0]
}
