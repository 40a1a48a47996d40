import { SlotsQuery } from '@domain/slot'
import { BOOKABLE_SLOT_KINDS, BOOKABLE_WINDOW_DAYS, DEFAULT_SLOT_WINDOW_DAYS, InstitutionSlots, MAX_SLOT_WINDOW_DAYS, OpenSlotsSummary, PublicSlot } from '@domain/slotRules'
import { Queryable } from '../../platform/db/database'
import { SlotRow, toSlot } from './bookingRows'
import { findSlotHost, listInstitutionsWithRoom, listOpenSlots, SlotWindow } from './slotRepository'
import { ApiError, notFound } from '../../platform/http/apiError'

const DAY_MS = 24 * 3600 * 1000

/** from/to of a slot query: default from now for DEFAULT_SLOT_WINDOW_DAYS; a bad window is a 400. */
export function slotWindow(query: SlotsQuery, now: Date = new Date()): SlotWindow {
  const from = query.from ? new Date(query.from) : now
  const to = query.to ? new Date(query.to) : new Date(from.getTime() + DEFAULT_SLOT_WINDOW_DAYS * DAY_MS)
  if (to.getTime() <= from.getTime()) throw new ApiError('VALIDATION', '结束时间应晚于开始时间', { 'query.to': '结束时间应晚于开始时间' })
  if (to.getTime() - from.getTime() > MAX_SLOT_WINDOW_DAYS * DAY_MS) {
    throw new ApiError('VALIDATION', `一次最多查询 ${MAX_SLOT_WINDOW_DAYS} 天`, { 'query.to': `一次最多查询 ${MAX_SLOT_WINDOW_DAYS} 天` })
  }
  return { from, to, kind: query.kind }
}

export function toPublicSlot(row: SlotRow): PublicSlot {
  const slot = toSlot(row)
  return {
    id: slot.id,
    kind: slot.kind,
    title: slot.title,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    capacity: slot.capacity,
    remaining: slot.remaining,
    requiresConfirmation: slot.requiresConfirmation,
  }
}

/** GET /api/v1/institutions/:id/slots — open slots that have not started, with places remaining (0 when full). */
export async function listInstitutionOpenSlots(db: Queryable, institutionId: string, query: SlotsQuery): Promise<InstitutionSlots> {
  const window = slotWindow(query)
  const host = await findSlotHost(db, institutionId)
  if (!host) throw notFound('没有找到这家机构，它可能已注销或链接有误')
  const rows = await listOpenSlots(db, institutionId, window)
  return { items: rows.map(toPublicSlot), nextCursor: null, host }
}

const SUMMARY_NEXT = 3

/** Which institutions are 可预约 now (BOOKABLE_WINDOW_DAYS, BOOKABLE_SLOT_KINDS): the find feature's cards and filter. */
export async function bookableInstitutionIds(db: Queryable, now: Date = new Date()): Promise<Set<string>> {
  const to = new Date(now.getTime() + BOOKABLE_WINDOW_DAYS * 24 * 60 * 60 * 1000)
  return new Set(await listInstitutionsWithRoom(db, now, to, BOOKABLE_SLOT_KINDS))
}

/** The detail page's "open slots summary": bookable slots of the next 60 days, per kind, and the next few. */
export async function openSlotsSummary(db: Queryable, institutionId: string, now: Date = new Date()): Promise<OpenSlotsSummary> {
  const rows = (await listOpenSlots(db, institutionId, slotWindow({}, now))).filter((row) => row.booked < row.capacity)
  const byKind = new Map<PublicSlot['kind'], { count: number; nextStartsAt: string }>()
  const slots = rows.map(toPublicSlot)
  for (const slot of slots) {
    const entry = byKind.get(slot.kind)
    if (entry) entry.count++
    else byKind.set(slot.kind, { count: 1, nextStartsAt: slot.startsAt })
  }
  return {
    total: slots.length,
    byKind: [...byKind].map(([kind, entry]) => ({ kind, ...entry })),
    next: slots.slice(0, SUMMARY_NEXT),
  }
}

/** Open days (开放日) of a district's filed institutions that started in [from, to) and were not cancelled: the regulator's "open days held this month". */
export async function openDaysHeld(db: Queryable, districtCode: string, from: Date, to: Date): Promise<number> {
  const result = await db.query<{ held: number }>(
    `select count(*)::int as held
     from slots s join institutions i on i.id = s.institution_id
     where i.district_code = $1 and i.filing_status = 'filed'
       and s.kind = 'open_day' and s.status = 'open' and s.starts_at >= $2 and s.starts_at < $3`,
    [districtCode, from, to],
  )
  return result.rows[0].held
}
