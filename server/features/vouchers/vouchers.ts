import crypto from 'node:crypto'
import { Booking } from '@domain/booking'
import { Page, PageQuery } from '@domain/page'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Voucher, VoucherBatch, VoucherBookBody, VOUCHER_MESSAGES } from '@domain/voucher'
import { Database, Queryable } from '../../platform/db/database'
import { ApiError, notFound } from '../../platform/http/apiError'
import { Answer } from '../../platform/http/idempotentRequest'
import { dateAndIdCursor, pageFromRows, timeAndIdCursor } from '../../platform/http/paging'
import { Viewer } from '../accounts/authentication'
import { createBooking } from '../booking/bookings'
import {
  attachBooking,
  BatchRow,
  childOfParent,
  findBatch,
  findSlotForVoucher,
  findVoucherOfUser,
  hasVoucherForChild,
  insertVoucher,
  listOpenBatches,
  listVouchersOfUser,
  takeVoucherFromBatch,
} from './voucherRepository'
import { toBatch, toVoucher } from './voucherViews'
import { KeyRing } from '../../platform/crypto/fieldCipher'

/*
 * The parent's side of 体验券: open batches, claiming one per child, booking a trial day
 * with it (through 入托网上约's own booking service, so the slot's capacity guard and the
 * age rule apply), and the list in 我的.
 */

const ENDED_BOOKING_STATUSES: readonly string[] = ['cancelled', 'declined']

/** No 0/O or 1/I: the code is read aloud and typed at a check-in desk. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

function drawCode(): string {
  let code = ''
  for (let i = 0; i < 8; i += 1) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]
  return code
}

/** GET /voucher-batches: one page, soonest ending first (docs/api.md "Paging"). */
export async function openBatches(db: Queryable, query: { districtCode?: string } & PageQuery, now = new Date()): Promise<Page<VoucherBatch>> {
  const after = query.cursor ? dateAndIdCursor.decode(query.cursor) : undefined
  const rows = await listOpenBatches(db, query.districtCode ?? null, todayInShanghai(now), after, query.limit + 1)
  return pageFromRows(rows, query.limit, toBatch, (row) => ({ day: row.valid_until, id: row.id }), dateAndIdCursor)
}

async function voucherOf(db: Queryable, viewer: Viewer, id: string, today: string): Promise<Voucher> {
  const row = await findVoucherOfUser(db, id, viewer.userId)
  if (!row) throw notFound('没有找到这张体验券')
  const batch = await findBatch(db, row.batch_id)
  return toVoucher(row, batch!, today)
}

/** POST /voucher-batches/:id/claims: one voucher per child; never more than the batch holds. */
export async function claimVoucher(db: Database, viewer: Viewer, batchId: string, childId: string, now = new Date()): Promise<Voucher> {
  const today = todayInShanghai(now)
  const id = await db.transaction(async (tx) => {
    const child = await childOfParent(tx, viewer.userId, childId)
    if (!child) throw notFound('没有找到这个孩子')
    const batch = await findBatch(tx, batchId)
    if (!batch) throw notFound('没有找到这批体验券')
    if (batch.valid_from > today || batch.valid_until < today) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.batchNotOpen)
    if (await hasVoucherForChild(tx, batchId, childId)) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.alreadyClaimed)
    if (!(await takeVoucherFromBatch(tx, batchId, today))) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.batchGone)
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const voucherId = crypto.randomUUID()
      const outcome = await insertVoucher(tx, { id: voucherId, batchId, code: drawCode(), userId: viewer.userId, childId, childNickname: child.nickname })
      if (outcome === 'inserted') return voucherId
      // a second claim for this child raced this one: the rollback returns the taken place
      if (outcome === 'child_has_one') throw new ApiError('CONFLICT', VOUCHER_MESSAGES.alreadyClaimed)
    }
    throw new Error('could not draw an unused voucher code')
  })
  return voucherOf(db, viewer, id, today)
}

/** GET /me/vouchers: one page, newest claim first. */
export async function myVouchers(db: Queryable, viewer: Viewer, query: PageQuery, now = new Date()): Promise<Page<Voucher>> {
  const today = todayInShanghai(now)
  const after = query.cursor ? timeAndIdCursor.decode(query.cursor) : undefined
  const rows = await listVouchersOfUser(db, viewer.userId, after, query.limit + 1)
  const batches = new Map<string, BatchRow>()
  for (const row of rows.slice(0, query.limit)) {
    if (!batches.has(row.batch_id)) batches.set(row.batch_id, (await findBatch(db, row.batch_id))!)
  }
  return pageFromRows(rows, query.limit, (row) => toVoucher(row, batches.get(row.batch_id)!, today), (row) => ({ at: row.cursor_at, id: row.id }), timeAndIdCursor)
}

export async function myVoucher(db: Queryable, viewer: Viewer, id: string, now = new Date()): Promise<Voucher> {
  return voucherOf(db, viewer, id, todayInShanghai(now))
}

/**
 * POST /me/vouchers/:id/booking: books the trial day through the booking service with a
 * key of this voucher (a double tap books once), then ties the booking to the voucher.
 */
export async function bookTrialWithVoucher(db: Database, keyRing: KeyRing, viewer: Viewer, voucherId: string, body: VoucherBookBody, now = new Date()): Promise<Answer<Voucher>> {
  const today = todayInShanghai(now)
  const voucher = await voucherOf(db, viewer, voucherId, today)
  if (voucher.expired) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.expired)
  if (voucher.status === 'redeemed') throw new ApiError('CONFLICT', VOUCHER_MESSAGES.used)
  // A booking the parent cancelled (or the institution declined) frees the voucher to book again.
  const previous = voucher.booking
  const previousEnded = previous !== null && ENDED_BOOKING_STATUSES.includes(previous.status)
  if (voucher.status === 'booked' && !previousEnded) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.alreadyBooked)
  if (!voucher.child.id) throw notFound('这张体验券的孩子信息已删除')
  const slot = await findSlotForVoucher(db, body.slotId)
  if (!slot) throw notFound('没有找到这个时段')
  if (slot.kind !== 'trial' || !voucher.batch.institutions.some((i) => i.id === slot.institution_id)) {
    throw new ApiError('CONFLICT', VOUCHER_MESSAGES.notTrial)
  }
  // One key per booking round: a double tap books once; after a cancellation a new round may book again.
  const answer = await createBooking(db, keyRing, viewer, `voucher-${voucherId}-${previous?.id ?? 'first'}`, { slotId: body.slotId, childId: voucher.child.id, contactName: body.contactName, contactPhone: body.contactPhone, note: `体验券 ${voucher.code}` })
  if (answer.statusCode >= 400) return answer as Answer<never>
  const booking = answer.body as Booking
  if (!(await attachBooking(db, voucherId, booking.id, previousEnded ? previous!.id : null))) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.alreadyBooked)
  return { statusCode: 201, body: await voucherOf(db, viewer, voucherId, today) }
}
