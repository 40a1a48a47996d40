import crypto from 'node:crypto'
import { todayInShanghai } from '@domain/shanghaiTime'
import { Voucher, VoucherBatchCreateBody, VoucherBatchReport, VOUCHER_MESSAGES } from '@domain/voucher'
import { Page, PageQuery } from '@domain/page'
import { Database, Queryable } from '../../platform/db/database'
import { pageFromRows, timeAndIdCursor } from '../../platform/http/paging'
import { ApiError, notFound } from '../../platform/http/apiError'
import { Viewer } from '../accounts/authentication'
import { findAffordableInstitutionIds, findBatch, findVoucherByCode, insertBatch, listDistrictBatchReports, redeemVoucher } from './voucherRepository'
import { toBatch, toVoucher } from './voucherViews'

/*
 * The regulator's and the staff's side of 体验券: issuing a batch for the district's 普惠
 * institutions, the report of what became of each batch, and redemption at check-in.
 */

export async function issueBatch(db: Database, regulator: Viewer & { regulatorDistrictCode: string }, body: VoucherBatchCreateBody): Promise<VoucherBatchReport> {
  const ids = [...new Set(body.institutionIds)]
  const id = crypto.randomUUID()
  await db.transaction(async (tx) => {
    const allowed = new Set(await findAffordableInstitutionIds(tx, regulator.regulatorDistrictCode, ids))
    const refused = ids.filter((i) => !allowed.has(i))
    if (refused.length > 0) {
      throw new ApiError('VALIDATION', VOUCHER_MESSAGES.notAffordable, { 'body.institutionIds': `${VOUCHER_MESSAGES.notAffordable}：${refused.join('、')}` })
    }
    await insertBatch(tx, { id, districtCode: regulator.regulatorDistrictCode, title: body.title, total: body.total, validFrom: body.validFrom, validUntil: body.validUntil, createdBy: regulator.userId, institutionIds: ids })
  })
  return { ...toBatch((await findBatch(db, id))!), booked: 0, redeemed: 0, enrollmentApplications: 0 }
}

/** GET /regulator/voucher-batches: one page of the district's batches, newest first. */
export async function districtBatchReports(db: Queryable, regulator: { regulatorDistrictCode: string }, query: PageQuery): Promise<Page<VoucherBatchReport>> {
  const after = query.cursor ? timeAndIdCursor.decode(query.cursor) : undefined
  const rows = await listDistrictBatchReports(db, regulator.regulatorDistrictCode, after, query.limit + 1)
  return pageFromRows(
    rows,
    query.limit,
    (row) => ({ ...toBatch(row), booked: row.booked, redeemed: row.redeemed, enrollmentApplications: row.enrollment_applications }),
    (row) => ({ at: row.cursor_at, id: row.id }),
    timeAndIdCursor,
  )
}

/**
 * POST /staff/vouchers/redeem: at check-in, for a voucher booked at this institution.
 * Another institution's voucher is a 404, as if it did not exist.
 */
export async function redeemAtCheckIn(db: Database, staff: Viewer & { staffInstitutionId: string }, code: string, now = new Date()): Promise<Voucher> {
  const today = todayInShanghai(now)
  const row = await findVoucherByCode(db, code)
  const batch = row ? await findBatch(db, row.batch_id) : undefined
  if (!row || !batch || !batch.institutions.some((i) => i.id === staff.staffInstitutionId)) throw notFound('没有找到这张体验券，请核对券码')
  if (row.status === 'redeemed') throw new ApiError('CONFLICT', VOUCHER_MESSAGES.used)
  if (batch.valid_until < today) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.expired)
  if (row.status !== 'booked') throw new ApiError('CONFLICT', VOUCHER_MESSAGES.notBooked)
  if (row.booking_institution_id !== staff.staffInstitutionId) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.bookedElsewhere)
  // the guard: only one desk's update finds the voucher still 'booked'
  if (!(await redeemVoucher(db, row.id, staff.userId))) throw new ApiError('CONFLICT', VOUCHER_MESSAGES.used)
  return toVoucher((await findVoucherByCode(db, code))!, batch, today)
}
