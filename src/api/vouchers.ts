import { Page, pageSchema } from '@domain/page'
import {
  Voucher,
  VoucherBatch,
  VoucherBatchCreateBody,
  VoucherBatchReport,
  VoucherBatchReportSchema,
  VoucherBatchSchema,
  VoucherBookBody,
  VoucherSchema,
} from '@domain/voucher'
import { getJson, requestJson } from './client'

/** 体验券 (docs/api.md "Vouchers"). */

const cursorParams = (cursor?: string): [string, string][] => (cursor ? [['cursor', cursor]] : [])

/** One page of open batches, soonest ending first; read through usePaged. */
export function listOpenBatches(districtCode: string | undefined, cursor?: string): Promise<Page<VoucherBatch>> {
  return getJson('/api/v1/voucher-batches', pageSchema(VoucherBatchSchema), [...(districtCode ? [['districtCode', districtCode] as [string, string]] : []), ...cursorParams(cursor)])
}

export function claimVoucher(batchId: string, childId: string): Promise<Voucher> {
  return requestJson('POST', `/api/v1/voucher-batches/${encodeURIComponent(batchId)}/claims`, VoucherSchema, { auth: true, body: { childId } })
}

/** One page of the parent's vouchers, newest first; read through usePaged. */
export function listMyVouchers(cursor?: string): Promise<Page<Voucher>> {
  return requestJson('GET', '/api/v1/me/vouchers', pageSchema(VoucherSchema), { auth: true, params: cursorParams(cursor) })
}

export function bookTrialWithVoucher(voucherId: string, body: VoucherBookBody): Promise<Voucher> {
  return requestJson('POST', `/api/v1/me/vouchers/${encodeURIComponent(voucherId)}/booking`, VoucherSchema, { auth: true, body })
}

/** Workbench (regulator). */
export function issueVoucherBatch(body: VoucherBatchCreateBody): Promise<VoucherBatchReport> {
  return requestJson('POST', '/api/v1/regulator/voucher-batches', VoucherBatchReportSchema, { auth: true, body })
}

/** One page of the district's batch reports, newest first; read through usePaged. */
export function listBatchReports(cursor?: string): Promise<Page<VoucherBatchReport>> {
  return requestJson('GET', '/api/v1/regulator/voucher-batches', pageSchema(VoucherBatchReportSchema), { auth: true, params: cursorParams(cursor) })
}

/** Workbench (institution staff), at check-in. */
export function redeemVoucher(code: string): Promise<Voucher> {
  return requestJson('POST', '/api/v1/staff/vouchers/redeem', VoucherSchema, { auth: true, body: { code } })
}
