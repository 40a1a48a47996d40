import { z } from 'zod'
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

const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.null() })

export async function listOpenBatches(districtCode?: string): Promise<VoucherBatch[]> {
  return (await getJson('/api/v1/voucher-batches', page(VoucherBatchSchema), districtCode ? [['districtCode', districtCode]] : [])).items
}

export function claimVoucher(batchId: string, childId: string): Promise<Voucher> {
  return requestJson('POST', `/api/v1/voucher-batches/${encodeURIComponent(batchId)}/claims`, VoucherSchema, { auth: true, body: { childId } })
}

export async function listMyVouchers(): Promise<Voucher[]> {
  return (await requestJson('GET', '/api/v1/me/vouchers', page(VoucherSchema), { auth: true })).items
}

export function bookTrialWithVoucher(voucherId: string, body: VoucherBookBody): Promise<Voucher> {
  return requestJson('POST', `/api/v1/me/vouchers/${encodeURIComponent(voucherId)}/booking`, VoucherSchema, { auth: true, body })
}

/** Workbench (regulator). */
export function issueVoucherBatch(body: VoucherBatchCreateBody): Promise<VoucherBatchReport> {
  return requestJson('POST', '/api/v1/regulator/voucher-batches', VoucherBatchReportSchema, { auth: true, body })
}

export async function listBatchReports(): Promise<VoucherBatchReport[]> {
  return (await requestJson('GET', '/api/v1/regulator/voucher-batches', page(VoucherBatchReportSchema), { auth: true })).items
}

/** Workbench (institution staff), at check-in. */
export function redeemVoucher(code: string): Promise<Voucher> {
  return requestJson('POST', '/api/v1/staff/vouchers/redeem', VoucherSchema, { auth: true, body: { code } })
}
