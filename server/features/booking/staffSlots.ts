import crypto from 'node:crypto'
import { Slot, SlotCreateBody, SlotsQuery, SlotUpdateBody, SLOT_KIND_LABELS, WeeklySlotsBody } from '@domain/slot'
import { inShanghai } from '@domain/shanghaiTime'
import { Database } from '../../platform/db/database'
import { activeBookingsOfSlot, cancelActiveBookingsOfSlot } from './bookingRepository'
import { toSlot } from './bookingRows'
import { freePlaces } from './slotPlaces'
import { cancelOpenSlot, findSlotOfInstitution, insertSlot, listInstitutionSlots, updateOpenSlot } from './slotRepository'
import { ApiError } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { queueBookingStatusNotice, queueSlotChangedNotice } from './bookingNotices'
import { slotWindow } from './slots'
import { pageFromList } from '../../platform/http/paging'
import { Page } from '@domain/page'

/** A window holds at most a few hundred slots (slotRepository reads up to 500): one page is usually all of them. */
const STAFF_SLOTS_PAGE = 100

type Staff = Viewer & { staffInstitutionId: string }

export const slotNotFound = () => new ApiError('NOT_FOUND', '没有找到这个时段')

function refuseThePast(startsAt: string | undefined, now: Date): void {
  if (startsAt !== undefined && Date.parse(startsAt) <= now.getTime()) {
    throw new ApiError('VALIDATION', '开始时间应晚于现在', { 'body.startsAt': '开始时间应晚于现在' })
  }
}

/** POST /api/v1/staff/slots — a new open slot of the staff member's institution. */
export async function createSlot(db: Database, staff: Staff, body: SlotCreateBody, now: Date = new Date()): Promise<Slot> {
  refuseThePast(body.startsAt, now)
  const row = await insertSlot(db, {
    id: crypto.randomUUID(),
    institutionId: staff.staffInstitutionId,
    kind: body.kind,
    title: body.title || SLOT_KIND_LABELS[body.kind],
    startsAt: body.startsAt,
    endsAt: body.endsAt,
    capacity: body.capacity,
    requiresConfirmation: body.requiresConfirmation ?? false,
  })
  return toSlot(row)
}

/**
 * POST /api/v1/staff/slots/weekly — the same slot every week for `weeks` weeks, at the
 * same Beijing wall-clock time (dayjs in Asia/Shanghai), all or none in one transaction.
 */
export async function createWeeklySlots(db: Database, staff: Staff, body: WeeklySlotsBody, now: Date = new Date()): Promise<{ items: Slot[]; nextCursor: null }> {
  refuseThePast(body.startsAt, now)
  const starts = inShanghai(body.startsAt)
  const ends = inShanghai(body.endsAt)
  const items = await db.transaction(async (tx) => {
    const made: Slot[] = []
    for (let week = 0; week < body.weeks; week++) {
      const row = await insertSlot(tx, {
        id: crypto.randomUUID(),
        institutionId: staff.staffInstitutionId,
        kind: body.kind,
        title: body.title || SLOT_KIND_LABELS[body.kind],
        // To the millisecond, as sent: the end stays after the start however short the slot.
        startsAt: starts.add(week, 'week').format('YYYY-MM-DDTHH:mm:ss.SSSZ'),
        endsAt: ends.add(week, 'week').format('YYYY-MM-DDTHH:mm:ss.SSSZ'),
        capacity: body.capacity,
        requiresConfirmation: body.requiresConfirmation ?? false,
      })
      made.push(toSlot(row))
    }
    return made
  })
  return { items, nextCursor: null }
}

/** GET /api/v1/staff/slots — every slot of the institution in the window (default: the next 60 days). */
export async function listStaffSlots(db: Database, staff: Staff, query: SlotsQuery & { cursor?: string }): Promise<Page<Slot>> {
  const rows = await listInstitutionSlots(db, staff.staffInstitutionId, slotWindow(query))
  return pageFromList(rows.map(toSlot), query.cursor, STAFF_SLOTS_PAGE)
}

/** PATCH /api/v1/staff/slots/:id — capacity below the places taken is a 409; so is editing a cancelled slot. */
export async function updateSlot(db: Database, staff: Staff, id: string, body: SlotUpdateBody, now: Date = new Date()): Promise<Slot> {
  refuseThePast(body.startsAt, now)
  return db.transaction(async (tx) => {
    const before = await findSlotOfInstitution(tx, id, staff.staffInstitutionId)
    const updated = await updateOpenSlot(tx, id, staff.staffInstitutionId, { ...body, title: body.title || undefined })
    if (updated) {
      // Booked families hear of a new time in the same transaction that sets it.
      const at = (value: Date | string) => new Date(value).getTime()
      const moved = before && (at(before.starts_at) !== at(updated.starts_at) || at(before.ends_at) !== at(updated.ends_at))
      if (moved) for (const booking of await activeBookingsOfSlot(tx, id)) await queueSlotChangedNotice(tx, booking.id)
      return toSlot(updated)
    }
    const current = await findSlotOfInstitution(tx, id, staff.staffInstitutionId)
    if (!current) throw slotNotFound()
    if (current.status !== 'open') throw new ApiError('CONFLICT', '这个时段已取消，不能再修改')
    if (body.capacity !== undefined && body.capacity < current.booked) {
      throw new ApiError('CONFLICT', `已有 ${current.booked} 个预约，名额不能少于 ${current.booked}`)
    }
    throw new ApiError('VALIDATION', '结束时间应晚于开始时间', { 'body.endsAt': '结束时间应晚于开始时间' })
  })
}

/**
 * POST /api/v1/staff/slots/:id/cancel — closes the slot (takePlace refuses it from this
 * statement on), cancels its active bookings, gives their places back, and queues a
 * notice to each family, all in one transaction.
 */
export async function cancelSlot(db: Database, staff: Staff, id: string): Promise<Slot> {
  return db.transaction(async (tx) => {
    const cancelled = await cancelOpenSlot(tx, id, staff.staffInstitutionId)
    if (!cancelled) {
      const current = await findSlotOfInstitution(tx, id, staff.staffInstitutionId)
      if (!current) throw slotNotFound()
      throw new ApiError('CONFLICT', '这个时段已经取消了')
    }
    const bookings = await cancelActiveBookingsOfSlot(tx, id)
    await freePlaces(tx, id, bookings.length)
    for (const b of bookings) await queueBookingStatusNotice(tx, b.id, 'cancelled', '机构取消了这个时段')
    const row = await findSlotOfInstitution(tx, id, staff.staffInstitutionId)
    return toSlot(row!)
  })
}
