import { CARE_MODE_LABELS, describeFee } from '@domain/careMode'
import { describeNetPrice, InstitutionNetPrice, netMonthlyPrice, NetPriceQuery } from '@domain/netPrice'
import { Policy } from '@domain/policy'
import { isValidIsoDate, todayInShanghai } from '@domain/shanghaiTime'
import { figureInForce, subsidyFor, taxFor } from '@domain/policyRules'
import { ApiError } from '../../platform/http/apiError'
import { Queryable } from '../../platform/db/database'
import { getInstitutionDetail } from '../find/institutionDetail'
import { feeTermsOf } from '../fees/feeTerms'

/*
 * The net monthly price of each care mode at one institution, for one family: the fee
 * breakdown from the institution's published terms, the help from the policy library,
 * the arithmetic from the domain (src/domain/netPrice.ts). Without a date it assumes a
 * child under 3 with subsidy months left, and says so.
 */

const SUBSIDY_POLICY = 'national-childcare-subsidy'
const TAX_POLICY = 'national-infant-care-tax-deduction'

export async function institutionNetPrice(db: Queryable, policies: readonly Policy[], institutionId: string, query: NetPriceQuery, now = new Date()): Promise<InstitutionNetPrice> {
  for (const field of ['birthDate', 'dueDate'] as const) {
    const value = query[field]
    if (value !== undefined && !isValidIsoDate(value)) throw new ApiError('VALIDATION', '这个日期不存在', { [`query.${field}`]: '这个日期不存在' })
  }
  const today = todayInShanghai(now)
  const institution = await getInstitutionDetail(db, institutionId, now)
  const monthly = institution.careModes.find((m) => m.unit === 'per_month')?.fee ?? null
  const terms = await feeTermsOf(db, institutionId, monthly)
  const subsidyPolicy = policies.find((p) => p.id === SUBSIDY_POLICY)
  const taxPolicy = policies.find((p) => p.id === TAX_POLICY)
  const childDate = query.birthDate ?? query.dueDate
  // Without a date: a child born today stands for "under 3, all months ahead".
  const dateForRules = childDate ?? today
  const subsidy = subsidyPolicy ? subsidyFor(subsidyPolicy, dateForRules, today) : null
  const tax = taxPolicy ? taxFor(taxPolicy, dateForRules, today) : null
  const subsidyMonthlyFen = subsidy && subsidy.monthsLeft > 0 ? subsidy.monthlyFen : 0
  const fullDeduction = tax && tax.monthsLeft > 0 ? tax.deductionFen : 0
  const taxDeductionMonthlyFen = query.taxShare === 'half' ? Math.floor(fullDeduction / 2) : fullDeduction
  const assumption = childDate
    ? `按孩子${query.birthDate ? '出生日期' : '预产期'} ${childDate} 估算；育儿补贴还剩 ${subsidy?.monthsLeft ?? 0} 个月。`
    : '按 3 岁以下、还能领育儿补贴的孩子估算；填写孩子的日期可以算得更准。'

  const modes = institution.careModes.map((mode) => {
    if (mode.unit !== 'per_month') {
      return { mode: mode.mode, fee: mode.fee, unit: mode.unit, netPrice: null, headline: `${CARE_MODE_LABELS[mode.mode]} ${describeFee(mode)}，按次计费，不做月度估算` }
    }
    const price = netMonthlyPrice({
      fees: {
        tuitionFen: mode.fee,
        mealsFen: terms?.mealsFenPerMonth ?? 0,
        registrationFen: terms?.registrationFen ?? 0,
        depositFen: terms?.depositFen ?? 0,
      },
      subsidyMonthlyFen,
      taxDeductionMonthlyFen,
    })
    if (!terms) price.steps.splice(1, 0, '机构还没有公布伙食费、报名费和押金，以上只含托育费')
    return { mode: mode.mode, fee: mode.fee, unit: mode.unit, netPrice: price, headline: `${CARE_MODE_LABELS[mode.mode]} ${describeNetPrice(price)}` }
  })
  const sources = [subsidyPolicy, taxPolicy].flatMap((policy) => {
    if (!policy) return []
    const figure = figureInForce(policy, policy.id === SUBSIDY_POLICY ? 'fen_per_year' : 'fen_per_month', today)
    return figure ? [`${policy.title}：${figure.effectiveFrom} 起，来源 ${figure.source.org}《${figure.source.title}》`] : []
  })
  return { institutionId, assumption, termsPublished: terms !== null, modes, sources }
}
