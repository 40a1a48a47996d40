import { Queryable } from '../../platform/db/database'
import { cursorTimeSql, TimeAndId } from '../../platform/http/paging'

/** voucher_batches, voucher_batch_institutions and vouchers (migration 016). */

export interface BatchRow {
  id: string
  district_code: string
  title: string
  total: number
  claimed: number
  valid_from: string
  valid_until: string
  institutions: Array<{ id: string; name: string }>
}

const BATCH_COLUMNS = `b.id, b.district_code, b.title, b.total, b.claimed, b.valid_from, b.valid_until,
  coalesce((select json_agg(json_build_object('id', i.id, 'name', i.name) order by i.name)
            from voucher_batch_institutions bi join institutions i on i.id = bi.institution_id
            where bi.batch_id = b.id), '[]'::json) as institutions`

export async function insertBatch(
  db: Queryable,
  batch: { id: string; districtCode: string; title: string; total: number; validFrom: string; validUntil: string; createdBy: string; institutionIds: string[] },
): Promise<void> {
  await db.query(
    `insert into voucher_batches (id, district_code, title, total, valid_from, valid_until, created_by) values ($1, $2, $3, $4, $5, $6, $7)`,
    [batch.id, batch.districtCode, batch.title, batch.total, batch.validFrom, batch.validUntil, batch.createdBy],
  )
  await db.query(`insert into voucher_batch_institutions (batch_id, institution_id) select $1, unnest($2::text[])`, [batch.id, batch.institutionIds])
}

/** The institutions among `ids` that are 普惠 and in the district: a batch may only name these. */
export async function findAffordableInstitutionIds(db: Queryable, districtCode: string, ids: string[]): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`select id from institutions where id = any($1::text[]) and district_code = $2 and affordable`, [ids, districtCode])
  return rows.map((r) => r.id)
}

export async function findBatch(db: Queryable, id: string): Promise<BatchRow | undefined> {
  const { rows } = await db.query<BatchRow>(`select ${BATCH_COLUMNS} from voucher_batches b where b.id = $1`, [id])
  return rows[0]
}

/** One page of the batches a parent can still claim from in a district (or every district), soonest ending first, after `after`. */
export async function listOpenBatches(db: Queryable, districtCode: string | null, today: string, after: { day: string; id: string } | undefined, limit: number): Promise<BatchRow[]> {
  const { rows } = await db.query<BatchRow>(
    `select ${BATCH_COLUMNS} from voucher_batches b
     where ($1::text is null or b.district_code = $1) and b.valid_from <= $2 and b.valid_until >= $2 and b.claimed < b.total
       and ($3::date is null or (b.valid_until, b.id) > ($3::date, $4::text))
     order by b.valid_until, b.id limit $5`,
    [districtCode, today, after?.day ?? null, after?.id ?? '', limit],
  )
  return rows
}

export interface BatchReportRow extends BatchRow {
  /** created_at to the microsecond, for the page cursor. */
  cursor_at: string
  booked: number
  redeemed: number
  enrollment_applications: number
}

/** One page of a district's batches with their follow-up counts, newest first, after `after`. */
export async function listDistrictBatchReports(db: Queryable, districtCode: string, after: TimeAndId | undefined, limit: number): Promise<BatchReportRow[]> {
  const { rows } = await db.query<BatchReportRow>(
    `select ${BATCH_COLUMNS}, ${cursorTimeSql('b.created_at')} as cursor_at,
       (select count(*) from vouchers v where v.batch_id = b.id and v.status in ('booked', 'redeemed'))::int as booked,
       (select count(*) from vouchers v where v.batch_id = b.id and v.status = 'redeemed')::int as redeemed,
       (select count(distinct e.id) from vouchers v
          join enrollments e on e.child_id = v.child_id and e.created_at >= v.claimed_at
          join voucher_batch_institutions bi on bi.batch_id = v.batch_id and bi.institution_id = e.institution_id
        where v.batch_id = b.id)::int as enrollment_applications
     from voucher_batches b
     where b.district_code = $1 and ($2::timestamptz is null or (b.created_at, b.id) < ($2::timestamptz, $3::text))
     order by b.created_at desc, b.id desc limit $4`,
    [districtCode, after?.at ?? null, after?.id ?? '', limit],
  )
  return rows
}

/** The claim guard: one statement; a waiting UPDATE re-checks claimed < total on the new row. */
export async function takeVoucherFromBatch(db: Queryable, batchId: string, today: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `update voucher_batches set claimed = claimed + 1
     where id = $1 and claimed < total and valid_from <= $2 and valid_until >= $2`,
    [batchId, today],
  )
  return rowCount === 1
}

export async function childOfParent(db: Queryable, userId: string, childId: string): Promise<{ id: string; nickname: string } | undefined> {
  const { rows } = await db.query<{ id: string; nickname: string }>(`select id, nickname from children where id = $1 and user_id = $2`, [childId, userId])
  return rows[0]
}

