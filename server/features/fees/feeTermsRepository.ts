import { FeeTermsBody } from '@domain/feeTerms'
import { Queryable } from '../../platform/db/database'

/** institution_fee_terms (migration 015). */

export interface FeeTermsRow {
  institution_id: string
  meals_fen_per_month: number
  registration_fen: number
  deposit_fen: number
  prepay_months: number
  notice_days: number
  refund_on_withdrawal: string
  updated_at: string | Date
}

export async function findFeeTermsRow(db: Queryable, institutionId: string): Promise<FeeTermsRow | undefined> {
  const { rows } = await db.query<FeeTermsRow>('select * from institution_fee_terms where institution_id = $1', [institutionId])
  return rows[0]
}

/** One statement: insert or replace the institution's terms. */
export async function upsertFeeTerms(db: Queryable, institutionId: string, terms: FeeTermsBody, updatedBy: string | null): Promise<FeeTermsRow> {
  const { rows } = await db.query<FeeTermsRow>(
    `insert into institution_fee_terms
       (institution_id, meals_fen_per_month, registration_fen, deposit_fen, prepay_months, notice_days, refund_on_withdrawal, updated_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (institution_id) do update set
       meals_fen_per_month = excluded.meals_fen_per_month,
       registration_fen = excluded.registration_fen,
       deposit_fen = excluded.deposit_fen,
       prepay_months = excluded.prepay_months,
       notice_days = excluded.notice_days,
       refund_on_withdrawal = excluded.refund_on_withdrawal,
       updated_by = excluded.updated_by,
       updated_at = now()
     returning *`,
    [institutionId, terms.mealsFenPerMonth, terms.registrationFen, terms.depositFen, terms.prepayMonths, terms.noticeDays, terms.refundOnWithdrawal, updatedBy],
  )
  return rows[0]
}
