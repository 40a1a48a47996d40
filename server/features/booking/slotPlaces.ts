import { Queryable } from '../../platform/db/database'

/*
 * The capacity guard (docs/platform-notes.md "The capacity guard"). Every transition that takes
 * or frees a place in a slot goes through these two statements and nothing else
 * changes slots.booked. Under READ COMMITTED a waiting UPDATE re-reads the row it
 * waited for and re-checks its WHERE, so two bookings can never both take the last
 * place; on PGlite transactions run one at a time anyway.
 *
 * Lock order, to keep deadlocks out: a transaction that changes a slot's places locks
 * the slot row before any booking row of that slot (see lockSlotOfBooking).
 */

export interface TakenPlace {
  id: string
  booked: number
  capacity: number
}

/** Takes one place if the slot is open, has not started and has one left; undefined otherwise. */
export async function takePlace(tx: Queryable, slotId: string): Promise<TakenPlace | undefined> {
  const result = await tx.query<TakenPlace>(
    `update slots set booked = booked + 1, updated_at = now()
     where id = $1 and status = 'open' and starts_at > now() and booked < capacity
     returning id, booked, capacity`,
    [slotId],
  )
  return result.rows[0]
}

/** Gives back places a cancelled or declined booking held (never below zero). */
export async function freePlaces(tx: Queryable, slotId: string, count = 1): Promise<void> {
  if (count <= 0) return
  await tx.query(
    `update slots set booked = booked - $2, updated_at = now()
     where id = $1 and booked >= $2`,
    [slotId, count],
  )
}

/** Locks the slot row before a booking of it changes status (the lock order above). */
export async function lockSlot(tx: Queryable, slotId: string): Promise<void> {
  await tx.query('select 1 from slots where id = $1 for no key update', [slotId])
}