export async function hasVoucherForChild(db: Queryable, batchId: string, childId: string): Promise<boolean> {
  const { rows } = await db.query(`select 1 from vouchers where batch_id = $1 and child_id = $2`, [batchId, childId])
  return rows.length > 0
}

/** Inserts a voucher, or returns false when the code was taken (draw again) or the child already has one (unique). */
export async function insertVoucher(
  db: Queryable,
  voucher: { id: string; batchId: string; code: string; userId: string; childId: string; childNickname: string },
): Promise<'inserted' | 'code_taken' | 'child_has_one'> {
  const { rows } = await db.query<{ id: string }>(
    `insert into vouchers (id, batch_id, code, user_id, child_id, child_nickname, status)
     values ($1, $2, $3, $4, $5, $6, 'claimed')
     on conflict do nothing returning id`,
    [voucher.id, voucher.batchId, voucher.code, voucher.userId, voucher.childId, voucher.childNickname],
  )
  if (rows.length === 1) return 'inserted'
  return (await hasVoucherForChild(db, voucher.batchId, voucher.childId)) ? 'child_has_one' : 'code_taken'
}

export interface VoucherRow {
  id: string
  code: string
  status: 'claimed' | 'booked' | 'redeemed'
  batch_id: string
  user_id: string
  child_id: string | null
  child_nickname: string
  booking_id: string | null
  claimed_at: string | Date
  redeemed_at: string | Date | null
  booking_code: string | null
  booking_status: string | null
  booking_institution_id: string | null
  booking_institution_name: string | null
  booking_starts_at: string | Date | null
  /** claimed_at to the microsecond, for the page cursor. */
  cursor_at: string
}

const VOUCHER_COLUMNS = `v.id, v.code, v.status, v.batch_id, v.user_id, v.child_id, v.child_nickname, v.booking_id, v.claimed_at, v.redeemed_at,
  ${cursorTimeSql('v.claimed_at')} as cursor_at,
  bk.code as booking_code, bk.status as booking_status, s.institution_id as booking_institution_id, i.name as booking_institution_name, s.starts_at as booking_starts_at`
const VOUCHER_JOINS = `from vouchers v left join bookings bk on bk.id = v.booking_id left join slots s on s.id = bk.slot_id left join institutions i on i.id = s.institution_id`

export async function findVoucherOfUser(db: Queryable, id: string, userId: string): Promise<VoucherRow | undefined> {
  const { rows } = await db.query<VoucherRow>(`select ${VOUCHER_COLUMNS} ${VOUCHER_JOINS} where v.id = $1 and v.user_id = $2`, [id, userId])
  return rows[0]
}

/** One page of a parent's vouchers, newest claim first, after `after`. */
export async function listVouchersOfUser(db: Queryable, userId: string, after: TimeAndId | undefined, limit: number): Promise<VoucherRow[]> {
  const { rows } = await db.query<VoucherRow>(
    `select ${VOUCHER_COLUMNS} ${VOUCHER_JOINS}
     where v.user_id = $1 and ($2::timestamptz is null or (v.claimed_at, v.id) < ($2::timestamptz, $3::text))
     order by v.claimed_at desc, v.id desc limit $4`,
    [userId, after?.at ?? null, after?.id ?? '', limit],
  )
  return rows
}

export async function findVoucherByCode(db: Queryable, code: string): Promise<VoucherRow | undefined> {
  const { rows } = await db.query<VoucherRow>(`select ${VOUCHER_COLUMNS} ${VOUCHER_JOINS} where v.code = $1`, [code])
  return rows[0]
}

export async function findSlotForVoucher(db: Queryable, slotId: string): Promise<{ institution_id: string; kind: string } | undefined> {
  const { rows } = await db.query<{ institution_id: string; kind: string }>(`select institution_id, kind from slots where id = $1`, [slotId])
  return rows[0]
}

/**
 * Ties a booking to the voucher, replacing `previousBookingId` (null the first time; a
 * cancelled booking when the parent books again). Never touches a redeemed voucher.
 */
export async function attachBooking(db: Queryable, voucherId: string, bookingId: string, previousBookingId: string | null): Promise<boolean> {
  const { rowCount } = await db.query(
    `update vouchers set status = 'booked', booking_id = $2
     where id = $1 and status <> 'redeemed' and (booking_id = $2 or booking_id is not distinct from $3)`,
    [voucherId, bookingId, previousBookingId],
  )
  return rowCount === 1
}

/** The redemption guard: one statement, so a code is redeemed once however many desks try at once. */
export async function redeemVoucher(db: Queryable, voucherId: string, staffUserId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `update vouchers set status = 'redeemed', redeemed_at = now(), redeemed_by = $2 where id = $1 and status = 'booked'`,
    [voucherId, staffUserId],
  )
  return rowCount === 1
}
