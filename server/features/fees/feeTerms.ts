import { FeeTerms, FeeTermsBody, prepaymentWarning } from '@domain/feeTerms'
import { Queryable } from '../../platform/db/database'
import { notFound } from '../../platform/http/apiError'
import { getInstitutionDetail } from '../find/institutionDetail'
import { findFeeTermsRow, FeeTermsRow, upsertFeeTerms } from './feeTermsRepository'

/*
 * 收费与退费约定: read by parents on the institution page, kept by the institution's staff.
 * Other features (the net price) read them through feeTermsOf, never the repository.
 */

/** The full-day monthly fee, which the prepayment warning turns into money at risk. */
function monthlyFeeOf(careModes: Array<{ mode: string; fee: number }>): number | null {
  return careModes.find((m) => m.mode === 'full_day')?.fee ?? careModes.find((m) => m.mode === 'half_day')?.fee ?? null
}

function toTerms(row: FeeTermsRow, monthlyFeeFen: number | null): FeeTerms {
  const body: FeeTermsBody = {
    mealsFenPerMonth: row.meals_fen_per_month,
    registrationFen: row.registration_fen,
    depositFen: row.deposit_fen,
    prepayMonths: row.prepay_months,
    noticeDays: row.notice_days,
    refundOnWithdrawal: row.refund_on_withdrawal,
  }
  const updatedAt = row.updated_at instanceof Date ? row.updated_at.toISOString() : new Date(row.updated_at).toISOString()
  return { ...body, institutionId: row.institution_id, updatedAt, warning: prepaymentWarning(body, monthlyFeeFen) }
}

/** The terms of an institution, or null when it has not published any. */
export async function feeTermsOf(db: Queryable, institutionId: string, monthlyFeeFen: number | null): Promise<FeeTerms | null> {
  const row = await findFeeTermsRow(db, institutionId)
  return row ? toTerms(row, monthlyFeeFen) : null
}

/** GET /institutions/:id/fee-terms: 404 for an unknown institution, `terms: null` when none are published. */
export async function publicFeeTerms(db: Queryable, institutionId: string): Promise<{ terms: FeeTerms | null }> {
  const institution = await getInstitutionDetail(db, institutionId)
  return { terms: await feeTermsOf(db, institutionId, monthlyFeeOf(institution.careModes)) }
}

/** PUT /staff/fee-terms: staff set their own institution's terms (never another's). */
export async function setFeeTerms(db: Queryable, staff: { userId: string; staffInstitutionId: string }, body: FeeTermsBody): Promise<FeeTerms> {
  const institution = await getInstitutionDetail(db, staff.staffInstitutionId).catch(() => {
    throw notFound('没有找到您所在的机构')
  })
  const row = await upsertFeeTerms(db, staff.staffInstitutionId, body, staff.userId)
  return toTerms(row, monthlyFeeOf(institution.careModes))
}

/** The filing import: terms carried by the official list (no staff user behind them). */
export async function importFeeTerms(db: Queryable, institutionId: string, body: FeeTermsBody): Promise<void> {
  await upsertFeeTerms(db, institutionId, body, null)
}
