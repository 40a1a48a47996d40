import { Voucher, VoucherBatch } from '@domain/voucher'
import { BatchRow, VoucherRow } from './voucherRepository'

/** Rows → the API's shapes. */

const iso = (value: string | Date) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString())

export function toBatch(row: BatchRow): VoucherBatch {
  return {
    id: row.id,
    districtCode: row.district_code,
    title: row.title,
    total: row.total,
    claimed: row.claimed,
    remaining: row.total - row.claimed,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    institutions: row.institutions,
  }
}

export function toVoucher(row: VoucherRow, batch: BatchRow, today: string): Voucher {
  return {
    id: row.id,
    code: row.code,
    status: row.status,
    expired: row.status !== 'redeemed' && batch.valid_until < today,
    batch: { id: batch.id, title: batch.title, validFrom: batch.valid_from, validUntil: batch.valid_until, institutions: batch.institutions },
    child: { id: row.child_id ?? '', nickname: row.child_nickname },
    booking:
      row.booking_id && row.booking_code && row.booking_status && row.booking_starts_at
        ? {
            id: row.booking_id,
            code: row.booking_code,
            status: row.booking_status as NonNullable<Voucher['booking']>['status'],
            institutionName: row.booking_institution_name ?? '',
            startsAt: iso(row.booking_starts_at),
          }
        : null,
    claimedAt: iso(row.claimed_at),
    redeemedAt: row.redeemed_at ? iso(row.redeemed_at) : null,
  }
}
