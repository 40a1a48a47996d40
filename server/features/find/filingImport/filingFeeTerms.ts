import { FeeTermsBody, FeeTermsBodySchema } from '@domain/feeTerms'
import { yuanToFen } from '@domain/money'
import { FEE_TERMS_COLUMNS, FILING_COLUMNS, FilingColumn } from './filingColumns'

/*
 * The filing list may carry an institution's 收费与退费约定 in six optional columns
 * (docs/filing-list-csv.md): all six filled, or none. Amounts are in 元 like the fee
 * columns; the domain schema (src/domain/feeTerms.ts) has the last word.
 */

const WHOLE = /^\d+$/
const YUAN = /^\d+(\.\d{1,2})?$/

export function feeTermsOfRow(cell: (column: FilingColumn) => string): { terms: FeeTermsBody | null } | { reason: string } {
  const cells = FEE_TERMS_COLUMNS.map((column) => cell(column).trim())
  if (cells.every((text) => text === '')) return { terms: null }
  const empty = FEE_TERMS_COLUMNS.filter((_, i) => cells[i] === '').map((column) => FILING_COLUMNS[column])
  if (empty.length > 0) return { reason: `收费与退费约定要么六项都填，要么都不填；缺少：${empty.join('、')}` }
  const [meals, registration, deposit, prepay, notice, refund] = cells
  for (const [column, text] of [['mealsFee', meals], ['registrationFee', registration], ['deposit', deposit]] as const) {
    if (!YUAN.test(text)) return { reason: `${FILING_COLUMNS[column]}应为金额（元），如 300 或 300.50` }
  }
  for (const [column, text] of [['prepayMonths', prepay], ['noticeDays', notice]] as const) {
    if (!WHOLE.test(text)) return { reason: `${FILING_COLUMNS[column]}应为整数` }
  }
  const parsed = FeeTermsBodySchema.safeParse({
    mealsFenPerMonth: yuanToFen(Number(meals)),
    registrationFen: yuanToFen(Number(registration)),
    depositFen: yuanToFen(Number(deposit)),
    prepayMonths: Number(prepay),
    noticeDays: Number(notice),
    refundOnWithdrawal: refund,
  })
  if (!parsed.success) return { reason: parsed.error.issues.map((issue) => issue.message).join('；') }
  return { terms: parsed.data }
}
